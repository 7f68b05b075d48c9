/**
 * Mean silhouette width (Rousseeuw 1987) with Euclidean distances: O(n² · d), so callers pass a
 * sample of at most a few thousand points.
 */
import type { Matrix } from './kmeans';

/**
 * Mean silhouette of a labelled set of points. A point alone in its cluster scores 0.
 * @param m the points
 * @param labels cluster of each point, 0..k-1
 * @param k number of clusters
 * @returns the mean silhouette in [-1, 1]; 0 when k < 2
 */
export function meanSilhouette(m: Matrix, labels: Int32Array, k: number): number {
  if (k < 2 || m.n < 2) return 0;
  const sizes = new Int32Array(k);
  for (let i = 0; i < m.n; i++) sizes[labels[i]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m.n; i++) {
    sums.fill(0);
    for (let j = 0; j < m.n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < m.d; t++) {
        const diff = m.data[i * m.d + t] - m.data[j * m.d + t];
        s += diff * diff;
      }
      sums[labels[j]] += Math.sqrt(s);
    }
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    const width = Math.max(a, b);
    if (Number.isFinite(b) && width > 0) total += (b - a) / width;
  }
  return total / m.n;
}
