/**
 * Plan values → what `Range.values` receives, so that every string arrives as the same text.
 *
 * Excel interprets a written string as if typed: "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula"
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member), and
 * numeric, date-like, TRUE/FALSE or error-like text becomes a number, a date, a Boolean or an error.
 * Nothing in Office.js documents a leading apostrophe as a text marker for `Range.values`, so text is
 * written as it is, and the cells whose text Excel would interpret get the Text number format first
 * ("Format numbers as text", Microsoft Support: format the cells as Text before entering the values;
 * `Range.numberFormat`, ExcelApi 1.1): `=HYPERLINK(...)`, `+1`, `-2+3`, `@SUM(A1)`, `00123`, `'quoted`,
 * `TRUE` and `#N/A` read back exactly as given, and ordinary text carries no prefix.
 */
import type { PlanValue } from '../report/plan';

/** Text that Excel would not keep as it is when written into a General cell. */
const INTERPRETED = /^[=+\-@'#]|^\s*[\d.,:/%$€£¥()\s]*\d[\d.,:/%$€£¥()eE\s+-]*$|^(true|false)$/i;

/**
 * True when a string needs the Text format to stay text.
 * @example needsTextFormat('=1+1') === true; needsTextFormat('00123') === true; needsTextFormat('Champions') === false
 */
export function needsTextFormat(value: PlanValue | undefined): boolean {
  return typeof value === 'string' && value !== '' && INTERPRETED.test(value);
}

/**
 * One plan value as written to Excel: strings as they are (see `textGuard`), null and non-finite
 * numbers become empty.
 * @example excelValue('Champions') === 'Champions'; excelValue(null) === ''; excelValue(3) === 3
 */
export function excelValue(value: PlanValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return value;
}

/**
 * The Text number format (`@`) for the cells of rows `from`..`to` that need it, null elsewhere (null
 * leaves a cell's format unchanged: "Set and get range values",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values); undefined when
 * no cell needs it. Queue it before the values.
 */
export function textGuard(rows: readonly (readonly PlanValue[])[], from: number, to: number, width: number): (string | null)[][] | undefined {
  let any = false;
  const out: (string | null)[][] = new Array(to - from);
  for (let r = from; r < to; r++) {
    const src = rows[r];
    const line: (string | null)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const text = needsTextFormat(src[c]);
      line[c] = text ? '@' : null;
      any ||= text;
    }
    out[r - from] = line;
  }
  return any ? out : undefined;
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
