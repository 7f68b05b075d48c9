/**
 * Points as a flat row-major matrix and the distances every k-means step measures on it.
 */

/** Points as a flat row-major matrix: point i is data[i*d .. i*d + d). */
export interface Matrix {
  data: Float64Array;
  n: number;
  d: number;
}

/**
 * Squared Euclidean distance between row i of `a` and row j of `b`, rows `d` wide.
 * @param a row-major rows
 * @param i row of `a`
 * @param b row-major rows (may be `a`)
 * @param j row of `b`
 * @param d the width of a row
 * @returns the squared distance
 */
export function squaredRowDistance(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const from = i * d;
  const to = j * d;
  for (let t = 0; t < d; t++) {
    const diff = a[from + t] - b[to + t];
    s += diff * diff;
  }
  return s;
}

/** Squared distance from point i to row j of `centres` (which may be the points themselves). */
export function squaredDistance(m: Matrix, i: number, centres: Float64Array, j: number): number {
  return squaredRowDistance(m.data, i, centres, j, m.d);
}

/**
 * Within-cluster sum of squared distances of labelled points to their centres.
 * @param m the points
 * @param centres centre j is centres[j*d .. j*d + d)
 * @param labels the centre of each point
 * @returns the sum of squares
 */
export function withinSumOfSquares(m: Matrix, centres: Float64Array, labels: Int32Array): number {
  let withinSS = 0;
  for (let i = 0; i < m.n; i++) withinSS += squaredDistance(m, i, centres, labels[i]);
  return withinSS;
}
