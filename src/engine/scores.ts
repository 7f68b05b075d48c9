/**
 * Scores: quantile bins identical to the R package `rfm` 0.3.0, or the user's own cut points.
 *
 * R's rule (`bins`, `bins_lower`, `bins_upper` in the package's utils.R, applied by
 * `rfm_table_order` / `rfm_table_customer`):
 * - interior cut points = `quantile(x, probs = seq(0, 1, length.out = n + 1))[-c(1, n + 1)] + 1`
 *   (type-7 quantiles);
 * - bin i is the half-open interval [lower_i, upper_i) with lower = (min, cuts…) and
 *   upper = (cuts…, max + 1);
 * - F, M (and here L) get score i; recency gets n + 1 − i (fewest days = top score).
 * With non-decreasing cut points a value lies in bin 1 + #(cuts ≤ value), so ties are never split.
 * User thresholds replace the cut points as given (no + 1), as R does for a vector of bins.
 */
import type { ScoringMethod, Thresholds } from './types';
import { inputError } from './messages';
import type { MessageParams } from '../i18n';
import { BINS_LIMIT } from './optionLimits';

/** Fewest and most bins allowed (engine/optionLimits.ts). */
export const MIN_BINS = BINS_LIMIT.min;
export const MAX_BINS = BINS_LIMIT.max;

/** The four scored dimensions, in the order of the Thresholds fields. */
export type ScoreDimension = keyof Thresholds;

/**
 * R's type-7 quantile of sorted values, reproducing R's floating-point steps exactly
 * (`index <- 1 + (n - 1) * p; lo <- floor(index); qs <- (1 - h) * x[lo] + h * x[hi]`).
 * @param sorted values in ascending order (not empty)
 * @param p probability 0..1
 * @returns the quantile
 * @example quantileType7(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const index = 1 + Math.max(sorted.length - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1];
  const upper = sorted[hi - 1];
  if (index > lo && upper !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * upper;
  }
  return qs;
}

/**
 * R's interior cut points for `bins` bins: type-7 quantiles at k·(1/bins), k = 1..bins−1, each + 1
 * (R builds the probabilities with `seq(0, 1, length.out = bins + 1)`, i.e. `0 + k * (1 / bins)`).
 * @param sorted the metric of every customer, ascending (not empty)
 * @param bins number of bins, 2..10
 * @returns bins − 1 non-decreasing cut points
 */
export function quantileCuts(sorted: ArrayLike<number>, bins: number): number[] {
  const step = 1 / bins;
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) cuts.push(quantileType7(sorted, k * step) + 1);
  return cuts;
}

/**
 * Scores values against cut points: 1 + #(cuts ≤ value), reversed (bins − #(cuts ≤ value)) for
 * recency. O(n · bins), no allocation per value.
 * @param values the metric per customer
 * @param cuts non-decreasing cut points (bins − 1 of them)
 * @param reverse true for recency (small value = top score)
 * @returns scores 1..bins, one per value
 */
export function scoreAgainstCuts(values: ArrayLike<number>, cuts: readonly number[], reverse: boolean): Uint8Array {
  const bins = cuts.length + 1;
  const scores = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let below = 0;
    while (below < cuts.length && cuts[below] <= v) below++;
    scores[i] = reverse ? bins - below : below + 1;
  }
  return scores;
}

/** The scores of one dimension and the cut points that made them. */
export interface DimensionScores {
  scores: Uint8Array;
  cuts: number[];
  /** The values sorted ascending when the cuts came from quantiles (null for the user's cuts): the median split reuses it. */
  sorted: Float64Array | null;
}

/**
 * Scores one dimension: the user's thresholds when given, else R's quantile cuts.
 * @param values the metric per customer (not empty)
 * @param bins number of bins
 * @param reverse true for recency
 * @param thresholds the user's cut points for this dimension, already validated
 * @returns scores, cut points and (for quantile cuts) the sorted values
 */
