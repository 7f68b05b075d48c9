/**
 * Amount and id cells: numbers, numeric text with currency signs or codes, thousands separators
 * (`1,234.50`, European `1.234,50` decided per column, Persian `٬` and decimal `٫`, spaces and
 * apostrophes), Persian/Arabic-Indic digits, negatives as `-12`, `12-`, `(12)` or `−12`;
 * Excel error values; customer and order ids (`17850.0` → `17850`).
 *
 * The per-cell parser is a single char-code pass: no regex, no string building.
 */
import type { Cell } from './types';
import { easternDigitValue, hasArabicScript, isSpaceCode, normalizePersianText } from './cellText';

export { isErrorCell } from './cellText';

/** How a column writes decimals: `1,234.50` ('.') or `1.234,50` (','). */
export interface NumberStyle {
  decimalSeparator: '.' | ',';
}

/** Decimal point, the default when a column does not show which separator is the decimal. */
export const DEFAULT_NUMBER_STYLE: NumberStyle = { decimalSeparator: '.' };

/** Currency words and codes accepted beside an amount (compared in lower case). */
const CURRENCY_WORDS = new Set([
  'usd', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'irr', 'irt', 'aed', 'sar', 'try', 'rub', 'inr', 'chf',
  'cad', 'aud', 'nzd', 'sek', 'nok', 'dkk', 'pln', 'czk', 'huf', 'krw', 'hkd', 'sgd', 'brl', 'mxn',
  'zar', 'kwd', 'qar', 'omr', 'bhd', 'iqd', 'afn', 'pkr', 'egp',
  'rial', 'rials', 'toman', 'tomans', 'rls', 'dollar', 'dollars', 'euro', 'euros',
  'ریال', 'تومان', 'تومن', 'ريال', 'دلار', 'یورو', 'درهم',
]);

/** Currency symbols: $ £ € ¥ ﷼ ₹ ₽ ₺ ₩ ₪ ₫ ¢. */
function isCurrencySymbol(c: number): boolean {
  return c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5 || c === 0xfdfc || c === 0x20b9 ||
    c === 0x20bd || c === 0x20ba || c === 0x20a9 || c === 0x20aa || c === 0x20ab || c === 0xa2;
}

/** Letters of a currency word: Latin, or Arabic script other than digits and separators. */
function isWordCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x200c ||
    (c >= 0x0620 && c <= 0x06d5 && !(c >= 0x0660 && c <= 0x066c));
}

/** Digit value of a Latin, Persian or Arabic-Indic digit, else -1. */
function digitOf(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : easternDigitValue(c);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Numeric text → number: undefined when blank, NaN when not a number.
 * @param decimalCode char code of the decimal separator ('.' 46 or ',' 44); the other one groups
 */
function parseNumberText(s: string, decimalCode: number): number | undefined {
  const groupCode = decimalCode === 46 ? 44 : 46;
  const n = s.length;
  let negative = false;
  let paren = 0; // 0 none, 1 open, 2 closed
  let started = false;
  let ended = false;
  let inFraction = false;
  let intValue = 0;
  let intDigits = 0;
  let fracValue = 0;
  let fracDigits = 0;
  let groupLength = -1;
  let any = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      if (ended) return NaN;
      started = true;
      if (inFraction) {
        if (fracDigits < 15) { fracValue = fracValue * 10 + d; fracDigits++; }
      } else {
        intValue = intValue * 10 + d;
        intDigits++;
        if (groupLength >= 0) groupLength++;
      }
      continue;
    }
    if (!isSpaceCode(c)) any = true;
    if (c === decimalCode || c === 0x066b) {
      if (inFraction || ended || (groupLength >= 0 && groupLength !== 3)) return NaN;
      inFraction = true;
      started = true;
    } else if (c === groupCode || c === 0x066c || c === 39 || c === 0x2019 || (isSpaceCode(c) && started && !ended)) {
      if (isSpaceCode(c) && (inFraction || digitOf(s.charCodeAt(i + 1)) < 0)) { ended = true; continue; }
      if (!started || inFraction || ended || intDigits === 0) return NaN;
      if (groupLength < 0 ? intDigits > 3 : groupLength !== 3) return NaN;
      groupLength = 0;
    } else if (isSpaceCode(c)) {
      continue;
    } else if (c === 45 || c === 0x2212) {
      if (negative || paren !== 0) return NaN;
      negative = true;
      if (started) ended = true;
    } else if (c === 43) {
      if (started) return NaN;
    } else if (c === 40) {
      if (started || paren !== 0 || negative) return NaN;
      paren = 1;
    } else if (c === 41) {
      if (paren !== 1 || !started) return NaN;
      paren = 2;
      ended = true;
    } else if (isCurrencySymbol(c)) {
      if (started) ended = true;
    } else if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(s.charCodeAt(j))) j++;
      if (!CURRENCY_WORDS.has(s.slice(i, j).toLowerCase())) return exponentFallback(s);
      if (started) ended = true;
      i = j - 1;
    } else {
      return NaN;
    }
  }
  if (!started) return any ? NaN : undefined;
  if (intDigits + fracDigits === 0 || paren === 1) return NaN;
  if (groupLength >= 0 && !inFraction && groupLength !== 3) return NaN;
  const value = fracDigits === 0 ? intValue : (intValue * POW10[fracDigits] + fracValue) / POW10[fracDigits];
  if (value === Infinity) return NaN;
  return negative || paren === 2 ? -value : value;
}

/** Decimal scientific notation (`1.5E+3`, `-2e-4`): the only text read through JavaScript's own syntax. */
const SCIENTIFIC = /^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;

