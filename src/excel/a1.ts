/**
 * A1 addresses, pure: column letters, `Sheet!A1:B2` parsing and formatting, rectangles.
 * Office.js returns addresses as `Sheet1!A1:C9`, quoting sheet names that need it (`'My data'!A1`).
 */
import { columnLetter } from '../engine';

/** A 0-based rectangle of cells. */
export interface CellRect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * 0-based column index → letters (the engine's `columnLetter`).
 * @example columnName(0) === 'A'; columnName(27) === 'AB'
 */
export const columnName: (index: number) => string = columnLetter;

/**
 * A rectangle as an A1 address without sheet (`B2:D9`, or `B2` for one cell).
 * @example rectAddress({ row: 0, column: 0, rows: 2, columns: 3 }) === 'A1:C2'
 */
export function rectAddress(rect: CellRect): string {
  const start = `${columnName(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return start;
  return `${start}:${columnName(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/** Splits `Sheet!A1:B2` into the unquoted sheet name and the cell part. */
export function splitAddress(address: string): { sheet: string | undefined; cells: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: undefined, cells: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cells: address.slice(bang + 1) };
}

function letterIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Parses the cell part of an A1 address (`A1`, `B2:D9`, `$A$1`); whole rows/columns are not accepted.
 * @returns the rectangle, or undefined when the text is not such an address
 */
export function parseRect(cells: string): CellRect | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(cells.toUpperCase());
  if (!m) return undefined;
  const r0 = Number(m[2]) - 1;
  const c0 = letterIndex(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? letterIndex(m[3]) : c0;
  return { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
}

/** The common part of two rectangles, or undefined when they do not meet. */
export function intersect(a: CellRect, b: CellRect): CellRect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : undefined;
}
