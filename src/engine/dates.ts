/**
 * Date cells → day numbers (days since 1970-01-01), calendar-exact and time-zone free.
 *
 * Forms: Excel serial numbers (fractions = date-times, floored to the day; serial 60 is Excel's
 * fictitious 1900-02-29 and is rejected), `YYYYMMDD` (number or text, 19000101..29991231),
 * ISO dates and date-times (`2011-12-09`, `2011-12-09 08:50:00`, `2011-12-09T08:50:00Z`: the day is
 * the written calendar day, whatever the offset), year-first `2011/12/09` and `2011.12.09`,
 * day/month/year and month/day/year with `/`, `.` or `-` and 2- or 4-digit years (2-digit years
 * follow Excel: 00–29 → 2000s, 30–99 → 1900s), Jalali dates (any form whose 4-digit year is
 * 1200..1499, e.g. `1404/01/15`, `1404-01-15`), month names (`9 Dec 2011`, `Dec 9, 2011`,
 * Jalali `15 فروردین 1404`, see monthNames.ts), and Persian/Arabic-Indic digits in all of them.
 *
 * A column is resolved once (`resolveDateColumn`) and then parsed cell by cell with a char-code
 * fast path (`makeDateParser`): no regex and no Date object per cell.
 * When no cell of a day/month column says which part is the day (a part > 12), the explicit
 * `dayMonthOrder` option decides, else DEFAULT_DAY_MONTH_ORDER ('dmy': the order of most of the
 * world, of UK exports such as the Online Retail data, and of Persian d/m/y writing).
 */
import type { Cell, DayMonthOrder, DayNumber, Note } from './types';
import { note } from './messages';
import {
  excelNumberToDayNumber,
  formOfNumber,
  formOfText,
  lastFormDay,
  parseDateText,
  scanDateText,
  dayOfShape,
  S_EMPTY,
  S_NONE,
  type DateForm,
} from './dateText';

export { formatIsoDate, gregorianToDayNumber, dayNumberToGregorian, isValidGregorianDate } from './civil';
export { excelNumberToDayNumber, dayNumberToExcelSerial, formatYyyymmdd, type DateForm } from './dateText';

/** The order used when a column's day/month dates are ambiguous and no option is given. */
export const DEFAULT_DAY_MONTH_ORDER: DayMonthOrder = 'dmy';

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
  /** An English sentence explaining the mix, when mixed (the texts of `notes` joined). */
  note?: string;
  /** The same as notes with string keys, for hosts that show them in another language. */
  notes?: Note[];
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

/** Forms grouped into families; more than one family in a column is "mixed". */
const FAMILY: Record<DateForm, string> = {
  serial: 'input.dateForm.serial', yyyymmdd: 'input.dateForm.yyyymmdd', iso: 'input.dateForm.ymd', ymd: 'input.dateForm.ymd',
  jalali: 'input.dateForm.jalali', dmy: 'input.dateForm.dayMonth', mdy: 'input.dateForm.dayMonth', 'day-month': 'input.dateForm.dayMonth',
  'month-name': 'input.dateForm.monthName',
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
  return scanColumn(length, cellAt, opts, undefined);
}

/** In ParsedDateColumn.days: the cell was blank. */
export const DATE_BLANK = Infinity;
/** In days while scanning: a day/month cell whose day waits for the column's order. */
const DATE_PENDING = -Infinity;

/** A date column resolved and parsed. */
export interface ParsedDateColumn {
  resolution: DateColumnResolution;
  /** Per cell: the day number, NaN when not a date, DATE_BLANK when blank. */
  days: Float64Array;
}

/**
 * Resolves and parses a whole date column in one scan (day/month cells get a second look once
 * the order is known): the fast path normalisation uses. O(n).
 * @param length number of cells
 * @param cellAt the i-th cell
 */
export function parseDateColumnBy(
  length: number,
  cellAt: (i: number) => Cell,
  opts: { dayMonthOrder?: DayMonthOrder; fixedDayMonthOrder?: DayMonthOrder } = {},
): ParsedDateColumn {
  const days = new Float64Array(length);
  const resolution = scanColumn(length, cellAt, opts, days);
  // a reader folding a file in batches reads every batch in the order chosen for the whole file
  const order = resolution.dayMonthOrder && (opts.fixedDayMonthOrder ?? resolution.dayMonthOrder);
  if (order) {
    const parse = makeDateParser({ dayMonthOrder: order });
    for (let i = 0; i < length; i++) if (days[i] === DATE_PENDING) days[i] = parse(cellAt(i)) as number;
  }
  return { resolution, days };
}

