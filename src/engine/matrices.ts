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
  /** Any metric already sorted ascending (scoring sorts them for quantile cuts): the median split reuses it instead of sorting again. */
  sorted?: Partial<Record<'lengthDays' | 'recencyDays' | 'frequency' | 'monetary', Float64Array | null>>;
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
 * @param sorted the same values already sorted ascending, when the caller has them (no second sort)
 * @returns the median
 */
export function median(values: ArrayLike<number>, sorted?: Float64Array | null): number {
  return quantileType7(sorted ?? Float64Array.from(values).sort(), 0.5);
}

/**
 * The split value of one metric under a rule.
 * @param values the metric per customer
 * @param rule mean | median | score
 * @param bins number of score bins (for `score`)
 * @param sorted the same values already sorted ascending, when the caller has them (for `median`)
 * @returns the split in the metric's units, or the middle score for `score`
 */
export function splitValue(values: ArrayLike<number>, rule: SplitRule, bins: number, sorted?: Float64Array | null): number {
  if (rule === 'score') return (bins + 1) / 2;
  return rule === 'median' ? median(values, sorted) : mean(values);
}

/**
 * True when a value is "high" against its split: strictly above it, or for recency (`below`)
 * strictly below it (fewer days since the last purchase = recent). The one place of this rule.
 * @param value the metric (or a score)
 * @param split the split value (or middle score)
 * @param below true for recency compared in days
 */
function isHigh(value: number, split: number, below: boolean): boolean {
  return below ? value < split : value > split;
}

const VALUE: ValueQuadrant[] = ['Uncertain', 'High-spending', 'Frequent', 'Best']; // index = 2·highF + highM
const LOYALTY: LoyaltyQuadrant[] = ['Uncertain', 'New', 'Potential', 'Loyal']; // index = 2·long + recent

/**
 * The value-matrix quadrant of one customer: metric values against mean/median splits, or scores
 * against the middle score (split = score).
 * @param frequency the customer's orders
 * @param monetary the customer's monetary value
 * @param splits the frequency and monetary splits (e.g. from splitValue)
 * @returns Best, High-spending, Frequent or Uncertain
 * @example valueQuadrantOf(5, 100, { frequency: 2, monetary: 50 }) === 'Best'
 */
export function valueQuadrantOf(frequency: number, monetary: number, splits: { frequency: number; monetary: number }): ValueQuadrant {
  return VALUE[2 * Number(isHigh(frequency, splits.frequency, false)) + Number(isHigh(monetary, splits.monetary, false))];
}

/**
 * The loyalty-matrix quadrant of one customer from metric values (split = mean or median):
 * "long" = length above its split, "recent" = recency days below its split.
 * @param lengthDays days from the first purchase to the analysis date
 * @param recencyDays days from the last purchase to the analysis date
 * @param splits the length and recency splits in days
 * @returns Loyal, Potential, New or Uncertain
 * @example loyaltyQuadrantOf(300, 10, { lengthDays: 100, recencyDays: 30 }) === 'Loyal'
 */
export function loyaltyQuadrantOf(lengthDays: number, recencyDays: number, splits: { lengthDays: number; recencyDays: number }): LoyaltyQuadrant {
  return LOYALTY[2 * Number(isHigh(lengthDays, splits.lengthDays, false)) + Number(isHigh(recencyDays, splits.recencyDays, true))];
}

/**
 * Places every customer in the value matrix and, when lengths exist, the loyalty matrix.
 * @param input metrics and scores per customer (at least one customer)
 * @param rule mean (default) | median | score
 * @returns quadrants per customer and the splits
 */
export function computeMatrices(input: MatrixInput, rule: SplitRule = 'mean'): MatrixResult {
  const { bins, sorted = {} } = input;
  const splits: Splits = {
    frequency: splitValue(input.frequency, rule, bins, sorted.frequency),
    monetary: splitValue(input.monetary, rule, bins, sorted.monetary),
    recencyDays: splitValue(input.recencyDays, rule, bins, sorted.recencyDays),
    lengthDays: input.lengthDays ? splitValue(input.lengthDays, rule, bins, sorted.lengthDays) : null,
  };
  const byScore = rule === 'score';
  const f = byScore ? input.frequencyScore : input.frequency;
  const m = byScore ? input.monetaryScore : input.monetary;
  const valueQuadrants = new Array<ValueQuadrant>(f.length);
  for (let i = 0; i < f.length; i++) valueQuadrants[i] = valueQuadrantOf(f[i], m[i], splits);
  let loyaltyQuadrants: LoyaltyQuadrant[] | null = null;
  if (input.lengthDays && input.lengthScore && splits.lengthDays !== null) {
    const lengthSplits = { lengthDays: splits.lengthDays, recencyDays: splits.recencyDays };
    const l = byScore ? input.lengthScore : input.lengthDays;
    const r = input.recencyDays;
    const rScore = input.recencyScore;
    loyaltyQuadrants = new Array<LoyaltyQuadrant>(l.length);
    for (let i = 0; i < l.length; i++) {
      // recency scores point upward (recent = score above the middle); bins + 1 − score turns them
      // back into "lower is more recent" around the same middle, (bins + 1) / 2
      loyaltyQuadrants[i] = loyaltyQuadrantOf(l[i], byScore ? bins + 1 - rScore[i] : r[i], lengthSplits);
    }
  }
  return { splits, valueQuadrants, loyaltyQuadrants };
}
