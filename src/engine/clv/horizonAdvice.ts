/**
 * Advice on the churn horizon: when customers usually buy less often than the default horizon,
 * almost nobody is expected to buy within it, so nearly everyone is "At risk" and the statuses say
 * little. The run then notes the usual gap and a horizon that matches it.
 */
import { CHURN_HORIZON_DAYS_LIMIT } from '../optionLimits';

/** Suggested horizons are whole months of this many days. */
const SUGGESTION_STEP_DAYS = 30;

/**
 * Median days between purchase days of the repeat buyers (each one's span ÷ repeat purchases).
 * @param repeatPurchases x per customer
 * @param spanDays days from the first to the last purchase per customer
 * @returns the median gap, or null when nobody bought twice
 */
export function medianGapDays(repeatPurchases: ArrayLike<number>, spanDays: ArrayLike<number>): number | null {
  const gaps: number[] = [];
  for (let i = 0; i < repeatPurchases.length; i++) if (repeatPurchases[i] > 0) gaps.push(spanDays[i] / repeatPurchases[i]);
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}

/**
 * The horizon to suggest, or null when the horizon already covers the usual gap.
 * @param horizonDays the churn horizon used
 * @param gapDays the median gap (medianGapDays)
 * @returns the gap rounded up to whole 30-day months (at most the option's limit), or null
 * @example suggestedHorizonDays(90, 151.5) // 180
 */
export function suggestedHorizonDays(horizonDays: number, gapDays: number | null): number | null {
  if (gapDays === null || !(gapDays > horizonDays)) return null;
  return Math.min(CHURN_HORIZON_DAYS_LIMIT.max, Math.ceil(gapDays / SUGGESTION_STEP_DAYS) * SUGGESTION_STEP_DAYS);
}
