/**
 * Small constructors shared by the sheet builders: an empty sheet, cell blocks, tables and
 * colour scales. They only assemble plan data; every layout decision stays in the sheet modules.
 */
import { t, type Lang } from '../i18n';
import type { CellBlock, ColorScale, PlanRange, PlanValue, SheetKey, SheetPlan, TableBlock } from './plan';
import { TAB_COLORS, TABLE_STYLE } from './formats';

/**
 * A sheet with no blocks, in the language's direction, named from the string table.
 * @param key the sheet's stable key
 * @param lang output language (Persian sheets are right-to-left)
 */
export function emptySheet(key: SheetKey, lang: Lang): SheetPlan {
  return {
    key,
    name: t(lang, `report.sheet.${key}`),
    blocks: [],
    columnWidths: [],
    frozenRows: 0,
    frozenColumns: 0,
    colorScales: [],
    charts: [],
    pivots: [],
    rightToLeft: lang === 'fa',
    tabColor: TAB_COLORS[key],
  };
}

/**
 * A block of plain cells.
 * @param row top row (0-based)
 * @param column left column (0-based)
 * @param values the grid of values
 * @param style visual role
 * @param numberFormats per-cell grid or one format per column
 */
export function cells(
  row: number,
  column: number,
  values: PlanValue[][],
  style: CellBlock['style'] = 'body',
  numberFormats?: CellBlock['numberFormats'],
): CellBlock {
  const block: CellBlock = { kind: 'cells', row, column, values, style };
  if (numberFormats) block.numberFormats = numberFormats;
  return block;
}

/** One column of a table: its header and number format. */
export interface ColumnSpec {
  header: string;
  format: string | null;
}

/**
 * An Excel table block.
 * @param name workbook-unique table name
 * @param row header row (0-based)
 * @param column left column (0-based)
 * @param columns header and number format per column
 * @param rows data rows (at least one: callers write a note instead of an empty table)
 * @param style built-in table style
 */
export function table(name: string, row: number, column: number, columns: ColumnSpec[], rows: PlanValue[][], style = TABLE_STYLE): TableBlock {
  return {
    kind: 'table',
    name,
    row,
    column,
    header: columns.map((c) => c.header),
    rows,
    columnFormats: columns.map((c) => c.format),
    style,
  };
}

/**
 * A colour scale over a rectangle.
 * @param range the cells
 * @param minColor colour of the lowest value
 * @param maxColor colour of the highest value
 * @param midColor optional colour of the median
 */
export function colorScale(range: PlanRange, minColor: string, maxColor: string, midColor?: string): ColorScale {
  const scale: ColorScale = { range, minColor, maxColor };
  if (midColor) scale.midColor = midColor;
  return scale;
}

/**
 * Sets a sheet's column widths, keeping the widest request per column.
 * @param sheet the sheet to change
 * @param fromColumn first column the widths apply to
 * @param widths widths in characters
 */
export function widenColumns(sheet: SheetPlan, fromColumn: number, widths: number[]): void {
  widths.forEach((width, i) => {
    const column = fromColumn + i;
    while (sheet.columnWidths.length <= column) sheet.columnWidths.push(10);
    sheet.columnWidths[column] = Math.max(sheet.columnWidths[column], width);
  });
}

/**
 * The row just below a block (for stacking blocks with a gap).
 * @param block a cell block or table
 * @param gap empty rows to leave
 */
export function rowAfter(block: CellBlock | TableBlock, gap = 1): number {
  const height = block.kind === 'table' ? block.rows.length + 1 : block.values.length;
  return block.row + height + gap;
}

/**
 * The first free row below every block (for stacking the next part with a gap).
 * @param blocks the blocks placed so far
 * @param gap empty rows to leave
 */
export function rowBelow(blocks: readonly (CellBlock | TableBlock)[], gap = 1): number {
  return blocks.reduce((max, b) => Math.max(max, rowAfter(b, gap)), 0);
}
