/**
 * Date cells → day numbers (days since 1970-01-01), calendar-exact and time-zone free.
 *
 * Forms: Excel serial numbers (fractions = date-times, floored to the day; serial 60 is Excel's
 * fictitious 1900-02-29 and is rejected), `YYYYMMDD` (number or text, 19000101..29991231),
 * ISO dates and date-times (`2011-12-09`, `2011-12-09 08:50:00`, `2011-12-09T08:50:00Z`: the day is
 * the written calendar day, whatever the offset), year-first `2011/12/09` and `2011.12.09`,
 * day/month/year and month/day/year with `/`, `.` or `-` and 2- or 4-digit years (2-digit years
 * follow Excel: 00–29 → 2000s, 30–99 → 1900s), Jalali dates (any form whose 4-digit year is
 * 1200..1499, e.g. `1404/01/15`, `1404-01-15`), and Persian/Arabic-Indic digits in all of them.
 *
 * A column is resolved once (`resolveDateColumn`) and then parsed cell by cell with a char-code
 * fast path (`makeDateParser`): no regex and no Date object per cell.
 * When no cell of a day/month column says which part is the day (a part > 12), the explicit
 * `dayMonthOrder` option decides, else DEFAULT_DAY_MONTH_ORDER ('dmy': the order of most of the
 * world, of UK exports such as the Online Retail data, and of Persian d/m/y writing).
 */
import type { Cell, DayMonthOrder, DayNumber } from './types';
import { gregorianToDayNumber, isValidGregorianDate, dayNumberToGregorian, pad2 } from './civil';
import { hasEasternDigits, isSpaceCode, toLatinDigits } from './cellText';
import { jalaliToDayNumber } from '../i18n/jalali';

export { formatIsoDate, gregorianToDayNumber, dayNumberToGregorian, isValidGregorianDate } from './civil';

/** The order used when a column's day/month dates are ambiguous and no option is given. */
export const DEFAULT_DAY_MONTH_ORDER: DayMonthOrder = 'dmy';

/**
 * What a date cell looks like. `day-month` = d/m/y or m/d/y with both parts ≤ 12 (ambiguous);
 * `dmy`/`mdy` = a part > 12 shows the order.
 */
export type DateForm = 'serial' | 'yyyymmdd' | 'iso' | 'ymd' | 'jalali' | 'dmy' | 'mdy' | 'day-month';

/** A date column after one look at all its cells. */
export interface DateColumnResolution {
  /** Non-empty cells per form. */
  formCounts: Partial<Record<DateForm, number>>;
  /** Non-empty cells that are not dates in any form. */
  invalid: number;
  /** Empty cells. */
  blank: number;
  /** The order used for day/month cells; set only when the column has such cells. */
  dayMonthOrder?: DayMonthOrder;
  /** Where dayMonthOrder came from: the values, the explicit option, or the default. */
  dayMonthOrderSource?: 'data' | 'option' | 'default';
  /** True when the column mixes forms (e.g. serials and text, or both d/m/y and m/d/y evidence). */
  mixed: boolean;
  /** An English sentence explaining the mix, when mixed. */
  note?: string;
}

/** First day number Excel can show (serial 1 = 1900-01-01) and the last (9999-12-31). */
const EXCEL_SERIAL_MAX = 2958465;
/** dayNumber = serial - 25569 for serials ≥ 61 (Excel counts a 1900-02-29 that never was). */
const EXCEL_EPOCH_OFFSET = 25569;

