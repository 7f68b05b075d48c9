/**
 * A1 addresses for the simulator: `A1`, `B2:D9`, `A:C`, `3:5`, `'My sheet'!A1:B2`.
 * Excel's grid is 1,048,576 rows by 16,384 columns (XFD):
 * "Excel specifications and limits" (Microsoft Support); `Worksheet.getRangeByIndexes` works in that grid.
 */
import { simError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A 0-based rectangle. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** 0-based column index → letters (0 → A, 26 → AA); kept separate from src/ so the simulator is an independent oracle. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface Corner {
  row?: number;
  column?: number;
}

function parseCorner(text: string): Corner {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m || (!m[1] && !m[2])) throw simError('InvalidArgument', `Invalid address: ${text}`, 'Worksheet.getRange');
  const corner: Corner = {};
  if (m[1]) corner.column = lettersToIndex(m[1]);
  if (m[2]) corner.row = Number(m[2]) - 1;
  return corner;
}

/** Splits `Sheet!A1:B2` into the sheet name (unquoted) and the cell part. */
export function splitSheet(address: string): { sheet?: string; cells: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { cells: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cells: address.slice(bang + 1) };
}

/**
 * Parses the cell part of an address into a rectangle.
 * @param cells like `A1`, `A1:C3`, `A:C`, `2:4`
 * @returns the rectangle, 0-based
 * @throws InvalidArgument when it is not an address inside the grid
 */
export function parseCells(cells: string): Rect {
  const [a, b = a] = cells.split(':');
  const p = parseCorner(a);
  const q = parseCorner(b);
  const r0 = p.row ?? 0;
  const r1 = q.row ?? MAX_ROWS - 1;
  const c0 = p.column ?? 0;
  const c1 = q.column ?? MAX_COLUMNS - 1;
  const rect = { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
  if (rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS) {
    throw simError('InvalidArgument', `Address outside the grid: ${cells}`, 'Worksheet.getRange');
  }
  return rect;
}

/** Quotes a sheet name for an address when Excel would (anything but letters, digits, underscore). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Formats a rectangle as `Sheet!A1:B2` (a single cell as `Sheet!A1`). */
export function formatAddress(sheet: string, rect: Rect): string {
  const tl = `${columnLetters(rect.column)}${rect.row + 1}`;
  const single = rect.rows === 1 && rect.columns === 1;
  const br = `${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
  return `${quoteSheet(sheet)}!${single ? tl : `${tl}:${br}`}`;
}

/** True when two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}
