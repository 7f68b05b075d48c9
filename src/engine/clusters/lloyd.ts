/**
 * Lloyd's k-means iterations with Hamerly's bounds: the inner loop of every k-means restart.
 */
import { squaredDistance, squaredRowDistance, withinSumOfSquares, type Matrix } from './matrix';
import type { KMeansResult } from './kmeans';

/**
 * Lloyd iterations from given centres until no label changes, with Hamerly's bounds (2010): each
 * point keeps an upper bound on the distance to its centre and a lower bound on the distance to
 * every other centre, moved by how far the centres move; a point whose bounds show its centre is
 * still the nearest is not measured again. Same fixed points as plain Lloyd (a tie keeps the current
 * centre), a fraction of the distances. An emptied cluster takes the point farthest from its centre,
 * so k clusters survive whenever there are k distinct points.
 * @param m the points
 * @param start initial centres (k·d)
 * @param maxIterations cap
 * @param tailChanges stop once a pass changes at most this many labels (0 = until none change);
 *   centres are then the means of the current labels, ready for `hartigan`
 * @returns the converged solution
 */
export function lloyd(m: Matrix, start: Float64Array, maxIterations: number, tailChanges = 0): KMeansResult {
  const k = start.length / m.d;
  const centres = start.slice();
  const previous = new Float64Array(centres.length);
  const labels = new Int32Array(m.n);
  const upper = new Float64Array(m.n);
  const lower = new Float64Array(m.n);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const sums = new Float64Array(k * m.d);
  const counts = new Int32Array(k);
  let iterations = 0;
  // each pass is its own small function: V8 optimises those on their first calls, where one big
  // loop body waited for on-stack replacement and then deoptimised on its first later pass
  for (; iterations < maxIterations; iterations++) {
    let changed = m.n;
    if (iterations === 0) {
      assignAll(m, centres, k, labels, upper, lower);
      sumClusters(m, labels, sums, counts);
    } else {
      halfGaps(centres, k, m.d, half);
      changed = reassign(m, centres, k, labels, upper, lower, half, sums, counts);
      if (changed === 0) break;
    }
    previous.set(centres);
    updateCentres(m, labels, previous, centres, sums, counts);
    shiftBounds(centres, previous, k, m.d, labels, upper, lower, moved);
    // the long tail of Lloyd passes moves a handful of points each; stop and leave them to Hartigan
    if (iterations > 0 && changed <= tailChanges) break;
  }
  return { k, centres, labels, withinSS: withinSumOfSquares(m, centres, labels), iterations };
}

/** Assigns every point to its nearest centre, with its bounds. */
function assignAll(m: Matrix, centres: Float64Array, k: number, labels: Int32Array, upper: Float64Array, lower: Float64Array): void {
  for (let i = 0; i < m.n; i++) nearest(m, i, centres, k, labels, upper, lower);
}

/**
 * One Hamerly pass: re-measures only the points whose bounds no longer prove their centre nearest,
 * moving a point that changes cluster between the running sums.
 * @returns the number of points that changed cluster
 */
function reassign(
  m: Matrix, centres: Float64Array, k: number, labels: Int32Array, upper: Float64Array, lower: Float64Array, half: Float64Array, sums: Float64Array, counts: Int32Array,
): number {
  let changed = 0;
  for (let i = 0; i < m.n; i++) {
    const own = labels[i];
    const bound = Math.max(half[own], lower[i]);
    if (upper[i] <= bound) continue;
    upper[i] = Math.sqrt(squaredDistance(m, i, centres, own));
    if (upper[i] <= bound) continue;
    const to = nearest(m, i, centres, k, labels, upper, lower);
    if (to === own) continue;
    changed++;
    counts[own]--;
    counts[to]++;
    for (let t = 0; t < m.d; t++) {
      sums[own * m.d + t] -= m.data[i * m.d + t];
      sums[to * m.d + t] += m.data[i * m.d + t];
    }
  }
  return changed;
}

/** Measures point i against every centre: label = the nearest (lowest index on ties), upper = its distance, lower = the next. */
function nearest(m: Matrix, i: number, centres: Float64Array, k: number, labels: Int32Array, upper: Float64Array, lower: Float64Array): number {
  let bestJ = 0;
  let bestD = Infinity;
  let secondD = Infinity;
  for (let j = 0; j < k; j++) {
    const dist = squaredDistance(m, i, centres, j);
    if (dist < bestD) {
      secondD = bestD;
      bestD = dist;
      bestJ = j;
    } else if (dist < secondD) {
      secondD = dist;
    }
  }
  labels[i] = bestJ;
  upper[i] = Math.sqrt(bestD);
  lower[i] = Math.sqrt(secondD);
  return bestJ;
}

/** half[j] = half the distance from centre j to its nearest other centre (a point closer than that to j stays). */
function halfGaps(centres: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const gap = Math.sqrt(squaredRowDistance(centres, a, centres, b, d)) / 2;
      if (gap < half[a]) half[a] = gap;
      if (gap < half[b]) half[b] = gap;
    }
  }
}

/** Widens each point's bounds by how far the centres moved (triangle inequality). */
function shiftBounds(centres: Float64Array, previous: Float64Array, k: number, d: number, labels: Int32Array, upper: Float64Array, lower: Float64Array, moved: Float64Array): void {
  let most = -1;
  for (let j = 0; j < k; j++) {
    moved[j] = Math.sqrt(squaredRowDistance(centres, j, previous, j, d));
    if (most < 0 || moved[j] > moved[most]) most = j;
  }
  let second = 0;
  for (let j = 0; j < k; j++) if (j !== most && moved[j] > second) second = moved[j];
  for (let i = 0; i < labels.length; i++) {
    upper[i] += moved[labels[i]];
    lower[i] -= labels[i] === most ? second : moved[most];
  }
}

/** Per-cluster coordinate sums and sizes of labelled points. */
function sumClusters(m: Matrix, labels: Int32Array, sums: Float64Array, counts: Int32Array): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < m.n; i++) {
    const j = labels[i];
    counts[j]++;
    for (let t = 0; t < m.d; t++) sums[j * m.d + t] += m.data[i * m.d + t];
  }
}

/**
 * Centres ← means of their points (from the running sums, which moves keep up to date); an empty
 * cluster takes the point farthest from its (previous) centre, each such point used once.
 */
function updateCentres(m: Matrix, labels: Int32Array, previous: Float64Array, centres: Float64Array, sums: Float64Array, counts: Int32Array): void {
  const k = counts.length;
  let distances: Float64Array | null = null;
  for (let j = 0; j < k; j++) {
    if (counts[j] > 0) {
      for (let t = 0; t < m.d; t++) centres[j * m.d + t] = sums[j * m.d + t] / counts[j];
      continue;
    }
    distances ??= Float64Array.from(labels, (label, i) => squaredDistance(m, i, previous, label));
    let far = 0;
    for (let i = 1; i < m.n; i++) if (distances[i] > distances[far]) far = i;
    centres.set(m.data.subarray(far * m.d, far * m.d + m.d), j * m.d);
    distances[far] = 0;
  }
}
