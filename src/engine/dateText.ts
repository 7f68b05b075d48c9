/**
 * The char-code scanner behind the date parser: reads date text into parts without regex or
 * allocation, and turns parts, or Excel numbers, into day numbers and date forms.
 * See dates.ts for the forms and the rules (2-digit years, Jalali years, serial 60).
 */
import type { DayMonthOrder, DayNumber } from './types';
import { gregorianToDayNumber, isValidGregorianDate, dayNumberToGregorian, pad2 } from './civil';
import { hasEasternDigits, isSpaceCode, toLatinDigits } from './cellText';
import { jalaliToDayNumber } from './jalali';
import { parseMonthNameDate } from './monthNames';

/**
 * What a date cell looks like. `day-month` = d/m/y or m/d/y with both parts ≤ 12 (ambiguous);
 * `dmy`/`mdy` = a part > 12 shows the order; `month-name` = `9 Dec 2011`, `15 فروردین 1404`.
 */
export type DateForm = 'serial' | 'yyyymmdd' | 'iso' | 'ymd' | 'jalali' | 'dmy' | 'mdy' | 'day-month' | 'month-name';

/** First day number Excel can show (serial 1 = 1900-01-01) and the last (9999-12-31). */
const EXCEL_SERIAL_MAX = 2958465;
/**
 * Excel serial of 1970-01-01 (day number 0) in the 1900 date system: dayNumber = serial - 25569 for
 * serials ≥ 61 (Excel counts a 1900-02-29 that never was). The one place this number is written.
 */
export const EXCEL_EPOCH_OFFSET = 25569;

/** Shapes of date text found by the scanner: blank, not a date, a plain number, YYYYMMDD, y/m/d, d/m/y. */
export const S_EMPTY = 0;
export const S_NONE = 1;
export const S_NUMBER = 2;
export const S_COMPACT = 3;
export const S_YEAR_FIRST = 4;
export const S_YEAR_LAST = 5;

// Scanner output (module scratch, so the per-cell fast path allocates nothing).
let P1 = 0;
let P2 = 0;
let P3 = 0;
let L3 = 0;
let SEP = 0;

/** Reads digits from `i`; sets DIGITS_VALUE and returns the index after the last digit. */
let DIGITS_VALUE = 0;
function readDigits(s: string, i: number, end: number): number {
  let v = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    i++;
  }
  DIGITS_VALUE = v;
  return i;
}

/** Classifies date text into a shape and fills P1..P3; Latin digits only. */
export function scanDateText(s: string): number {
  let i = 0;
  let n = s.length;
  while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
  while (n > i && isSpaceCode(s.charCodeAt(n - 1))) n--;
  if (i >= n) return S_EMPTY;
  let j = readDigits(s, i, n);
  const l1 = j - i;
  P1 = DIGITS_VALUE;
  if (l1 === 0 || l1 > 8) return S_NONE;
  if (j === n) return l1 === 8 ? S_COMPACT : S_NUMBER;
  const c = s.charCodeAt(j);
  if (l1 === 8) return isTimeStart(s, j, n) ? S_COMPACT : S_NONE;
  if (c === 46 && readDigits(s, j + 1, n) === n && n > j + 1) return S_NUMBER;
  if (c !== 47 && c !== 45 && c !== 46) return S_NONE;
  SEP = c;
  i = j + 1;
  j = readDigits(s, i, n);
  const l2 = j - i;
  P2 = DIGITS_VALUE;
  if (l2 < 1 || l2 > 2 || j >= n || s.charCodeAt(j) !== SEP) return S_NONE;
  i = j + 1;
  j = readDigits(s, i, n);
  L3 = j - i;
  P3 = DIGITS_VALUE;
  if (j < n && !isTimeStart(s, j, n)) return S_NONE;
  if (l1 === 4 && L3 >= 1 && L3 <= 2) return S_YEAR_FIRST;
  if (l1 <= 2 && (L3 === 4 || L3 === 2)) return S_YEAR_LAST;
  return S_NONE;
}

/** True when a time part starts at `j`: a space or `T` (after an optional comma), then a digit. */
function isTimeStart(s: string, j: number, n: number): boolean {
  let c = s.charCodeAt(j);
  if (c === 44) c = s.charCodeAt(++j); // `09/12/2011, 08:50` as toLocaleString writes it
  if (c !== 32 && c !== 84 && c !== 116) return false;
  if (j + 1 >= n) return false;
  const d = s.charCodeAt(j + 1);
  return d >= 48 && d <= 57;
}

/** True for a 4-digit year that means the Solar Hijri calendar. */
function isJalaliYear(year: number): boolean {
  return year >= 1200 && year <= 1499;
}

/** Day number of a year/month/day in the calendar its year implies, or NaN. */
function dayOf(year: number, month: number, day: number): number {
  if (isJalaliYear(year)) return jalaliToDayNumber(year, month, day) ?? NaN;
  if (year < 1500 || year > 9999 || !isValidGregorianDate(year, month, day)) return NaN;
  return gregorianToDayNumber(year, month, day);
}

/** The 4-digit year of a 2-digit one, as Excel reads them: 00–29 → 20xx, 30–99 → 19xx. */
function fullYear(twoDigitYear: number): number {
  return twoDigitYear < 30 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
}

