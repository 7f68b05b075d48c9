/**
 * The per-row rules of what a transaction line is: a purchase, a return, a zero-amount line the
 * user chose to skip, or a line outside the analysis window. One function per rule, so that every
 * reader (the table normaliser, the formulas, a streaming reader folding rows into per-customer
 * state) decides the same way.
 *
 * - Zero amounts are purchases (free items: CDNOW and Online Retail have them, and R's rfm and
 *   lifetimes count them) unless the quantity is negative (a return), or the user asked to skip them.
 * - The analysis window: lines dated on or after the analysis date are not used by any part. With
 *   no analysis date, lines dated after the day the analysis runs ("today") are not used, and the
 *   default analysis date is the day after the latest remaining line.
 */
import type { DayNumber, SkipReason, Transaction } from './types';

/** What a zero-amount line is: a purchase (default) or a skipped row. */
export type ZeroAmountRule = 'purchase' | 'skip';

/** The default zero-amount rule. */
export const DEFAULT_ZERO_AMOUNTS: ZeroAmountRule = 'purchase';

/** What a line's amount makes it. */
export type AmountClass = 'purchase' | 'return' | 'zero-amount';

/**
 * Classifies a line by its amount (and, for a zero amount, its quantity).
 * @param amount the line's amount (quantity × unit price when there is no amount column)
 * @param quantity the line's quantity when a quantity column is mapped (undefined otherwise)
 * @param zeroAmounts what a zero amount is (default 'purchase')
 * @returns 'purchase' (amount > 0, or 0 when zero amounts are purchases), 'return' (amount < 0, or
 *   0 with a negative quantity), 'zero-amount' (0 when zero amounts are skipped: a skip reason)
 * @example classifyAmount(0, undefined) // 'purchase'
 * @example classifyAmount(0, -2) // 'return'
 * O(1).
 */
export function classifyAmount(amount: number, quantity: number | undefined, zeroAmounts: ZeroAmountRule = DEFAULT_ZERO_AMOUNTS): AmountClass {
  if (amount > 0) return 'purchase';
  if (amount < 0) return 'return';
  if (quantity !== undefined && quantity < 0) return 'return';
  return zeroAmounts === 'skip' ? 'zero-amount' : 'purchase';
}

/**
 * Whether a normalised line is a purchase: a positive amount, or a zero amount not marked as a
 * return (zero-amount returns carry `isReturn`; zero-amount lines the user skips never get here).
 * @param t the line
 * @returns true for a purchase, false for a return
 */
export function isPurchase(t: Pick<Transaction, 'amount' | 'isReturn'>): boolean {
  return t.amount > 0 || (t.amount === 0 && t.isReturn !== true);
}

/** The analysis window: the analysis date when the user gave one, and the day the analysis runs. */
export interface AnalysisWindow {
  /** Lines dated on or after this day are not used (when given). */
  analysisDate?: DayNumber;
  /** The day the analysis runs: with no analysis date, lines dated after it are not used. */
  today: DayNumber;
}

/** Why a line is outside the window (skip reasons). */
export type WindowReason = Extract<SkipReason, 'after-analysis-date' | 'future-date'>;

/**
 * Where a line's day falls in the analysis window.
 * @param day the line's day
 * @param window the analysis date (if any) and today
 * @returns undefined when the line is used; 'after-analysis-date' when it is dated on or after the
 *   analysis date; 'future-date' when no analysis date is given and it is dated after today
 * @example windowReason(10, { analysisDate: 10, today: 99 }) // 'after-analysis-date'
 * O(1).
 */
export function windowReason(day: DayNumber, window: AnalysisWindow): WindowReason | undefined {
  if (window.analysisDate !== undefined) return day >= window.analysisDate ? 'after-analysis-date' : undefined;
  return day > window.today ? 'future-date' : undefined;
}

/** Everything a line can be, for a reader that folds rows one at a time. */
export type TransactionClass = AmountClass | WindowReason;

/**
 * The whole per-row rule: the window first (a line outside it is not used at all), then the amount.
 * @param amount the line's amount
 * @param quantity its quantity when a quantity column is mapped
 * @param day its day
 * @param window the analysis window
 * @param zeroAmounts what a zero amount is
 * @returns 'purchase' | 'return' | 'zero-amount' | 'after-analysis-date' | 'future-date' (the last three are skip reasons)
 * @example classifyTransaction(0, 1, 5, { today: 9 }) // 'purchase'
 */
export function classifyTransaction(amount: number, quantity: number | undefined, day: DayNumber, window: AnalysisWindow, zeroAmounts: ZeroAmountRule = DEFAULT_ZERO_AMOUNTS): TransactionClass {
  return windowReason(day, window) ?? classifyAmount(amount, quantity, zeroAmounts);
}

/** Milliseconds per day. */
const DAY_MS = 86_400_000;

/**
 * The day the analysis runs, as a day number of the local calendar (the user's "today").
 * @param now the moment (default: the current time)
 * @returns whole days since 1970-01-01 of `now`'s local date
 */
export function todayDayNumber(now: Date = new Date()): DayNumber {
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
}
