/**
 * How wide a cell's text is once shown: the characters a value takes in a number format, in
 * Excel's column-width unit (the width of one digit of the default font). Pure estimates used to
 * size columns so that numbers never show as `###` and labels are never cut.
 *
 * Number formats are read as ECMA-376 Part 1, 18.8.31 describes them: up to four sections split
 * by `;` (the first is for positive numbers, the second for negative ones), literal text in double
 * quotes, `[...]` for locale, colour and condition codes (nothing shown), `0`/`#` digit
 * placeholders, `,` between digit placeholders for thousands, `.` for decimals, `%` scaling by 100.
 */
import type { PlanValue } from './plan';

/** What a number format shows, parsed once per format. */
interface FormatShape {
  /** A date or time format: shows as many characters as its pattern. */
  dateChars: number | null;
  decimals: number;
  thousands: boolean;
  percent: boolean;
  /** Characters of literal text (currency signs, units, spaces). */
  literalChars: number;
  /** Text format `@`, or General. */
  general: boolean;
}

const SHAPES = new Map<string, FormatShape>();

/** The first section of a format, outside quotes. */
function firstSection(format: string): string {
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) return format.slice(0, i);
  }
  return format;
}

function parseShape(format: string | null): FormatShape {
  const shape: FormatShape = { dateChars: null, decimals: 0, thousands: false, percent: false, literalChars: 0, general: false };
  if (format === null || format === '@' || /^(\[[^\]]*\])*general$/i.test(format)) return { ...shape, general: true };
  const section = firstSection(format).replace(/\[[^\]]*\]/g, '');
  let pattern = '';
  let quoted = false;
  for (const c of section) {
    if (c === '"') quoted = !quoted;
    else if (quoted) shape.literalChars++;
    else pattern += c;
  }
  pattern = pattern.replace(/\\./g, () => { shape.literalChars++; return ''; }).replace(/[_*]./g, '');
  if (/[ymdhs]/i.test(pattern) && !/[0#]/.test(pattern)) return { ...shape, dateChars: pattern.replace(/[;@]/g, '').length };
  const point = pattern.indexOf('.');
  shape.decimals = point < 0 ? 0 : (pattern.slice(point + 1).match(/[0#?]/g) ?? []).length;
  shape.thousands = /[0#?],[0#?]/.test(pattern);
  shape.percent = pattern.includes('%');
  shape.literalChars += (pattern.match(/[^0#?.,%]/g) ?? []).length + (shape.percent ? 1 : 0);
  return shape;
}

function shapeOf(format: string | null): FormatShape {
  const key = format ?? '';
  let shape = SHAPES.get(key);
  if (!shape) {
    shape = parseShape(format);
    SHAPES.set(key, shape);
  }
  return shape;
}

/**
 * Digits of the whole part of |value| rounded to `decimals` places. The digits of |value| itself
 * are the answer unless rounding could carry it up to the next power of ten (9.996 → 10.00); only
 * then is it rounded as toFixed does (a string round trip, too dear for every cell of a large sheet).
 */
function integerDigits(value: number, decimals: number): number {
  const places = Math.min(decimals, 20);
  const magnitude = Math.abs(value);
  // below 1, rounding gives at most 1: one digit either way
  if (magnitude < 1) return 1;
  const digits = Math.floor(Math.log10(magnitude)) + 1;
  // clear of both powers of ten (log10's rounding) and of a carry to the next one
  if (magnitude >= 10 ** (digits - 1) * (1 + 1e-9) && magnitude < 10 ** digits * (1 - 1e-9) - 10 ** -places) return digits;
  const rounded = Math.abs(Number(value.toFixed(places)));
  return rounded < 1 ? 1 : Math.floor(Math.log10(rounded)) + 1;
}

/**
 * Characters a number takes in a number format.
 * @param value the number
 * @param format its number format (null = General)
 * @returns the count of characters shown (digits, separators, sign, literal text)
 * @example numberChars(2527200000, '#,##0') === 13
 */
export function numberChars(value: number, format: string | null): number {
  const shape = shapeOf(format);
  if (shape.dateChars !== null) return shape.dateChars;
  if (shape.general) {
    // General shows at most 11 characters, switching to scientific notation beyond (ECMA-376 18.8.30).
    return Math.min(11, String(Number(value.toPrecision(10))).length);
  }
  const scaled = shape.percent ? value * 100 : value;
  const digits = integerDigits(scaled, shape.decimals);
  const separators = shape.thousands ? Math.floor((digits - 1) / 3) : 0;
  return digits + separators + (shape.decimals > 0 ? shape.decimals + 1 : 0) + (scaled < 0 ? 1 : 0) + shape.literalChars;
}

/**
 * Characters a value takes as shown: text by its length, numbers in their format, booleans as
 * TRUE/FALSE, empty cells 0.
 * @param value the cell value
 * @param format its number format (null = General)
 */
export function valueChars(value: PlanValue | undefined, format: string | null): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number') return Number.isFinite(value) ? numberChars(value, format) : 0;
  if (typeof value === 'boolean') return value ? 4 : 5;
  // The longest line of the text (a cell may hold line breaks; most hold none, and are not split).
  if (!value.includes('\n')) return value.length;
  return value.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
}

/**
 * The most characters a value of column `j` takes in one format: the largest `valueChars` of its
 * cells. In a fixed number format (not General, not a date) a number takes no fewer characters as
 * its magnitude grows (digits, separators, then a sign for every negative), so of the numbers only
 * the largest and the most negative are measured. O(rows).
 * @param rows the rows
 * @param j the column
 * @param format the column's number format (null = General)
 * @example widestChars([[5], [-12.5], [300]], 0, '#,##0.00') === 6 // '-12.50'
 */
export function widestChars(rows: readonly (readonly PlanValue[])[], j: number, format: string | null): number {
  const shape = shapeOf(format);
  const every = shape.general || shape.dateChars !== null;
  let widest = 0;
  let high = -1;
  let low = 0;
  for (const row of rows) {
    const value = row[j];
    if (!every && typeof value === 'number') {
      // non-finite numbers show nothing (valueChars 0)
      if (value >= 0 && value > high && value !== Infinity) high = value;
      else if (value < low && value !== -Infinity) low = value;
      continue;
    }
    const chars = valueChars(value, format);
    if (chars > widest) widest = chars;
  }
  if (high >= 0) widest = Math.max(widest, numberChars(high, format));
  if (low < 0) widest = Math.max(widest, numberChars(low, format));
  return widest;
}
