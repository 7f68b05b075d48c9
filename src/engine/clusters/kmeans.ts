/**
 * k-means (Lloyd) with greedy k-means++ seeding and restarts, on a flat row-major matrix.
 * Deterministic for a given seed. Complexity O(restarts · iterations · n · k · d).
 */
import { seededRandom, type Random } from './random';
import { squaredDistance, withinSumOfSquares, type Matrix } from './matrix';
import { lloyd } from './lloyd';

export { lloyd } from './lloyd';
export type { Matrix } from './matrix';

/** A k-means solution. */
export interface KMeansResult {
  k: number;
  /** Centre j is centres[j*d .. j*d + d). */
  centres: Float64Array;
  labels: Int32Array;
  /** Within-cluster sum of squared distances. */
  withinSS: number;
  iterations: number;
  /** Restarts run (set by `kmeans`). */
  restarts?: number;
  /** The best distinct solutions found, lowest sum of squares first (set by `kmeans` when `keep` > 1). */
  candidates?: KMeansResult[];
}

/** k-means settings. */
export interface KMeansOptions {
  /** Independent seedings; the lowest sum of squares wins (default 10). */
  restarts?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Lloyd iterations cap per restart (default 300). */
  maxIterations?: number;
  /** Refine each restart with Hartigan moves (default true). */
  refine?: boolean;
  /**
   * Stop early once the lowest sum of squares has been reached this many times (within 1e-6) and
   * at least `minRestarts` have run: an easy landscape (one dominant optimum) needs no more restarts,
   * a rugged one runs them all. Default: never stop early.
   */
  stopAfterHits?: number;
  /** Fewest restarts before `stopAfterHits` may stop (default 10). */
  minRestarts?: number;
  /** Distinct solutions to return in `candidates`, best first (default 1: none). */
  keep?: number;
}


/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with 2 + ⌊ln k⌋ candidates per step as
 * in scikit-learn): each new centre is the candidate, drawn with probability ∝ D², that most
 * lowers the total squared distance.
 * @param m the points
 * @param k number of centres
 * @param random seeded generator
 * @param greedy several candidates per step (default) or plain k-means++ (one)
 * @returns k centres
 */
export function seedPlusPlus(m: Matrix, k: number, random: Random, greedy = true): Float64Array {
  const centres = new Float64Array(k * m.d);
  let closest = new Float64Array(m.n);
  let candidate = new Float64Array(m.n);
  let best = new Float64Array(m.n);
  const trials = greedy ? 2 + Math.floor(Math.log(k)) : 1;
  const first = Math.floor(random() * m.n);
  centres.set(m.data.subarray(first * m.d, first * m.d + m.d), 0);
  let total = 0;
  for (let i = 0; i < m.n; i++) total += closest[i] = squaredDistance(m, i, centres, 0);
  for (let c = 1; c < k; c++) {
    let bestTotal = Infinity;
    let bestPoint = 0;
    for (let t = 0; t < trials; t++) {
      const point = drawByWeight(closest, total, random);
      let sum = 0;
      for (let i = 0; i < m.n; i++) {
        const s = squaredDistance(m, i, m.data, point);
        sum += candidate[i] = s < closest[i] ? s : closest[i];
      }
      if (sum < bestTotal) {
        bestTotal = sum;
        bestPoint = point;
        [best, candidate] = [candidate, best];
      }
    }
    centres.set(m.data.subarray(bestPoint * m.d, bestPoint * m.d + m.d), c * m.d);
    [closest, best] = [best, closest];
    total = bestTotal;
  }
  return centres;
}

