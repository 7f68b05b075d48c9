/**
 * The clustering stage: features → k (given, or by silhouette on a seeded sample) → k-means with
 * restarts on all customers → profiles and names.
 */
import type { CustomerResult } from '../types';
import { buildFeatures, distinctRows } from './features';
import { hartigan, kmeans, lloyd, type KMeansResult, type Matrix } from './kmeans';
import { profileClusters } from './profile';
import { sampleIndices, seededRandom } from './random';
import { pairwiseDistances, silhouetteFromDistances } from './silhouette';
import { keyedReason, type ReasonParams } from '../clv/reasons';
import type { ClusterAnalysis } from './types';

/** Smallest k tried automatically. */
export const K_MIN = 2;
/** Largest k tried automatically (and the cap on a given k). */
export const K_MAX = 8;
/** Customers the silhouette is computed on when there are more (O(n²) pairs: 1,000 costs 0.5 million distances). */
export const SILHOUETTE_SAMPLE = 1000;
/** Default seed: fixed, so the same input gives the same clusters everywhere. */
export const DEFAULT_SEED = 20240501;
/**
 * k-means++ restarts per k when choosing k on the sample: the silhouettes only rank the k values,
 * and the best of 3 scores within a few hundredths of the best of 10 (CDNOW, rfm, synthetic data:
 * the same k on each).
 */
export const RESTARTS = 3;
/**
 * k-means++ restarts of the final clustering: as many as a fixed work budget allows (n·k point-
 * centre distances per Lloyd pass), between 20 and 200. Sum-of-squares landscapes are rugged:
 * on small data a few percent of restarts reach the best optimum, so more restarts are cheap insurance.
 * @param n points
 * @param k clusters
 * @returns the number of restarts
 */
export function finalRestarts(n: number, k: number): number {
  return Math.max(20, Math.min(200, Math.round(1.5e6 / (n * k))));
}
/**
 * Restarts stop early once the best solution has been found this many times (after at least
 * MIN_RESTARTS): on an easy landscape (typical for k = 2 or 3) most restarts land in the same
 * optimum and the rest of the budget would only repeat it.
 */
export const BEST_HITS = 5;
/** Fewest restarts before BEST_HITS may stop them. */
export const MIN_RESTARTS = 10;
/**
 * Above this many customers the restarts run on a seeded sample of this size: a restart on 5,000
 * points costs a quarter of one on 20,000, and the landscape's basins are already there.
 */
export const RESTART_SAMPLE = 5000;
/**
 * Best distinct sample solutions refined on all customers, the lowest sum of squares winning: the
 * sample's best is not always the best on all (20,000 simulated customers, k = 8: the 4th was).
 */
export const REFINED_CANDIDATES = 6;

/** Clustering settings. */
export interface ClusterSettings {
  /** A fixed k (2..8) or 'auto'. */
  k: number | 'auto';
  seed?: number;
  /** Add L (length) to R, F, M when all customers have it. Default false. */
  withLength?: boolean;
}

/**
 * Clusters the customers.
 * @param customers the scored customers
 * @param settings k, seed, features
 * @returns the report and each customer's 1-based cluster (null when skipped)
 */