export function scoreDimension(
  values: ArrayLike<number>,
  bins: number,
  reverse: boolean,
  thresholds?: readonly number[],
): DimensionScores {
  if (thresholds) return { scores: scoreAgainstCuts(values, thresholds, reverse), cuts: thresholds.slice(), sorted: null };
  const sorted = Float64Array.from(values).sort();
  const cuts = quantileCuts(sorted, bins);
  return { scores: scoreAgainstCuts(values, cuts, reverse), cuts, sorted };
}

/**
 * Checks the number of bins.
 * @param bins the requested number of bins
 * @throws InputError unless bins is a whole number 2..10
 */
export function validateBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) {
    throw inputError('engine.error.bins', { min: MIN_BINS, max: MAX_BINS, value: bins });
  }
}

/** The dimension of a message: its name from the tables, or as the user wrote it when unknown. */
function dimensionParams(dim: string): MessageParams {
  return ['length', 'recency', 'frequency', 'monetary'].includes(dim) ? { dimensionKey: `engine.dimension.${dim}` } : { dimension: dim };
}

/**
 * Checks user thresholds for `thresholds` scoring: per dimension given, exactly bins − 1 finite,
 * strictly ascending cut points. Dimensions left out are scored by quantiles.
 * @param thresholds the user's cut points
 * @param bins number of bins
 * @throws InputError naming the dimension and the problem
 */
export function validateThresholds(thresholds: Thresholds | undefined, bins: number): void {
  if (!thresholds) throw inputError('engine.error.thresholdsMissing');
  const dims = Object.keys(thresholds) as ScoreDimension[];
  if (!dims.some((d) => thresholds[d] !== undefined)) {
    throw inputError('engine.error.thresholdsMissing');
  }
  for (const dim of dims) {
    const cuts = thresholds[dim];
    if (cuts === undefined) continue;
    if (!Array.isArray(cuts) || cuts.length !== bins - 1) {
      const got: MessageParams = Array.isArray(cuts) ? { got: cuts.length } : { gotKey: 'engine.error.thresholdsNone' };
      throw inputError('engine.error.thresholdsCount', { ...dimensionParams(dim), bins, needed: bins - 1, ...got });
    }
    for (let i = 0; i < cuts.length; i++) {
      if (typeof cuts[i] !== 'number' || !Number.isFinite(cuts[i])) {
        throw inputError('engine.error.thresholdNotNumber', { ...dimensionParams(dim), position: i + 1 });
      }
      if (i > 0 && cuts[i] <= cuts[i - 1]) {
        throw inputError('engine.error.thresholdsOrder', { ...dimensionParams(dim), value: cuts[i], previous: cuts[i - 1] });
      }
    }
  }
}

/** The metrics to score, one entry per customer (lengthDays null for customer-level input). */
export interface ScoreInput {
  lengthDays: Float64Array | null;
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/** Scores of every dimension and the cut points used. */
export interface ScoreSet {
  length: DimensionScores | null;
  recency: DimensionScores;
  frequency: DimensionScores;
  monetary: DimensionScores;
}

/**
 * Scores L, R, F and M: L, F, M upward, R reversed.
 * @param input the metrics per customer (at least one customer)
 * @param bins 2..10
 * @param scoring `quantile` (R's rule) or `thresholds` (the user's cut points, quantiles where absent)
 * @param thresholds the user's cut points for `thresholds` scoring
 * @returns the scores per dimension
 * @throws InputError on bad bins or thresholds
 */
export function scoreAll(input: ScoreInput, bins: number, scoring: ScoringMethod, thresholds?: Thresholds): ScoreSet {
  validateBins(bins);
  const own: Thresholds = {};
  if (scoring === 'thresholds') {
    validateThresholds(thresholds, bins);
    Object.assign(own, thresholds);
  }
  return {
    length: input.lengthDays ? scoreDimension(input.lengthDays, bins, false, own.length) : null,
    recency: scoreDimension(input.recencyDays, bins, true, own.recency),
    frequency: scoreDimension(input.frequency, bins, false, own.frequency),
    monetary: scoreDimension(input.monetary, bins, false, own.monetary),
  };
}
