/**
 * Number formats, colours and table styles of the report: one place for each visual decision.
 * Pure constants and tiny helpers (no host API).
 */
import { t, type Lang } from '../i18n';
import type { Analysis, CurrencyCode, DayNumber } from '../engine';
import { dayNumberToExcelSerial } from '../engine';
import type { CellBlock, SheetPlan } from './plan';

/**
 * Gregorian date display in English workbooks (ISO order, unambiguous in every locale).
 */
export const DATE_FORMAT_EN = 'yyyy-mm-dd';

/**
 * Jalali (Solar Hijri) display in Persian workbooks: the cell still holds a real Excel date serial.
 * The legacy locale code `[$-NNCCLLLL]`: numerals NN = 03 (extended Arabic-Indic, i.e. Persian
 * digits), calendar CC = 0x16 (22, the Persian calendar, the `16` of Excel's newer
 * `[$-fa-IR,16]`), locale LLLL = 0x0429 (fa-IR). The legacy form is what ECMA-376 allows in
 * `formatCode`; `[$-fa-IR,16]` belongs in Excel's newer `formatCode16` attribute, and readers that
 * do not know it (LibreOffice 7.4) show the bare serial. With the legacy form, hosts without the
 * Persian calendar still show a date, in Gregorian (see docs/workbook.md).
 */
export const DATE_FORMAT_FA = '[$-3160429]yyyy/mm/dd;@';

/** Persian digits for numbers in Persian workbooks: numerals 03, no calendar, locale fa-IR. */
export const PERSIAN_DIGITS = '[$-3000429]';

/**
 * A number format in the output language: Persian workbooks show numbers in Persian digits
 * (values are unchanged). Text (`@`), General and formats with their own locale stay as they are.
 * @param format a number format or null (General)
 * @param lang output language
 * @example localizeFormat('#,##0', 'fa') === '[$-3000429]#,##0'
 */
export function localizeFormat(format: string | null, lang: Lang): string | null {
  if (lang !== 'fa' || format === null || format === '@' || format === 'General' || format.startsWith('[$-')) return format;
  return PERSIAN_DIGITS + format;
}

/** Whole numbers with thousands separators. */
export const INTEGER_FORMAT = '#,##0';
/** Scores and codes: plain whole numbers. */
export const SCORE_FORMAT = '0';
/**
 * Money, as the sheet builders mark it. The plan replaces it with the currency's format
 * (moneyFormat: the unit, and decimals only when the amounts have them) in one pass at the end.
 */
export const MONEY_FORMAT = '#,##0.00';
/** Shares 0..1 shown as percentages. */
export const PERCENT_FORMAT = '0.0%';
/** Probabilities 0..1. */
export const PROBABILITY_FORMAT = '0.000';
/** Small decimals (means, expected counts). */
export const DECIMAL_FORMAT = '0.00';

/** Fitted model parameters. */
export const PARAMETER_FORMAT = '0.0000';

/** Built-in table style of every table we write. */
export const TABLE_STYLE = 'TableStyleMedium2';
/** A lighter style for small summary tables. */
export const SMALL_TABLE_STYLE = 'TableStyleLight9';

/** Colour scale: low scores red, middle yellow, high green (Excel's "Red - Yellow - Green"). */
export const SCALE_LOW = '#F8696B';
export const SCALE_MID = '#FFEB84';
export const SCALE_HIGH = '#63BE7B';
/** Two-colour heatmap for counts and money: white to blue. */
export const HEAT_LOW = '#FFFFFF';
export const HEAT_HIGH = '#5A8AC6';

/** Tab colours per sheet, so the output sheets are recognisable at a glance. */
export const TAB_COLORS = {
  summary: '#1F4E78',
  customers: '#2E75B6',
  matrix: '#548235',
  clusters: '#BF8F00',
  modelCheck: '#C55A11',
  migration: '#7030A0',
  cohorts: '#00B0F0',
  rules: '#7F7F7F',
  list: '#70AD47',
} as const;

/**
 * The date number format for a language.
 * @param lang output language
 * @returns `yyyy-mm-dd` for English, the Jalali display format for Persian
 */
export function dateFormat(lang: Lang): string {
  return lang === 'fa' ? DATE_FORMAT_FA : DATE_FORMAT_EN;
}

/**
 * Excel serial (1900 date system) of a day number; null stays null.
 * @param day whole days since 1970-01-01
 * @example dayToSerial(0) === 25569
 */
export function dayToSerial(day: DayNumber | null | undefined): number | null {
  // NaN (a date that cannot be known, e.g. customer-level input without an analysis date) is empty too
  return day === null || day === undefined || !Number.isFinite(day) ? null : dayNumberToExcelSerial(day);
}

