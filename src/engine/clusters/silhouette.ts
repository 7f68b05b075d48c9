/**
 * Mean silhouette width (Rousseeuw 1987) with Euclidean distances: O(n² · d), so callers pass a
 * sample of at most a few thousand points. The pairwise distances can be computed once and
 * reused for every k tried.
 */
import { squaredDistance, type Matrix } from './matrix';

/**
 * Pairwise Euclidean distances, condensed: the pair (i, j), i < j, is at i·n − i(i+1)/2 + j − i − 1.
 * @param m the points (n up to a few thousand: n(n−1)/2 numbers are kept)
 * @returns the condensed distance matrix
 */
export function pairwiseDistances(m: Matrix): Float64Array {
  const out = new Float64Array((m.n * (m.n - 1)) / 2);
  let at = 0;
  for (let i = 0; i < m.n; i++) {
    for (let j = i + 1; j < m.n; j++) {
      out[at++] = Math.sqrt(squaredDistance(m, i, m.data, j));
    }
  }
  return out;
}

/**
 * Mean silhouette from precomputed distances. A point alone in its cluster scores 0.
 * @param distances condensed distances from `pairwiseDistances`
 * @param n number of points
 * @param labels cluster of each point, 0..k-1
 * @param k number of clusters
 * @returns the mean silhouette in [-1, 1]; 0 when k < 2
 */
export function silhouetteFromDistances(distances: Float64Array, n: number, labels: Int32Array, k: number): number {
  if (k < 2 || n < 2) return 0;
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  // two small functions rather than one: V8 optimises each on its first call instead of
  // replacing a running loop and deoptimising when the second loop starts
  return meanWidth(distanceSums(distances, n, labels, k), sizes, n, labels, k);
}

/** sums[i*k + c] = Σ distance from point i to the points of cluster c. */
function distanceSums(distances: Float64Array, n: number, labels: Int32Array, k: number): Float64Array {
  const sums = new Float64Array(n * k);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    for (let j = i + 1; j < n; j++) {
      const dist = distances[at++];
      sums[i * k + labels[j]] += dist;
      sums[j * k + li] += dist;
    }
  }
  return sums;
}

/** Mean of (b − a)/max(a, b) over the points; a point alone in its cluster scores 0. */
function meanWidth(sums: Float64Array, sizes: Int32Array, n: number, labels: Int32Array, k: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[i * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[i * k + c] / sizes[c]);
    const width = Math.max(a, b);
    if (Number.isFinite(b) && width > 0) total += (b - a) / width;
  }
  return total / n;
}

/**
 * Mean silhouette of a labelled set of points.
 * @param m the points
 * @param labels cluster of each point, 0..k-1
 * @param k number of clusters
 * @returns the mean silhouette in [-1, 1]; 0 when k < 2
 */
export function meanSilhouette(m: Matrix, labels: Int32Array, k: number): number {
  if (k < 2 || m.n < 2) return 0;
  return silhouetteFromDistances(pairwiseDistances(m), m.n, labels, k);
}
