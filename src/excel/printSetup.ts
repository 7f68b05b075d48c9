/**
 * Wrapped text, tall rows and the print setup of a plan sheet, as the CLI's writer sets them.
 * API references (learn.microsoft.com/javascript/api/excel/...):
 * - excel.rangeformat#wraptext, #verticalalignment (ExcelApi 1.1), #rowheight (ExcelApi 1.2);
 * - excel.worksheet#pagelayout and excel.pagelayout (ExcelApi 1.9): `orientation`
 *   (excel.pageorientation: "Landscape" | "Portrait"), `zoom` (excel.pagelayoutzoomoptions:
 *   `horizontalFitToPages`, `verticalFitToPages`; "The PageLayoutZoomOptions object must be set as a
 *   JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)"), `setPrintTitleRows(range)`
 *   ("Sets the worksheet's title rows to be repeated at the top of each page", an address such as
 *   `$1:$1` as in the office-js-snippets sample worksheet-page-layout.yaml).
 * - excel.worksheet#horizontalpagebreaks and excel.pagebreakcollection (ExcelApi 1.9): `add(range)`
 *   "Adds a page break before the top-left cell of the range specified", `removePageBreaks()`
 *   "Resets all manual page breaks in the collection".
 * Fit to one page wide with any number of pages down sets only `horizontalFitToPages`: the docs
 * define no value for "automatic" pages down, so none is invented.
 */
import type { PageSetup, SheetPlan } from '../report/plan';
import { LINE_HEIGHT_POINTS } from '../report/layout';
import { rectAddress } from './a1';

/** Queues wrapped text and the heights of tall rows, their cells aligned to the top (as the CLI writes them). */
export function queueWrapping(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const range of plan.wrapText ?? []) {
    const format = sheet.getRange(rectAddress(range)).format;
    format.wrapText = true;
    format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
  }
  const columns = Math.max(1, plan.columnWidths.length);
  for (const run of rowRuns(plan.tallRows ?? [])) {
    // The rows' height, and every cell aligned to the top beside the wrapped text's first line.
    const format = sheet.getRange(rectAddress({ row: run.row, column: 0, rows: run.rows, columns })).format;
    format.rowHeight = run.lines * LINE_HEIGHT_POINTS;
    format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
  }
}

/**
 * Consecutive rows of the same height as one range each (a long table's rows held to one line
 * become one command, not one per customer).
 * @param rows fixed-height rows, sorted by row
 */
export function rowRuns(rows: readonly { row: number; lines: number }[]): { row: number; rows: number; lines: number }[] {
  const runs: { row: number; rows: number; lines: number }[] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last.lines === r.lines && last.row + last.rows === r.row) last.rows++;
    else runs.push({ row: r.row, rows: 1, lines: r.lines });
  }
  return runs;
}

/**
 * The zoom options of a page setup: fit to `fitToWidth` pages across and, when the plan limits it,
 * `fitToHeight` pages down.
 * @param setup the plan's page setup
 */
export function zoomOf(setup: PageSetup): Excel.PageLayoutZoomOptions {
  return setup.fitToHeight > 0
    ? { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight }
    : { horizontalFitToPages: setup.fitToWidth };
}

/**
 * Queues a sheet's print setup and its manual page breaks (the caller checks ExcelApi 1.9).
 * @param sheet the worksheet
 * @param plan the plan sheet (its `pageSetup`, from report/layout.ts)
 */
export function queuePageLayout(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const setup = plan.pageSetup;
  if (!setup) return;
  const layout = sheet.pageLayout;
  layout.orientation = (setup.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  layout.zoom = zoomOf(setup);
  if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}`);
  queueRowBreaks(sheet, setup);
}

/**
 * Queues the plan's manual page breaks (a new page above each chart's section, report/pageBreaks.ts),
 * replacing the sheet's earlier ones: a Refresh rewrites the sheet in place, and its charts may
 * have moved.
 * @param sheet the worksheet
 * @param setup the plan's page setup
 */
export function queueRowBreaks(sheet: Excel.Worksheet, setup: PageSetup): void {
  const breaks = sheet.horizontalPageBreaks;
  breaks.removePageBreaks();
  for (const row of setup.rowBreaks ?? []) breaks.add(rectAddress({ row, column: 0, rows: 1, columns: 1 }));
}
