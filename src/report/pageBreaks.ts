/**
 * Manual page breaks that keep every chart on one printed page. A sheet printed one page wide and
 * as many pages down as it needs is cut wherever a page ends, and a chart anchored there is cut in
 * two (the Cohorts chart of the UCI workbook through LibreOffice: its top on one page, its bars on
 * the next). So a new page starts at the top of the chart's section: the rows around the chart, up
 * to the empty row above them (its heading and its table go with it), or at that empty row when
 * the chart itself is the section's first row. A chart is 15 to 20 rows, well under a page, so the
 * section then fits on the page it starts.
 *
 * Sheets that ask for a page limit (`maxPrintPages`: the Summary, the Model check) get no breaks:
 * they are scaled to fit that many pages, and a manual break would fight that limit (the Model
 * check fits one page whole; the Summary's charts were checked in the LibreOffice PDFs instead).
 */
import type { Block, ChartSpec, SheetPlan } from './plan';

/** True when a block has something in a row, left of column `end`. */
function blockTakes(block: Block, row: number, end: number): boolean {
  if (block.column >= end) return false;
  if (block.kind === 'table') return row >= block.row && row <= block.row + block.rows.length;
  const values = block.values[row - block.row];
  if (!values) return false;
  return values.some((v, j) => block.column + j < end && v !== null && v !== '');
}

/**
 * True when a row holds a value, a table row or a chart left of column `end`.
 * @param sheet the sheet
 * @param row 0-based row
 * @param end the first column not looked at
 */
export function rowTaken(sheet: SheetPlan, row: number, end: number): boolean {
  if (sheet.blocks.some((b) => blockTakes(b, row, end))) return true;
  return sheet.charts.some((c) => c.anchor.column < end && row >= c.anchor.row && row < c.anchor.row + c.anchor.rows);
}

/**
 * The first row of a chart's section: going up from the chart's top row while the row above holds
 * something left of the chart's right edge (so a long table to the right of the chart, such as the
 * Matrix sheet's flat table, does not join every section into one). O(rows of the section × blocks).
 * @param sheet the sheet
 * @param chart one of its charts
 * @returns a 0-based row
 */
export function chartSectionTop(sheet: SheetPlan, chart: ChartSpec): number {
  const end = chart.anchor.column + chart.anchor.columns;
  let row = chart.anchor.row;
  while (row > 0 && rowTaken(sheet, row - 1, end)) row--;
  return row;
}

/**
 * The rows a printed page must start at so that no chart is cut between two pages: the top of each
 * chart's section (the empty row above it when the chart starts the section), except at the top of
 * the sheet. None for a sheet with a page limit.
 * @param sheet the sheet
 * @returns 0-based rows, ascending, each once
 * @example chartPageBreaks(cohortsSheet(analysis, 'en')!) // [the "All cohorts together" heading's row]
 */
export function chartPageBreaks(sheet: SheetPlan): number[] {
  if (sheet.maxPrintPages !== undefined && sheet.maxPrintPages > 0) return [];
  const rows = new Set(sheet.charts.map((c) => {
    const top = chartSectionTop(sheet, c);
    // A chart whose frame starts on a page's first row has its top edge drawn at the foot of the
    // page before (LibreOffice, the Clusters sheet's holdout charts): start the page at the empty
    // row above the section instead.
    return top === c.anchor.row ? top - 1 : top;
  }).filter((row) => row > 0));
  return [...rows].sort((a, b) => a - b);
}
