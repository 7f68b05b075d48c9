/**
 * The value matrix (frequency × monetary) and the loyalty matrix (length × recency).
 *
 * "High" means strictly above the split; for recency, "recent" means recency days strictly BELOW
 * the split (fewer days since the last purchase). The split is, per metric:
 * - `mean` (default): the mean over all scored customers;
 * - `median`: the type-7 median (the usual median: mean of the two middle values for an even count);
 * - `score`: the middle of the score range, (bins + 1) / 2; high = score above it (scores 4–5 of
 *   5 bins, 3–4 of 4 bins). Recency scores are already reversed, so "recent" = recency score above
 *   the middle. The split reported is then that middle score, not a value of the metric.
 */
import { quantileType7 } from './scores';
import type { LoyaltyQuadrant, SplitRule, ValueQuadrant } from './types';

/** The split of each metric, in the metric's units (score units for split = score). */
export interface Splits {
  frequency: number;
  monetary: number;
  lengthDays: number | null;
  recencyDays: number;
}

/** What the matrices need per customer (lengths and length scores null for customer-level input). */
export interface MatrixInput {
  bins: number;
  lengthDays: Float64Array | null;
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  lengthScore: Uint8Array | null;
  recencyScore: Uint8Array;
  frequencyScore: Uint8Array;
  monetaryScore: Uint8Array;
}

/** Quadrants per customer and the splits used. */
export interface MatrixResult {
  splits: Splits;
  valueQuadrants: ValueQuadrant[];
  /** null for customer-level input (no length). */
  loyaltyQuadrants: LoyaltyQuadrant[] | null;
}

/**
 * Mean of values (summed in the given order, so the same order gives the same bits).
 * @param values not empty
 * @returns the arithmetic mean
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/**
 * Median as R's `quantile(x, 0.5)` (type 7).
 * @param values not empty
 * @returns the median
 */
export function median(values: ArrayLike<number>): number {
  return quantileType7(Float64Array.from(values).sort(), 0.5);
}

/**
 * The split value of one metric under a rule.
 * @param values the metric per customer
 * @param rule mean | median | score
 * @param bins number of score bins (for `score`)
 * @returns the split in the metric's units, or the middle score for `score`
 */
export function splitValue(values: ArrayLike<number>, rule: SplitRule, bins: number): number {
  if (rule === 'score') return (bins + 1) / 2;
  return rule === 'median' ? median(values) : mean(values);
}

/**
 * Which customers are "high" on one metric.
 * @param values the metric per customer
 * @param scores the score per customer (used for split = score)
 * @param split the split (value or middle score)
 * @param rule the split rule
 * @param below true for recency: high (recent) = value below the split
 * @returns 1 where high, else 0
 */
function highFlags(values: ArrayLike<number>, scores: ArrayLike<number>, split: number, rule: SplitRule, below: boolean): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (rule === 'score') out[i] = scores[i] > split ? 1 : 0;
    else out[i] = (below ? values[i] < split : values[i] > split) ? 1 : 0;
  }
  return out;
}

const VALUE: ValueQuadrant[] = ['Uncertain', 'High-spending', 'Frequent', 'Best']; // index = 2·highF + highM
const LOYALTY: LoyaltyQuadrant[] = ['Uncertain', 'New', 'Potential', 'Loyal']; // index = 2·long + recent

/**
 * Places every customer in the value matrix and, when lengths exist, the loyalty matrix.
 * @param input metrics and scores per customer (at least one customer)
 * @param rule mean (default) | median | score
 * @returns quadrants per customer and the splits
 */
export function computeMatrices(input: MatrixInput, rule: SplitRule = 'mean'): MatrixResult {
  const { bins } = input;
  const splits: Splits = {
    frequency: splitValue(input.frequency, rule, bins),
    monetary: splitValue(input.monetary, rule, bins),
    recencyDays: splitValue(input.recencyDays, rule, bins),
    lengthDays: input.lengthDays ? splitValue(input.lengthDays, rule, bins) : null,
  };
  const highF = highFlags(input.frequency, input.frequencyScore, splits.frequency, rule, false);
  const highM = highFlags(input.monetary, input.monetaryScore, splits.monetary, rule, false);
  const valueQuadrants = new Array<ValueQuadrant>(highF.length);
  for (let i = 0; i < highF.length; i++) valueQuadrants[i] = VALUE[2 * highF[i] + highM[i]];
  let loyaltyQuadrants: LoyaltyQuadrant[] | null = null;
  if (input.lengthDays && input.lengthScore && splits.lengthDays !== null) {
    const long = highFlags(input.lengthDays, input.lengthScore, splits.lengthDays, rule, false);
    const recent = highFlags(input.recencyDays, input.recencyScore, splits.recencyDays, rule, true);
    loyaltyQuadrants = new Array<LoyaltyQuadrant>(long.length);
    for (let i = 0; i < long.length; i++) loyaltyQuadrants[i] = LOYALTY[2 * long[i] + recent[i]];
  }
  return { splits, valueQuadrants, loyaltyQuadrants };
}
