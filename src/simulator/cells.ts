/**
 * How one cell takes a value written through `Range.values`, and what it reads back.
 *
 * - `Range.values`: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula." (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member)
 * - A cell formatted as Text (`@`) keeps what is entered as text, formulas and numbers included:
 *   "Format numbers as text" (Microsoft Support)
 * - A leading apostrophe stores the rest as text; the apostrophe is a prefix, not part of the value
 *   (same page; `values` and `formulas` read back without it, as reported in OfficeDev/office-js#6687).
 * - Other strings are parsed as typed: numeric text becomes a number, TRUE/FALSE a Boolean.
 *   `@` followed by a name is Excel's implicit-intersection formula prefix (Excel turns `@SUM(A1)` into
 *   a formula when typed), so the simulator treats it as a formula too: writers must protect it.
 * - `null` in a values array leaves that cell unchanged ("Set and get range values",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 */

/** What a cell holds. Empty is ''. */
export type CellValue = string | number | boolean;

/** Excel's error values, as `values` returns them. */
export const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!',
  '#FIELD!', '#BLOCKED!', '#UNKNOWN!', '#CONNECT!', '#BUSY!',
]);

/** The stored form of a written value. */
export interface StoredCell {
  value: CellValue;
  formula?: string;
  quotePrefix?: boolean;
  /** Entered into a Text-formatted cell: kept as text, never an error value. */
  asText?: boolean;
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * Interprets a value written to a cell with the given number format.
 * @param input the written value
 * @param numberFormat the cell's current format
 * @returns what the cell stores
 */
export function interpretInput(input: unknown, numberFormat: string): StoredCell {
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (input === undefined || input === '') return { value: '' };
  const text = String(input);
  if (numberFormat === '@') return { value: text, asText: true };
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true };
  if (text.length > 1 && (text[0] === '=' || text[0] === '+' || text[0] === '-' || /^@[A-Za-z_]/.test(text))) {
    if (NUMERIC.test(text)) return { value: Number(text) };
    const formula = text[0] === '=' ? text : `=${text}`;
    return { value: evaluate(formula), formula };
  }
  if (NUMERIC.test(text)) return { value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  return { value: text };
}

/**
 * A tiny calculator for the formulas the simulator meets: arithmetic on numbers (`=-2+3`).
 * Anything else (functions, references) reads back as `#NAME?`: the simulator has no calc engine.
 */
export function evaluate(formula: string): CellValue {
  const src = formula.slice(1).replace(/\s+/g, '');
  let pos = 0;
  const fail = (): never => {
    throw new Error('unsupported');
  };
  const atom = (): number => {
    if (src[pos] === '+') { pos++; return atom(); }
    if (src[pos] === '-') { pos++; return -atom(); }
    if (src[pos] === '(') { pos++; const v = sum(); if (src[pos++] !== ')') fail(); return v; }
    const m = /^(\d+\.?\d*|\.\d+)/.exec(src.slice(pos));
    if (!m) return fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  const product = (): number => {
    let v = atom();
    while (src[pos] === '*' || src[pos] === '/') v = src[pos++] === '*' ? v * atom() : v / atom();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (src[pos] === '+' || src[pos] === '-') v = src[pos++] === '+' ? v + product() : v - product();
    return v;
  };
  try {
    const v = sum();
    if (pos !== src.length) return '#NAME?';
    return Number.isFinite(v) ? v : '#DIV/0!';
  } catch {
    return '#NAME?';
  }
}

/** True when a number format shows dates or times (d, m, y, h, s outside quotes/brackets). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]|m{3,}|h|s/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/**
 * A cell's displayed text (`Range.text`), enough for tests: General and Text show the value;
 * date formats show the ISO date of the serial; numeric formats show the number with the
 * format's decimals.
 */
export function displayText(value: CellValue, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === 'General' || format === '@') return String(value);
  if (isDateFormat(format)) {
    const ms = Math.round((value - 25569) * 86400000);
    return new Date(ms).toISOString().slice(0, 10);
  }
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  const shown = format.includes('%') ? value * 100 : value;
  return shown.toFixed(decimals) + (format.includes('%') ? '%' : '');
}