/**
 * A finite number or null (NaN and ±Infinity become empty cells rather than `#NUM!`).
 * @param value any number, null or undefined
 */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** General in Persian digits, for numbers that have no format of their own. */
const PERSIAN_GENERAL = `${PERSIAN_DIGITS}General`;

/**
 * Applies localizeFormat to every number format of a sheet, in place (one pass at the end of the
 * plan, so the sheet builders need not think about digits). Numbers without a format get General
 * in Persian digits, so no number of a Persian sheet shows Latin digits.
 * @param sheet the sheet
 * @param lang output language
 */
export function localizeSheetFormats(sheet: SheetPlan, lang: Lang): void {
  if (lang !== 'fa') return;
  for (const block of sheet.blocks) {
    if (block.kind === 'table') {
      block.columnFormats = block.columnFormats.map((f, j) =>
        (f === null && block.rows.some((r) => typeof r[j] === 'number') ? PERSIAN_GENERAL : localizeFormat(f, lang)));
    } else {
      block.numberFormats = block.values.map((row, i) => row.map((value, j) => {
        const format = cellFormatOf(block, i, j);
        return format === null && typeof value === 'number' ? PERSIAN_GENERAL : localizeFormat(format, lang);
      }));
    }
  }
}

/**
 * The number format of cell (i, j) of a cell block: per-cell grid or one per column.
 * @param block the block
 * @param i row within the block
 * @param j column within the block
 */
export function cellFormatOf(block: CellBlock, i: number, j: number): string | null {
  const formats = block.numberFormats;
  if (!formats || formats.length === 0) return null;
  if (Array.isArray(formats[0])) return (formats as (string | null)[][])[i]?.[j] ?? null;
  return (formats as (string | null)[])[j] ?? null;
}

/** How money shows: the currency's unit (null = none) and whether the amounts have decimals. */
export interface MoneyStyle {
  currency: CurrencyCode | null;
  decimals: boolean;
}

/** Currencies whose sign goes before the number ($12.50); the others' word goes after (12,500 rial). */
const SIGN_BEFORE: ReadonlySet<CurrencyCode> = new Set(['USD', 'EUR', 'GBP']);

/**
 * The number format of money: thousands separators, two decimals only when the amounts have
 * them, and the currency's sign or word (from the string tables) as quoted literal text.
 * @param style currency and decimals
 * @param lang output language (the unit's word)
 * @example moneyFormat({ currency: 'IRR', decimals: false }, 'fa') === '#,##0 "ریال"'
 */
export function moneyFormat(style: MoneyStyle, lang: Lang): string {
  const number = style.decimals ? '#,##0.00' : '#,##0';
  if (!style.currency) return number;
  const unit = t(lang, `report.currency.${style.currency}`).replace(/"/g, '');
  return SIGN_BEFORE.has(style.currency) ? `"${unit}"${number}` : `${number} "${unit}"`;
}

/**
 * Whether any customer's revenue has a fractional part (cents): then money shows two decimals.
 * O(customers).
 * @param analysis the analysis
 */
export function amountsHaveDecimals(analysis: Analysis): boolean {
  return analysis.customers.some((c) => Math.abs(c.revenue - Math.round(c.revenue)) > 1e-9);
}

/**
 * How an analysis' money shows, the one rule of every money cell the add-in and the CLI write to a
 * workbook (report sheets and the pane's List sheet): the chosen currency, else the one the data
 * names, else no unit; two decimals only when some customer's revenue has cents. O(customers).
 * @param analysis the analysis
 * @param currency the user's choice: a code, null for no unit, absent for the data's own
 * @returns the style for moneyFormat
 * @example moneyStyleOf(analysis, 'IRT') // { currency: 'IRT', decimals: false } when every revenue is whole
 */
export function moneyStyleOf(analysis: Analysis, currency?: CurrencyCode | null): MoneyStyle {
  return { currency: currency === undefined ? analysis.currency ?? null : currency, decimals: amountsHaveDecimals(analysis) };
}

/**
 * Replaces one number format by another in every block of a sheet, in place.
 * @param sheet the sheet
 * @param from the format to replace (e.g. MONEY_FORMAT)
 * @param to its replacement
 */
export function replaceFormat(sheet: SheetPlan, from: string, to: string): void {
  const swap = (f: string | null) => (f === from ? to : f);
  for (const block of sheet.blocks) {
    if (block.kind === 'table') block.columnFormats = block.columnFormats.map(swap);
    else if (block.numberFormats) {
      const formats = block.numberFormats;
      block.numberFormats = formats.length > 0 && Array.isArray(formats[0])
        ? (formats as (string | null)[][]).map((row) => row.map(swap))
        : (formats as (string | null)[]).map(swap);
    }
  }
}