/** Day number of the shape the scanner just read; NaN when it is no real date. */
export function dayOfShape(shape: number, s: string, order: DayMonthOrder): number {
  switch (shape) {
    case S_COMPACT:
      return P1 >= 19000101 && P1 <= 29991231 ? dayOf(Math.floor(P1 / 10000), Math.floor(P1 / 100) % 100, P1 % 100) : NaN;
    case S_YEAR_FIRST:
      return dayOf(P1, P2, P3);
    case S_YEAR_LAST: {
      const year = L3 === 4 ? P3 : fullYear(P3);
      return order === 'dmy' ? dayOf(year, P2, P1) : dayOf(year, P1, P2);
    }
    case S_NUMBER:
      return excelNumberToDayNumber(Number(s));
    default:
      return NaN;
  }
}

/**
 * Day number of a number cell: an Excel serial (fraction = time of day, floored) or a
 * YYYYMMDD number (19000101..29991231); NaN when it is neither. Serial 60 (Excel's fictitious
 * 1900-02-29) is NaN; serials 1..59 are 1900-01-01..1900-02-28.
 * @example excelNumberToDayNumber(45737) === 20168 // 2025-03-21
 */
export function excelNumberToDayNumber(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (value >= 19000101 && value <= 29991231 && Number.isInteger(value)) {
    return dayOf(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  }
  if (value < 1 || value >= EXCEL_SERIAL_MAX + 1) return NaN;
  const serial = Math.floor(value);
  if (serial === 60) return NaN;
  return serial < 60 ? serial - EXCEL_EPOCH_OFFSET + 1 : serial - EXCEL_EPOCH_OFFSET;
}

/**
 * The Excel serial number of a day (as Excel shows it, so days from 1900-03-01 on add 25569).
 * @example dayNumberToExcelSerial(0) === 25569
 */
export function dayNumberToExcelSerial(dayNumber: DayNumber): number {
  return dayNumber >= -25508 ? dayNumber + EXCEL_EPOCH_OFFSET : dayNumber + EXCEL_EPOCH_OFFSET - 1;
}

/**
 * Formats a day number as `YYYYMMDD`.
 * @example formatYyyymmdd(20168) === '20250321'
 */
export function formatYyyymmdd(dayNumber: DayNumber): string {
  const g = dayNumberToGregorian(dayNumber);
  return `${String(g.year).padStart(4, '0')}${pad2(g.month)}${pad2(g.day)}`;
}

/** Text → day number: undefined when blank, NaN when no date. Eastern digits and month names take a slow path. */
export function parseDateText(s: string, order: DayMonthOrder): number | undefined {
  let shape = scanDateText(s);
  if (shape === S_EMPTY) return undefined;
  if (shape !== S_NONE) return dayOfShape(shape, s, order);
  if (hasEasternDigits(s)) {
    s = toLatinDigits(s);
    shape = scanDateText(s);
    if (shape !== S_NONE) return dayOfShape(shape, s, order);
  }
  return dayOfNamedText(s);
}

/** Day number of month-name text (`9 Dec 2011`, `15 فروردین 1404`), or NaN. */
function dayOfNamedText(s: string): number {
  const named = parseMonthNameDate(s);
  if (named === undefined) return NaN;
  if (named.jalali) return isJalaliYear(named.year) ? jalaliToDayNumber(named.year, named.month, named.day) ?? NaN : NaN;
  if (named.year < 1500 || named.year > 9999 || !isValidGregorianDate(named.year, named.month, named.day)) return NaN;
  return gregorianToDayNumber(named.year, named.month, named.day);
}

/**
 * The form of date text: null when blank, undefined when no date.
 * @param s the text (any digits)
 */
export function formOfText(s: string): DateForm | null | undefined {
  FORM_DAY = NaN;
  let shape = scanDateText(s);
  if (shape === S_EMPTY) return null;
  if (shape === S_NONE && hasEasternDigits(s)) {
    s = toLatinDigits(s);
    shape = scanDateText(s);
  }
  if (shape !== S_NONE) return formOfShape(shape, s);
  FORM_DAY = dayOfNamedText(s);
  return Number.isNaN(FORM_DAY) ? undefined : 'month-name';
}

/** Day number found by the last formOf* call (NaN for day/month text, whose day needs the order). */
let FORM_DAY = NaN;

/** The day number the last formOfText / formOfNumber / formOfShape call found, or NaN. */
export function lastFormDay(): number {
  return FORM_DAY;
}

/** The form of a number cell: `yyyymmdd` (19000101..29991231), `serial`, or undefined. */
export function formOfNumber(value: number): DateForm | undefined {
  FORM_DAY = excelNumberToDayNumber(value);
  if (Number.isNaN(FORM_DAY)) return undefined;
  return value >= 19000101 ? 'yyyymmdd' : 'serial';
}

/** The form of the text the scanner just read as `shape`, or undefined when it is no real date. */
export function formOfShape(shape: number, s: string): DateForm | undefined {
  FORM_DAY = NaN;
  switch (shape) {
    case S_COMPACT:
      FORM_DAY = dayOfShape(shape, s, 'dmy');
      return Number.isNaN(FORM_DAY) ? undefined : 'yyyymmdd';
    case S_NUMBER:
      return formOfNumber(Number(s));
    case S_YEAR_FIRST:
      FORM_DAY = dayOf(P1, P2, P3);
      if (Number.isNaN(FORM_DAY)) return undefined;
      return isJalaliYear(P1) ? 'jalali' : SEP === 45 ? 'iso' : 'ymd';
    case S_YEAR_LAST: {
      const year = L3 === 4 ? P3 : fullYear(P3);
      const asDmy = !Number.isNaN(dayOf(year, P2, P1));
      const asMdy = !Number.isNaN(dayOf(year, P1, P2));
      if (asDmy && asMdy) return 'day-month';
      return asDmy ? 'dmy' : asMdy ? 'mdy' : undefined;
    }
    default:
      return undefined;
  }
}
