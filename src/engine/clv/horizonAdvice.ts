/**
 * Advice on the churn horizon: when customers usually buy less often than the default horizon,
 * almost nobody is expected to buy within it, so nearly everyone is "At risk" and the statuses say
 * little. The run then notes the usual gap and a horizon that matches it.
 */
import { CHURN_HORIZON_CHOICES, CHURN_HORIZON_DAYS_LIMIT } from '../optionLimits';

/** Beyond the pane's choices, suggested horizons are whole years of this many days. */
const YEAR_DAYS = 365;

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
 * The horizon to suggest, or null when the horizon already covers the usual gap: the shortest of
 * the pane's choices (CHURN_HORIZON_CHOICES) that covers the gap, else whole years (at most the
 * option's limit), so a pane user can pick what the note says.
 * @param horizonDays the churn horizon used
 * @param gapDays the median gap (medianGapDays)
 * @returns the suggested horizon in days, or null
 * @example suggestedHorizonDays(90, 148) // 180
 */
export function suggestedHorizonDays(horizonDays: number, gapDays: number | null): number | null {
  if (gapDays === null || !(gapDays > horizonDays)) return null;
  const choice = CHURN_HORIZON_CHOICES.find((days) => days >= gapDays);
  return choice ?? Math.min(CHURN_HORIZON_DAYS_LIMIT.max, Math.ceil(gapDays / YEAR_DAYS) * YEAR_DAYS);
}
