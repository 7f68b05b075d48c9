/**
 * Small text helpers shared by the date, number and column parsers: digit normalisation,
 * Excel error values, and short cell descriptions for skipped-row details.
 */
import type { Cell } from './types';

/** Excel's error values, as Office.js and CSV exports write them. */
const EXCEL_ERRORS = new Set([
  '#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!',
  '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
]);

/**
 * True when the cell is an Excel error value such as `#N/A` or `#VALUE!` (surrounding spaces allowed).
 * @example isErrorCell('#N/A') === true; isErrorCell('#12') === false
 */
export function isErrorCell(cell: Cell): boolean {
  if (typeof cell !== 'string' || cell.length < 3) return false;
  const first = cell.charCodeAt(0);
  if (first === 35) return EXCEL_ERRORS.has(cell.toUpperCase());
  if (first > 32) return false;
  return EXCEL_ERRORS.has(cell.trim().toUpperCase());
}

/**
 * The value of a Persian (۰–۹) or Arabic-Indic (٠–٩) digit: the one place these two digit ranges are named.
 * @param c a UTF-16 char code
 * @returns 0–9, or -1 when `c` is not such a digit (Latin digits included)
 */
export function easternDigitValue(c: number): number {
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  return -1;
}

/** True when the text holds a Persian (۰–۹) or Arabic-Indic (٠–٩) digit. */
export function hasEasternDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (easternDigitValue(text.charCodeAt(i)) >= 0) return true;
  return false;
}

/**
 * Replaces Persian (۰–۹) and Arabic-Indic (٠–٩) digits with 0–9; other characters are kept.
 * @example toLatinDigits('۱۴۰۴/٠١/15') === '1404/01/15'
 */
export function toLatinDigits(text: string): string {
  if (!hasEasternDigits(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = easternDigitValue(c);
    if (digit >= 0) out += String.fromCharCode(48 + digit);
    else out += text[i];
  }
  return out;
}

/**
 * Persian text in one spelling: Persian/Arabic-Indic digits made Latin, Arabic yeh (ي ى) and kaf
 * (ك) as Persian ی and ک, so ids and headers typed on Arabic and Persian keyboards match.
 * @example normalizePersianText('علي ۱۲') === 'علی 12'
 */
export function normalizePersianText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = easternDigitValue(c);
    if (digit >= 0) out += String.fromCharCode(48 + digit);
    else if (c === 0x064a || c === 0x0649) out += 'ی';
    else if (c === 0x0643) out += 'ک';
    else out += text[i];
  }
  return out;
}

/** True when the text holds a character of the Arabic script block (U+0600 and up). */
export function hasArabicScript(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x0600) return true;
  return false;
}

/** True for whitespace a spreadsheet cell may carry: space, tab, CR/LF, no-break and thin spaces. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x200f || c === 0x200e;
}

/** True when the cell holds nothing: null, undefined, or only spaces. */
export function isBlankCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  for (let i = 0; i < cell.length; i++) if (!isSpaceCode(cell.charCodeAt(i))) return false;
  return true;
}

/**
 * A short quoted description of a cell for messages: `"2021-02-30"`, `12.5`, `(empty)`;
 * long text is cut to 40 characters.
 */
export function describeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '(empty)';
  if (typeof cell !== 'string') return String(cell);
  if (isBlankCell(cell)) return '(empty)';
  const text = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  return JSON.stringify(text);
}

/**
 * The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA.
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
