/**
 * The currency of the amounts, read from the data: the amount column's header (`مبلغ (ریال)`,
 * `Revenue (USD)`) and the units written beside the amounts (`۲٬۵۰۰٬۰۰۰ ریال`, `$12.50`, `€3`).
 * Only an unambiguous answer counts: when the data names two currencies, or none, the caller
 * decides (the user's setting, else no unit).
 */
import type { Analysis, Cell, CurrencyCode, DetectedColumn, InputTable } from './types';

/** Every currency code, in a stable order (for option checking). */
export const CURRENCY_CODES: readonly CurrencyCode[] = ['IRR', 'IRT', 'USD', 'EUR', 'GBP'];

/** Words and codes of each currency, compared in lower case as whole words. */
const WORDS: Record<CurrencyCode, readonly string[]> = {
  IRR: ['ریال', 'ريال', 'rial', 'rials', 'irr', 'rls'],
  IRT: ['تومان', 'تومن', 'toman', 'tomans', 'irt'],
  USD: ['usd', 'dollar', 'dollars', 'دلار'],
  EUR: ['eur', 'euro', 'euros', 'یورو'],
  GBP: ['gbp', 'pound', 'pounds'],
};

/** Signs of each currency, found anywhere in the text. */
const SIGNS: Partial<Record<CurrencyCode, readonly string[]>> = {
  IRR: ['\ufdfc'],
  USD: ['$'],
  EUR: ['€'],
  GBP: ['£'],
};

/** Amount cells read for their units (the first rows tell; a whole column costs time). */
export const CURRENCY_SAMPLE_ROWS = 200;

/**
 * The currencies one text names.
 * @param text a header or an amount cell's text
 * @returns the codes found (empty when none)
 * @example currenciesIn('مبلغ (ریال)') → ['IRR']
 */
export function currenciesIn(text: string): CurrencyCode[] {
  const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w !== ''));
  return (Object.keys(WORDS) as CurrencyCode[]).filter((code) =>
    WORDS[code].some((w) => words.has(w)) || (SIGNS[code] ?? []).some((s) => text.includes(s)));
}

/**
 * The one currency a set of texts names, or null when they name none or several.
 * @param texts headers and amount texts
 */
export function currencyOfTexts(texts: Iterable<string>): CurrencyCode | null {
  const found = new Set<CurrencyCode>();
  for (const text of texts) for (const code of currenciesIn(text)) found.add(code);
  return found.size === 1 ? [...found][0] : null;
}

/**
 * The currency of a table's amount column: its header and the text of its first amount cells.
 * @param table the input (header and rows)
 * @param amountColumn index of the amount column (or the revenue column of customer-level input)
 * @returns the currency, or null when the data does not say (or says two)
 */
export function detectCurrency(table: Pick<InputTable, 'header' | 'rows'>, amountColumn: number | undefined): CurrencyCode | null {
  if (amountColumn === undefined) return null;
  const texts: string[] = [String(table.header[amountColumn] ?? '')];
  const rows = Math.min(table.rows.length, CURRENCY_SAMPLE_ROWS);
  for (let i = 0; i < rows; i++) {
    const cell: Cell | undefined = table.rows[i]?.[amountColumn];
    if (typeof cell === 'string') texts.push(cell);
  }
  return currencyOfTexts(texts);
}

/**
 * The column whose amounts carry the currency: the amount (transactions), the unit price when
 * amounts are quantity × price, or the revenue (customer-level input).
 * @param columns the columns the analysis used
 */
export function moneyColumnOf(columns: readonly DetectedColumn[]): number | undefined {
  for (const role of ['amount', 'price', 'monetary'] as const) {
    const found = columns.find((c) => c.role === role);
    if (found) return found.index;
  }
  return undefined;
}

/** The currency of the output and the factor the amounts are multiplied by to get there. */
export interface CurrencyChoice {
  /** null = no unit. */
  currency: CurrencyCode | null;
  /** 0.1 for rials shown in tomans, 10 for tomans shown in rials, else 1. */
  factor: number;
}

/**
 * The output's currency: the user's choice when there is one ('none' = no unit), else the one the
 * data names. Rials asked for in tomans are divided by 10, tomans asked for in rials multiplied by
 * 10; other choices only name the unit.
 * @param detected the currency the data names (detectCurrency)
 * @param wanted AnalysisOptions.currency
 * @example chooseCurrency('IRR', 'IRT') → { currency: 'IRT', factor: 0.1 }
 */
export function chooseCurrency(detected: CurrencyCode | null, wanted: CurrencyCode | 'none' | undefined): CurrencyChoice {
  if (wanted === 'none') return { currency: null, factor: 1 };
  if (wanted === undefined) return { currency: detected, factor: 1 };
  const factor = detected === 'IRR' && wanted === 'IRT' ? 0.1 : detected === 'IRT' && wanted === 'IRR' ? 10 : 1;
  return { currency: wanted, factor };
}

/**
 * The currency choice for an input: the data's currency (header and first amounts) against the
 * user's option.
 * @param table the header and (first) rows
 * @param columns the columns detected for it
 * @param wanted AnalysisOptions.currency
 */
export function currencyOfInput(table: Pick<InputTable, 'header' | 'rows'>, columns: readonly DetectedColumn[], wanted: CurrencyCode | 'none' | undefined): CurrencyChoice {
  return chooseCurrency(detectCurrency(table, moneyColumnOf(columns)), wanted);
}

/**
 * An amount in the output's currency: multiplied by the factor (divided by 10 for 0.1, which
 * keeps whole tomans whole where × 0.1 would not).
 * @param amount the amount as read
 * @param factor CurrencyChoice.factor
 */
export function convertAmount(amount: number, factor: number): number {
  if (factor === 1) return amount;
  return factor >= 1 ? amount * factor : amount / Math.round(1 / factor);
}

/**
 * Records the output's currency on an analysis (nothing when there is no unit).
 * @param analysis the analysis, changed in place
 * @param choice the currency choice of its input
 * @returns the analysis
 */
export function withCurrency(analysis: Analysis, choice: CurrencyChoice): Analysis {
  if (choice.currency) analysis.currency = choice.currency;
  if (choice.factor !== 1) analysis.amountFactor = choice.factor;
  return analysis;
}