/**
 * `1.5E+3` and friends. Only decimal scientific notation: `Number()` would also read hex (`0xDEAD`
 * as 57005), octal and binary literals, which are not amounts.
 */
function exponentFallback(s: string): number {
  const t = s.trim();
  if (!SCIENTIFIC.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/**
 * A parser for the cells of a number column: number cells as they are, text per `style`.
 * @returns a function giving the number, undefined for a blank cell, NaN for anything else
 */
export function makeNumberParser(style: NumberStyle = DEFAULT_NUMBER_STYLE): (cell: Cell) => number | undefined {
  const decimalCode = style.decimalSeparator === ',' ? 44 : 46;
  return (cell: Cell): number | undefined => {
    if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
    if (typeof cell === 'string') return parseNumberText(cell, decimalCode);
    return cell === null || cell === undefined ? undefined : NaN;
  };
}

/**
 * Parses one amount cell on its own.
 * @param cell a number, or text such as `$1,234.50`, `(12)`, `۱۲٬۵۰۰ ریال`, `1.234,50` (with style ',')
 * @param style the decimal separator (default '.')
 * @returns the number, or undefined when blank or not a number
 * @example parseNumberCell('(1,234.50)') === -1234.5
 */
export function parseNumberCell(cell: Cell, style: NumberStyle = DEFAULT_NUMBER_STYLE): number | undefined {
  const v = makeNumberParser(style)(cell);
  return v === undefined || Number.isNaN(v) ? undefined : v;
}

/**
 * Evidence one text cell gives about the decimal separator: +1 comma, -1 point, 0 none.
 * `1.234,5` and `12,5` say comma; `1,234.5`, `1,234,567` and `12.5` say point; `1,234` says nothing.
 */
function decimalEvidence(s: string): number {
  let lastDot = -1;
  let lastComma = -1;
  let dots = 0;
  let commas = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) { dots++; lastDot = i; } else if (c === 44) { commas++; lastComma = i; }
  }
  if (dots > 0 && commas > 0) return lastComma > lastDot ? 1 : -1;
  if (dots + commas === 0) return 0;
  if (dots > 1) return 1;
  if (commas > 1) return -1;
  const at = dots === 1 ? lastDot : lastComma;
  let after = 0;
  while (at + 1 + after < s.length && digitOf(s.charCodeAt(at + 1 + after)) >= 0) after++;
  if (after === 3) return 0;
  return dots === 1 ? -1 : 1;
}

/**
 * Decides a number column's decimal separator from the text cells that show it (ties and no
 * evidence → '.'). Number cells give no evidence. O(n).
 * @example resolveNumberColumn(['1.234,50', '12']).decimalSeparator === ','
 */
export function resolveNumberColumn(values: readonly Cell[]): NumberStyle {
  return resolveNumberColumnBy(values.length, (i) => values[i]);
}

/** resolveNumberColumn over a column given by an accessor. */
export function resolveNumberColumnBy(length: number, cellAt: (i: number) => Cell): NumberStyle {
  return numberStyleOf(decimalEvidenceBy(length, cellAt));
}

/** How many text cells of a number column say the decimal separator is a comma, and how many a point. */
export interface DecimalEvidence {
  comma: number;
  point: number;
}

/**
 * The decimal separator the evidence says (ties and no evidence → '.'), as resolveNumberColumn.
 * @param evidence counts of cells saying comma and point (summed over batches by a streaming reader)
 * @returns the style
 */
export function numberStyleOf(evidence: DecimalEvidence): NumberStyle {
  return evidence.comma > evidence.point ? { decimalSeparator: ',' } : DEFAULT_NUMBER_STYLE;
}

/**
 * Counts the decimal-separator evidence of a column's text cells (number cells give none). O(n).
 * @param length number of cells
 * @param cellAt the i-th cell
 */
export function decimalEvidenceBy(length: number, cellAt: (i: number) => Cell): DecimalEvidence {
  let comma = 0;
  let point = 0;
  let lastText = '';
  let lastEvidence = 0;
  for (let i = 0; i < length; i++) {
    const cell = cellAt(i);
    if (typeof cell !== 'string') continue;
    if (cell !== lastText) { lastText = cell; lastEvidence = decimalEvidence(cell); }
    if (lastEvidence > 0) comma++;
    else if (lastEvidence < 0) point++;
  }
  return { comma, point };
}

/**
 * A customer or order id as text: trimmed; Persian/Arabic-Indic digits made Latin and Arabic
 * yeh/kaf written as Persian ی/ک (so `علي` and `علی` are one customer); a number, or
 * numeric text whose decimals are all zero, becomes its integer text (`17850.0` → `17850`).
 * Text that looks like a formula stays plain text.
 * @returns the id, or undefined when blank
 * @example normalizeId(17850) === '17850'; normalizeId(' 17850.0 ') === '17850'
 */
export function normalizeId(cell: Cell): string | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : undefined;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell !== 'string' || cell.length === 0) return undefined;
  let s = cell;
  if (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1))) {
    s = s.trim();
    if (s.length === 0) return undefined;
  }
  const persian = hasArabicScript(s);
  if (persian) s = normalizePersianText(s);
  return persian || s.charCodeAt(s.length - 1) === 48 ? stripZeroDecimals(s) : s;
}

/** `17850.000` (or Persian `17850٫0`) → `17850` when everything before the point is digits (an optional leading minus). */
function stripZeroDecimals(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) === 48) i--;
  if (i <= 0 || i === s.length - 1 || (s.charCodeAt(i) !== 46 && s.charCodeAt(i) !== 0x066b)) return s;
  const start = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === start) return s;
  for (let k = start; k < i; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return s;
  }
  return s.slice(0, i);
}