/** Counts forms over a column; fills `days` (when given) with order-free days or DATE_PENDING. */
function scanColumn(
  length: number,
  cellAt: (i: number) => Cell,
  opts: { dayMonthOrder?: DayMonthOrder },
  days: Float64Array | undefined,
): DateColumnResolution {
  const tally = new Array<number>(FORMS.length).fill(0);
  let invalid = 0;
  let blank = 0;
  let lastText = '';
  let lastWasText = false;
  let lastCode = CODE_BLANK;
  let lastDay = DATE_BLANK;
  for (let i = 0; i < length; i++) {
    const cell = cellAt(i);
    if (!(lastWasText && cell === lastText)) {
      lastCode = classifyCode(cell);
      lastDay = dayOfCode(lastCode);
      lastWasText = typeof cell === 'string';
      if (lastWasText) lastText = cell as string;
    }
    if (days !== undefined) days[i] = lastDay;
    if (lastCode >= 0) tally[lastCode]++;
    else if (lastCode === CODE_BLANK) blank++;
    else invalid++;
  }
  const counts: Partial<Record<DateForm, number>> = {};
  FORMS.forEach((form, k) => { if (tally[k] > 0) counts[form] = tally[k]; });
  return summarise(counts, invalid, blank, opts.dayMonthOrder);
}

/** Forms by index, for counting without string keys. */
const FORMS: DateForm[] = ['serial', 'yyyymmdd', 'iso', 'ymd', 'jalali', 'dmy', 'mdy', 'day-month', 'month-name'];
const CODE_BLANK = -1;
const CODE_INVALID = -2;
/** Codes of the day/month forms, whose day depends on the column's order. */
const FIRST_DAY_MONTH_CODE = FORMS.indexOf('dmy');
const LAST_DAY_MONTH_CODE = FORMS.indexOf('day-month');

/** The day of the cell classifyCode just looked at: DATE_PENDING for day/month forms. */
function dayOfCode(code: number): number {
  if (code === CODE_BLANK) return DATE_BLANK;
  if (code === CODE_INVALID) return NaN;
  return code >= FIRST_DAY_MONTH_CODE && code <= LAST_DAY_MONTH_CODE ? DATE_PENDING : lastFormDay();
}

/** Index of a cell's form in FORMS, CODE_BLANK or CODE_INVALID. */
function classifyCode(cell: Cell): number {
  if (cell === null || cell === undefined) return CODE_BLANK;
  let form: DateForm | undefined;
  if (typeof cell === 'string') {
    const f = formOfText(cell);
    if (f === null) return CODE_BLANK;
    form = f;
  } else {
    form = typeof cell === 'number' ? formOfNumber(cell) : undefined;
  }
  return form === undefined ? CODE_INVALID : FORMS.indexOf(form);
}

/**
 * The resolution of a column from its counts alone: what resolveDateColumn decides once the cells
 * are counted. A reader that counts a file in batches adds the batches' counts and asks this.
 * @param counts non-empty cells per form
 * @param invalid non-empty cells that are no date
 * @param blank empty cells
 * @param option the user's day/month order for ties and no evidence
 * @returns the resolution
 */
export function resolveDateCounts(
  counts: Partial<Record<DateForm, number>>,
  invalid: number,
  blank: number,
  option: DayMonthOrder | undefined,
): DateColumnResolution {
  return summarise(counts, invalid, blank, option);
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
  const notes: Note[] = [];
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
      notes.push(note('input.note.dayMonthConflict', { dmy, mdy, orderKey: `input.dayMonthOrder.${result.dayMonthOrder}`, other }));
    }
  }
  const families = new Set(Object.keys(counts).map((f) => FAMILY[f as DateForm]));
  if (families.size > 1) notes.push(note('input.note.mixedForms', { formsKeys: [...families].join(',') }));
  if (notes.length > 0) {
    result.mixed = true;
    result.note = notes.map((n) => n.text).join('; ');
    result.notes = notes;
  }
  return result;
}

/** Distinct slow-path texts (Persian digits, month names, non-dates) remembered per parser. */
const SLOW_CACHE_LIMIT = 65536;

/**
 * A fast parser for the cells of a resolved column.
 * @returns a function giving the day number, undefined for a blank cell, NaN for a non-date
 */
export function makeDateParser(resolution: Pick<DateColumnResolution, 'dayMonthOrder'>): (cell: Cell) => number | undefined {
  const order = resolution.dayMonthOrder ?? DEFAULT_DAY_MONTH_ORDER;
  const slow = new Map<string, number | undefined>();
  return (cell: Cell): number | undefined => {
    if (typeof cell !== 'string') return parseDateValue(cell, order);
    const shape = scanDateText(cell);
    if (shape === S_EMPTY) return undefined;
    if (shape !== S_NONE) return dayOfShape(shape, cell, order);
    const known = slow.get(cell);
    if (known !== undefined || slow.has(cell)) return known;
    const day = parseDateText(cell, order);
    if (slow.size >= SLOW_CACHE_LIMIT) slow.clear();
    slow.set(cell, day);
    return day;
  };
}
