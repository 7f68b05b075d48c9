/**
 * Clustering features: log-transformed R, F, M (and optionally L), standardised to mean 0 and
 * standard deviation 1 so that no metric dominates by its units.
 */
import type { CustomerResult } from '../types';
import type { Matrix } from './kmeans';

/** Feature names in matrix column order. */
export type Feature = 'L' | 'R' | 'F' | 'M';

/**
 * ln(1 + |v|) with the sign of v: a log scale that keeps zero at zero and accepts negative
 * monetary values (net returns).
 * @param v any finite number
 * @returns the signed log
 */
export function signedLog1p(v: number): number {
  return v < 0 ? -Math.log1p(-v) : Math.log1p(v);
}

/**
 * Builds the standardised feature matrix. A feature with no spread becomes all zeros.
 * @param customers the scored customers
 * @param withLength include L (length in days) when every customer has it
 * @returns the matrix and its feature names
 */
export function buildFeatures(customers: readonly CustomerResult[], withLength: boolean): { matrix: Matrix; features: Feature[] } {
  const useLength = withLength && customers.length > 0 && customers.every((c) => c.lengthDays !== null);
  const features: Feature[] = useLength ? ['L', 'R', 'F', 'M'] : ['R', 'F', 'M'];
  const d = features.length;
  const n = customers.length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    let t = i * d;
    if (useLength) data[t++] = signedLog1p(c.lengthDays ?? 0);
    data[t++] = signedLog1p(c.recencyDays);
    data[t++] = signedLog1p(c.frequency);
    data[t] = signedLog1p(c.monetary);
  }
  for (let f = 0; f < d; f++) standardiseColumn(data, n, d, f);
  return { matrix: { data, n, d }, features };
}

function standardiseColumn(data: Float64Array, n: number, d: number, f: number): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data[i * d + f];
  mean /= n || 1;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (data[i * d + f] - mean) ** 2;
  const sd = Math.sqrt(ss / (n || 1));
  for (let i = 0; i < n; i++) data[i * d + f] = sd > 1e-12 ? (data[i * d + f] - mean) / sd : 0;
}

/**
 * Number of distinct points (capped at `cap`), to keep k below it.
 * @param m the matrix
 * @param cap stop counting here
 * @returns distinct rows, at most cap
 */
export function distinctRows(m: Matrix, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < m.n && seen.size < cap; i++) seen.add(Array.from(m.data.subarray(i * m.d, i * m.d + m.d)).join(','));
  return seen.size;
}
