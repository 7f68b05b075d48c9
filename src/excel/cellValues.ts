/**
 * Plan values → what `Range.values` receives, so that every string arrives as the same text.
 *
 * Excel interprets a written string as if typed: "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula"
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member), and
 * numeric or date-like text becomes a number. A leading apostrophe makes Excel store the rest as text
 * and is not part of the value ("Format numbers as text",
 * Microsoft Support; as the simulator's cells.ts notes, Office.js reads such cells back without the apostrophe).
 * So every non-empty string is written with an apostrophe in front: `=HYPERLINK(...)`, `+1`, `-2+3`,
 * `@SUM(A1)`, `00123` and `'quoted` all read back exactly as given. This works at ExcelApi 1.1, needs
 * no format pass first, and leaves the cell's number format free for the plan's format.
 */
import type { PlanValue } from '../report/plan';

/**
 * One plan value as written to Excel: strings get the text prefix, null and non-finite numbers
 * become empty.
 * @example excelValue('=1+1') === "'=1+1"; excelValue(null) === ''; excelValue(3) === 3
 */
export function excelValue(value: PlanValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return value;
}

/**
 * Rows `from`..`to` of a block as Excel values, padded to `width` columns.
 * O(rows × width).
 */
export function excelRows(rows: readonly (readonly PlanValue[])[], from: number, to: number, width: number): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = new Array(to - from);
  for (let r = from; r < to; r++) {
    const src = rows[r];
    const line: (string | number | boolean)[] = new Array(width);
    for (let c = 0; c < width; c++) line[c] = excelValue(src[c]);
    out[r - from] = line;
  }
  return out;
}

/**
 * Excel column width in points for a width in characters of the default font
 * (8.43 characters = 64 px = 48 pt: 7 px per character plus 5 px padding, 0.75 pt per px).
 * @example widthPoints(8.43) ≈ 48
 */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