export function runClusters(customers: readonly CustomerResult[], settings: ClusterSettings): { report: ClusterAnalysis; clusterOf: Int32Array | null } {
  const seed = settings.seed ?? DEFAULT_SEED;
  if (customers.length < 3) return skipped('predict.clusters.fewCustomers', { customers: customers.length, min: 3 });
  const { matrix, features } = buildFeatures(customers, settings.withLength ?? false);
  const distinct = distinctRows(matrix, K_MAX + 1);
  if (distinct < 2) return skipped('predict.clusters.allSame');
  const kCap = Math.min(K_MAX, distinct);
  let k: number;
  let silhouetteByK: { k: number; silhouette: number }[] = [];
  let sampleSize = 0;
  if (settings.k === 'auto') {
    const chosen = chooseK(matrix, kCap, seed);
    k = chosen.k;
    silhouetteByK = chosen.scores;
    sampleSize = chosen.sampleSize;
  } else {
    k = Math.max(K_MIN, Math.min(kCap, Math.round(settings.k)));
  }
  const result = clusterAll(matrix, k, seed);
  const { profiles, numberOf } = profileClusters(customers, result.labels, result.centres, features);
  const clusterOf = result.labels.map((label) => numberOf[label]);
  const silhouette = silhouetteByK.find((s) => s.k === k)?.silhouette ?? null;
  return {
    report: {
      status: 'ok', k, kChosenBy: settings.k === 'auto' ? 'silhouette' : 'user', silhouette, silhouetteByK,
      silhouetteSample: sampleSize, features, withinSS: result.withinSS, seed, restarts: result.restarts ?? 1, profiles,
    },
    clusterOf,
  };
}

/**
 * k-means on all points. Up to RESTART_SAMPLE points, every restart runs on all of them; beyond,
 * the restarts run on a seeded sample of that size and the best REFINED_CANDIDATES distinct
 * solutions are refined by Lloyd iterations and Hartigan moves on all points, the lowest sum of
 * squares winning (the restarts only choose starting points).
 * @param m all points
 * @param k clusters
 * @param seed PRNG seed
 * @returns the solution on all points
 */
export function clusterAll(m: Matrix, k: number, seed: number): KMeansResult {
  const settings = { seed, stopAfterHits: BEST_HITS, minRestarts: MIN_RESTARTS };
  if (m.n <= RESTART_SAMPLE) return kmeans(m, k, { ...settings, restarts: finalRestarts(m.n, k) });
  const onSample = kmeans(sampleOf(m, RESTART_SAMPLE, seed), k, { ...settings, restarts: finalRestarts(RESTART_SAMPLE, k), keep: REFINED_CANDIDATES });
  let best: KMeansResult | null = null;
  for (const candidate of onSample.candidates ?? [onSample]) {
    const refined = hartigan(m, lloyd(m, candidate.centres, 300, Math.floor(m.n / 1000)));
    if (best === null || refined.withinSS < best.withinSS) best = refined;
  }
  return { ...(best as KMeansResult), restarts: onSample.restarts };
}

function sampleOf(m: Matrix, size: number, seed: number): Matrix {
  const rows = sampleIndices(m.n, size, seededRandom(seed));
  const data = new Float64Array(rows.length * m.d);
  rows.forEach((row, i) => data.set(m.data.subarray(row * m.d, row * m.d + m.d), i * m.d));
  return { data, n: rows.length, d: m.d };
}

function skipped(key: string, params?: ReasonParams): { report: ClusterAnalysis; clusterOf: null } {
  return { report: { status: 'skipped', ...keyedReason(key, params) }, clusterOf: null };
}

/**
 * Picks k in 2..kCap by the highest mean silhouette on a seeded sample (ties: the smaller k).
 * @param m all points
 * @param kCap largest k allowed
 * @param seed PRNG seed
 * @returns the chosen k, the score per k, and the sample size
 */
export function chooseK(m: Matrix, kCap: number, seed: number): { k: number; scores: { k: number; silhouette: number }[]; sampleSize: number } {
  const sample = sampleOf(m, SILHOUETTE_SAMPLE, seed);
  const cap = Math.min(kCap, distinctRows(sample, kCap), sample.n - 1);
  const scores: { k: number; silhouette: number }[] = [];
  const distances = pairwiseDistances(sample);
  let best = { k: K_MIN, silhouette: -Infinity };
  for (let k = K_MIN; k <= Math.max(K_MIN, cap); k++) {
    const result = kmeans(sample, k, { restarts: RESTARTS, seed, refine: false });
    const silhouette = silhouetteFromDistances(distances, sample.n, result.labels, k);
    scores.push({ k, silhouette });
    if (silhouette > best.silhouette + 1e-12) best = { k, silhouette };
  }
  return { k: best.k, scores, sampleSize: sample.n };
}