// Shapes of date text found by the scanner.
const S_EMPTY = 0;
const S_NONE = 1;
const S_NUMBER = 2;
const S_COMPACT = 3;
const S_YEAR_FIRST = 4;
const S_YEAR_LAST = 5;

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
function scanDateText(s: string): number {
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

/** True when a time part starts at `j`: a space or `T`, then a digit. */
function isTimeStart(s: string, j: number, n: number): boolean {
  const c = s.charCodeAt(j);
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
function dayOfShape(shape: number, s: string, order: DayMonthOrder): number {
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

/** Text → day number: undefined when blank, NaN when no date. Eastern digits take a slow path. */
function parseDateText(s: string, order: DayMonthOrder): number | undefined {
  let shape = scanDateText(s);
  if (shape === S_EMPTY) return undefined;
  if (shape === S_NONE && hasEasternDigits(s)) {
    s = toLatinDigits(s);
    shape = scanDateText(s);
  }
  return dayOfShape(shape, s, order);
}

/**
 * Parses one cell on its own (no column context) to a day number.
 * @param cell a number (Excel serial or YYYYMMDD) or date text in any supported form
 * @param dayMonthOrder how to read ambiguous day/month text such as `03/04/2020` (default 'dmy')
 * @returns the day number, or undefined when the cell is blank or no real date
 * @example parseDateCell('2011-12-09 08:50:00') === 15317
 */
export function parseDateCell(cell: Cell, dayMonthOrder: DayMonthOrder = DEFAULT_DAY_MONTH_ORDER): DayNumber | undefined {
  const day = parseDateValue(cell, dayMonthOrder);
  return day === undefined || Number.isNaN(day) ? undefined : day;
}

/** Cell → day number; undefined when blank, NaN when not a date. */
function parseDateValue(cell: Cell, order: DayMonthOrder): number | undefined {
  if (typeof cell === 'number') return excelNumberToDayNumber(cell);
  if (typeof cell === 'string') return parseDateText(cell, order);
  return cell === null || cell === undefined ? undefined : NaN;
}

/**
 * The form of one cell, or undefined when it is blank or no date (for column detection).
 * @example classifyDateCell('13/01/2020') === 'dmy'
 */
export function classifyDateCell(cell: Cell): DateForm | undefined {
  const code = classifyCode(cell);
  return code >= 0 ? FORMS[code] : undefined;
}

function formOfNumber(value: number): DateForm | undefined {
  if (Number.isNaN(excelNumberToDayNumber(value))) return undefined;
  return value >= 19000101 ? 'yyyymmdd' : 'serial';
}

function formOfShape(shape: number, s: string): DateForm | undefined {
  switch (shape) {
    case S_COMPACT:
      return Number.isNaN(dayOfShape(shape, s, 'dmy')) ? undefined : 'yyyymmdd';
    case S_NUMBER:
      return formOfNumber(Number(s));
    case S_YEAR_FIRST:
      if (Number.isNaN(dayOf(P1, P2, P3))) return undefined;
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

/** Forms grouped into families; more than one family in a column is "mixed". */
const FAMILY: Record<DateForm, string> = {
  serial: 'Excel date numbers', yyyymmdd: 'YYYYMMDD', iso: 'year-month-day', ymd: 'year-month-day',
  jalali: 'Jalali', dmy: 'day/month/year', mdy: 'day/month/year', 'day-month': 'day/month/year',
};

/**
 * Looks at every cell of a date column once and decides how to read it: which forms occur,
 * the day/month order (from cells with a part > 12, else `opts.dayMonthOrder`, else 'dmy'),
 * and whether forms are mixed. O(n), no allocation per cell.
 * @example resolveDateColumn(['03/04/2020', '25/12/2020']).dayMonthOrder === 'dmy'
 */
export function resolveDateColumn(values: readonly Cell[], opts: { dayMonthOrder?: DayMonthOrder } = {}): DateColumnResolution {
  return resolveDateColumnBy(values.length, (i) => values[i], opts);
}

/**
 * resolveDateColumn over a column given by an accessor, so a table's column need not be copied.
 * @param length number of cells
 * @param cellAt the i-th cell
 */
export function resolveDateColumnBy(
  length: number,
  cellAt: (i: number) => Cell,
  opts: { dayMonthOrder?: DayMonthOrder } = {},
): DateColumnResolution {
  const tally = new Array<number>(FORMS.length).fill(0);
  let invalid = 0;
  let blank = 0;
  let lastText = '';
  let lastCode = CODE_BLANK;
  for (let i = 0; i < length; i++) {
    const cell = cellAt(i);
    let code: number;
    if (typeof cell === 'string') {
      if (cell !== lastText) { lastText = cell; lastCode = classifyCode(cell); }
      code = lastCode;
    } else {
      code = classifyCode(cell);
    }
    if (code >= 0) tally[code]++;
    else if (code === CODE_BLANK) blank++;
    else invalid++;
  }
  const counts: Partial<Record<DateForm, number>> = {};
  FORMS.forEach((form, k) => { if (tally[k] > 0) counts[form] = tally[k]; });
  return summarise(counts, invalid, blank, opts.dayMonthOrder);
}

/** Forms by index, for counting without string keys. */
const FORMS: DateForm[] = ['serial', 'yyyymmdd', 'iso', 'ymd', 'jalali', 'dmy', 'mdy', 'day-month'];
const CODE_BLANK = -1;
const CODE_INVALID = -2;

/** Index of a cell's form in FORMS, CODE_BLANK or CODE_INVALID. */
function classifyCode(cell: Cell): number {
  if (cell === null || cell === undefined) return CODE_BLANK;
  let form: DateForm | undefined;
  if (typeof cell === 'string') {
    let shape = scanDateText(cell);
    if (shape === S_EMPTY) return CODE_BLANK;
    if (shape === S_NONE && hasEasternDigits(cell)) {
      cell = toLatinDigits(cell);
      shape = scanDateText(cell);
    }
    form = formOfShape(shape, cell);
  } else {
    form = typeof cell === 'number' ? formOfNumber(cell) : undefined;
  }
  return form === undefined ? CODE_INVALID : FORMS.indexOf(form);
}

function summarise(
  counts: Partial<Record<DateForm, number>>,
  invalid: number,
  blank: number,
  option: DayMonthOrder | undefined,
): DateColumnResolution {
  const result: DateColumnResolution = { formCounts: counts, invalid, blank, mixed: false };
  const dmy = counts.dmy ?? 0;
  const mdy = counts.mdy ?? 0;
  const notes: string[] = [];
  if (dmy + mdy + (counts['day-month'] ?? 0) > 0) {
    if (dmy > mdy || (dmy === mdy && dmy > 0 && (option ?? DEFAULT_DAY_MONTH_ORDER) === 'dmy')) {
      result.dayMonthOrder = 'dmy';
    } else if (mdy > dmy || (dmy === mdy && mdy > 0)) {
      result.dayMonthOrder = 'mdy';
    } else {
      result.dayMonthOrder = option ?? DEFAULT_DAY_MONTH_ORDER;
    }
    result.dayMonthOrderSource = dmy + mdy > 0 ? 'data' : option ? 'option' : 'default';
    if (dmy > 0 && mdy > 0) {
      const other = result.dayMonthOrder === 'dmy' ? mdy : dmy;
      notes.push(
        `${dmy} dates can only be day/month/year and ${mdy} only month/day/year; ` +
        `read as ${result.dayMonthOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}, so ${other} dates do not parse`,
      );
    }
  }
  const families = new Set(Object.keys(counts).map((f) => FAMILY[f as DateForm]));
  if (families.size > 1) notes.push(`the column mixes date forms: ${[...families].join(', ')}`);
  if (notes.length > 0) {
    result.mixed = true;
    result.note = notes.join('; ');
  }
  return result;
}

/**
 * A fast parser for the cells of a resolved column.
 * @returns a function giving the day number, undefined for a blank cell, NaN for a non-date
 */
export function makeDateParser(resolution: Pick<DateColumnResolution, 'dayMonthOrder'>): (cell: Cell) => number | undefined {
  const order = resolution.dayMonthOrder ?? DEFAULT_DAY_MONTH_ORDER;
  const eastern = new Map<string, number | undefined>();
  return (cell: Cell): number | undefined => {
    if (typeof cell === 'number') return excelNumberToDayNumber(cell);
    if (typeof cell !== 'string') return cell === null || cell === undefined ? undefined : NaN;
    const shape = scanDateText(cell);
    if (shape === S_EMPTY) return undefined;
    if (shape !== S_NONE) return dayOfShape(shape, cell, order);
    if (!hasEasternDigits(cell)) return NaN;
    if (eastern.has(cell)) return eastern.get(cell);
    const day = parseDateText(toLatinDigits(cell), order);
    eastern.set(cell, day);
    return day;
  };
}