function drawByWeight(weights: Float64Array, total: number, random: Random): number {
  if (!(total > 0)) return Math.floor(random() * weights.length);
  let target = random() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Hartigan's single-point moves after Lloyd: a point moves to another cluster when that lowers
 * the total sum of squares, counting how both centres shift (Δ = n_j/(n_j+1)·d²(x, c_j) −
 * n_i/(n_i−1)·d²(x, c_i) < 0). Lloyd's fixed points are not always Hartigan's; this pass only
 * ever lowers the sum of squares. Centres are updated in place.
 * @param m the points
 * @param result a Lloyd solution (labels and centres are updated)
 * @param maxPasses cap on passes over the points
 * @returns the refined solution
 */
export function hartigan(m: Matrix, result: KMeansResult, maxPasses = 20): KMeansResult {
  const { k, centres, labels } = result;
  const counts = new Int32Array(k);
  for (let i = 0; i < m.n; i++) counts[labels[i]]++;
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    for (let i = 0; i < m.n; i++) {
      const from = labels[i];
      if (counts[from] <= 1) continue;
      const leave = (counts[from] / (counts[from] - 1)) * squaredDistance(m, i, centres, from);
      let bestJ = from;
      let bestCost = leave;
      for (let j = 0; j < k; j++) {
        if (j === from) continue;
        const join = (counts[j] / (counts[j] + 1)) * squaredDistance(m, i, centres, j);
        if (join < bestCost - 1e-12 * leave) {
          bestCost = join;
          bestJ = j;
        }
      }
      if (bestJ === from) continue;
      moveCentre(m, i, centres, from, counts[from], -1);
      moveCentre(m, i, centres, bestJ, counts[bestJ], 1);
      counts[from]--;
      counts[bestJ]++;
      labels[i] = bestJ;
      moved++;
    }
    if (moved === 0) break;
  }
  return { ...result, withinSS: withinSumOfSquares(m, centres, labels) };
}

/** Adds (sign 1) or removes (sign −1) point i to/from centre j that currently has `count` points. */
function moveCentre(m: Matrix, i: number, centres: Float64Array, j: number, count: number, sign: 1 | -1): void {
  const next = count + sign;
  for (let t = 0; t < m.d; t++) {
    const c = centres[j * m.d + t];
    centres[j * m.d + t] = (c * count + sign * m.data[i * m.d + t]) / next;
  }
}

/**
 * k-means with several k-means++ restarts (greedy and plain in turn), each refined by Hartigan moves; the lowest
 * within-cluster sum of squares wins. Restarts may stop early (`stopAfterHits`).
 * @param m the points
 * @param k clusters (≤ n)
 * @param options restarts, seed, iteration cap, early stop, candidates kept
 * @returns the best solution, with the restarts run and (with `keep`) the best distinct ones
 */
export function kmeans(m: Matrix, k: number, options: KMeansOptions = {}): KMeansResult {
  const random = seededRandom(options.seed ?? 1);
  const restarts = Math.max(1, options.restarts ?? 10);
  const refine = options.refine !== false;
  const hitsToStop = options.stopAfterHits ?? Infinity;
  const minRestarts = options.minRestarts ?? 10;
  const keep = options.keep ?? 1;
  const top: KMeansResult[] = [];
  let best: KMeansResult | null = null;
  let hits = 0;
  let r = 0;
  while (r < restarts && !(hits >= hitsToStop && r >= minRestarts)) {
    // alternate greedy and plain seedings: the greedy ones start better, the plain ones vary more
    const local = lloyd(m, seedPlusPlus(m, k, random, r % 2 === 0), options.maxIterations ?? 300, refine ? Math.floor(m.n / 1000) : 0);
    const result = refine ? hartigan(m, local) : local;
    r++;
    if (best === null || result.withinSS < best.withinSS * (1 - SAME_OPTIMUM)) {
      best = result;
      hits = 1;
    } else {
      if (result.withinSS <= best.withinSS * (1 + SAME_OPTIMUM)) hits++;
      if (result.withinSS < best.withinSS) best = result;
    }
    if (keep > 1) keepDistinct(top, result, keep);
  }
  return { ...(best as KMeansResult), restarts: r, ...(keep > 1 ? { candidates: top } : {}) };
}

/** Adds a solution to the `keep` lowest distinct ones (sorted, lowest first); a repeat of one kept is dropped. */
function keepDistinct(top: KMeansResult[], result: KMeansResult, keep: number): void {
  const same = top.findIndex((t) => Math.abs(t.withinSS - result.withinSS) <= SAME_OPTIMUM * t.withinSS);
  if (same >= 0) {
    if (result.withinSS < top[same].withinSS) top[same] = result;
  } else {
    top.push(result);
  }
  top.sort((x, y) => x.withinSS - y.withinSS);
  if (top.length > keep) top.length = keep;
}

/**
 * Relative difference of two sums of squares that counts as the same optimum: Lloyd stopped before
 * its tail and Hartigan's moves end a hair apart from different starts (1e-7 on 20,000 customers).
 */
const SAME_OPTIMUM = 1e-6;
