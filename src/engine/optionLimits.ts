/**
 * The limits of the numeric analysis options, in one place. The engine checks them, and the CLI
 * (cli/args.ts), the pane (taskpane/validate.ts), the worksheet functions (functions/functions.ts)
 * and docs/cli.md (checked by test/engine/optionLimits.test.ts) take them from here, so a value
 * one of them accepts is never refused or replaced by another.
 */

/** A numeric option's range (both ends included) and default. */
export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly whole: boolean;
  /** The value used when the option is left out (undefined: the option is off by default). */
  readonly fallback?: number;
}

/** Score bins per dimension (R's rfm package: 5). */
export const BINS_LIMIT = { min: 2, max: 10, whole: true, fallback: 5 } as const satisfies NumberLimit;

/** Customer clusters when a number is given (`auto` and `off` aside). */
export const CLUSTERS_LIMIT = { min: 2, max: 8, whole: true } as const satisfies NumberLimit;

/** CLV horizon in months (50 years at most: the models are not meant for longer). */
export const HORIZON_MONTHS_LIMIT = { min: 1, max: 600, whole: true, fallback: 12 } as const satisfies NumberLimit;

/** Monthly discount rate of the CLV (1 or more would discount the future to almost nothing). */
export const DISCOUNT_RATE_LIMIT = { min: 0, max: 0.99, whole: false, fallback: 0.01 } as const satisfies NumberLimit;

/** Days ahead for P(no purchase) and the backtest's held-out period (ten years at most). */
export const CHURN_HORIZON_DAYS_LIMIT = { min: 1, max: 3650, whole: true, fallback: 90 } as const satisfies NumberLimit;

/** The churn horizons the pane offers (its select), which the horizon advice also suggests. */
export const CHURN_HORIZON_CHOICES = [30, 60, 90, 180, 365] as const;

/** Share of spend that is profit. */
export const MARGIN_LIMIT = { min: 0, max: 1, whole: false } as const satisfies NumberLimit;

/**
 * True when a value is within a limit.
 * @example withinLimit(BINS_LIMIT, 5) === true; withinLimit(BINS_LIMIT, 4.5) === false
 */
export function withinLimit(limit: NumberLimit, value: number): boolean {
  return Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.whole || Number.isInteger(value));
}

/**
 * The limit in words, for messages and docs.
 * @example describeLimit(HORIZON_MONTHS_LIMIT) === 'a whole number from 1 to 600'
 */
export function describeLimit(limit: NumberLimit): string {
  return `${limit.whole ? 'a whole number' : 'a number'} from ${limit.min} to ${limit.max}`;
}

/** Plain decimal notation: optional sign, digits, optional fraction. No hex, exponent, or spaces inside. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Reads an option value typed by a person as a plain decimal number. `Number()` would also take
 * `0x5`, `0b11`, `1e1`, `Infinity` and the empty string (as 0); those are refused here.
 * @param text the value as typed (surrounding spaces allowed)
 * @returns the number, or undefined when the text is not a plain decimal
 * @example parseDecimalOption(' 0.25 ') === 0.25; parseDecimalOption('0x5') === undefined
 */
export function parseDecimalOption(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : undefined;
}
