/**
 * Rewriting our existing output sheets in place, so that what users build on them keeps working.
 *
 * Deleting a sheet or a table turns every formula, chart series and PivotTable source that points at it
 * into #REF! ("How to correct a #REF! error", Microsoft Support), so Refresh must not delete and recreate
 * our sheets: an analyst's `=COUNTIFS(Customers[Segment],"Champions")`, a chart on the Summary figures
 * or a PivotTable on the Customers table would all break. Instead the new content is staged in a
 * temporary sheet (values and number formats, written in chunks: a failure there leaves our sheets
 * untouched), and then, in the one final sync, copied over the existing sheet:
 * - our tables keep their names and identity: `Table.resize` (ExcelApi 1.13; "The new range must overlap
 *   with the original table range and the headers (or the top of the table) must be in the same row",
 *   https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1));
 * - cells come over with `Range.copyFrom(source, "All")` (ExcelApi 1.9,
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)),
 *   and what the old output had beyond the new one is cleared;
 * - our own charts (named `rfm_chart_N`) are kept and pointed at the plan's range again
 *   (`Chart.setData`, ExcelApi 1.1), our colour scales are made again, our PivotTables are kept (their
 *   source table persists) and every PivotTable is refreshed (`PivotTableCollection.refreshAll`,
 *   ExcelApi 1.8, https://learn.microsoft.com/javascript/api/excel/excel.pivottablecollection#excel-excel-pivottablecollection-refreshall-member(1)),
 *   so the user's PivotTables on our tables show the new figures; the user's own charts, formulas and
 *   PivotTables are left alone.
 * Hosts without ExcelApi 1.13 get the old behaviour (delete and recreate), see write.ts.
 */
import type { SheetPlan } from '../report/plan';
import { type CellRect, rectAddress } from './a1';
import { uniqueTableName } from './sheets';
import { type Features, type MadeTable, OUR_CHART_PREFIX, queueSheetDressing, tableRectOf } from './structures';

/** The ExcelApi minor version that in-place rewriting needs (Table.resize). */
export const IN_PLACE_API_MINOR = 13;

/** What an existing output sheet holds now (loaded before the final sync). */
export interface InPlaceState {
  sheet: Excel.Worksheet;
  name: string;
  /** Rows and columns used from A1 (0 when empty). */
  oldExtent: { rows: number; columns: number };
  newExtent: { rows: number; columns: number };
  tables: { table: Excel.Table; name: string; rect: CellRect }[];
  charts: Excel.Chart[];
  pivots: Excel.PivotTable[];
}

function extent(used: Excel.Range): { rows: number; columns: number } {
  return used.isNullObject ? { rows: 0, columns: 0 } : { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
}

/**
 * Loads what the final sync needs about each (existing sheet, staged sheet) pair: two syncs.
 * @param pairs our existing sheet id and the temporary sheet with the new content
 */
export async function loadInPlace(context: Excel.RequestContext, pairs: { targetId: string; temp: Excel.Worksheet }[], features: Features): Promise<InPlaceState[]> {
  const loads = pairs.map(({ targetId, temp }) => {
    const sheet = context.workbook.worksheets.getItem(targetId);
    sheet.load('name');
    const oldUsed = sheet.getUsedRangeOrNullObject();
    oldUsed.load('rowIndex,columnIndex,rowCount,columnCount');
    const newUsed = temp.getUsedRangeOrNullObject();
    newUsed.load('rowIndex,columnIndex,rowCount,columnCount');
    sheet.tables.load('items/name');
    sheet.charts.load('items/name');
    if (features.pivotTables) sheet.pivotTables.load('items/name');
    return { sheet, oldUsed, newUsed };
  });
  await context.sync();
  const ranges = loads.map(({ sheet }) => sheet.tables.items.map((t) => {
    const r = t.getRange();
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return r;
  }));
  await context.sync();
  return loads.map(({ sheet, oldUsed, newUsed }, i) => ({
    sheet,
    name: sheet.name,
    oldExtent: extent(oldUsed),
    newExtent: extent(newUsed),
    tables: sheet.tables.items.map((table, j) => ({ table, name: table.name, rect: { row: ranges[i][j].rowIndex, column: ranges[i][j].columnIndex, rows: ranges[i][j].rowCount, columns: ranges[i][j].columnCount } })),
    charts: sheet.charts.items,
    pivots: features.pivotTables ? sheet.pivotTables.items : [],
  }));
}

/** True when a workbook name is the plan's name or one we made from it (`Name_2`, ...). */
export function isOurName(workbookName: string, planName: string): boolean {
  const a = workbookName.toLowerCase();
  const b = planName.toLowerCase();
  return a === b || (a.startsWith(`${b}_`) && /^\d+$/.test(a.slice(b.length + 1)));
}

/**
 * Queues the rewrite of one existing sheet from its staged copy (inside the final sync).
 * @param takenTables names a new table must avoid (updated with the names used)
 * @returns the sheet's tables under their final names (for PivotTables)
 */
export function queueInPlace(state: InPlaceState, temp: Excel.Worksheet, plan: SheetPlan, features: Features, takenTables: string[]): MadeTable[] {
  const { sheet } = state;
  const keptCharts = new Set<string>();
  plan.charts.forEach((spec, i) => {
    const chart = state.charts.find((c) => c.name === `${OUR_CHART_PREFIX}${i + 1}`);
    if (!chart) return;
    chart.setData(sheet.getRange(rectAddress(spec.source)), 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = spec.title;
    keptCharts.add(chart.name);
  });
  for (const chart of state.charts) if (chart.name.startsWith(OUR_CHART_PREFIX) && !keptCharts.has(chart.name)) chart.delete();
  const old = state.oldExtent;
  if (features.colorScales && old.rows > 0) sheet.getRange(rectAddress({ row: 0, column: 0, rows: old.rows, columns: old.columns })).conditionalFormats.clearAll();
  const blocks = plan.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
  const matched = blocks.map((b) => {
    const rect = tableRectOf(b);
    return state.tables.find((t) => isOurName(t.name, b.name) && t.rect.row === rect.row && t.rect.column === rect.column);
  });
  for (const t of state.tables) if (!matched.includes(t)) t.table.delete();
  const made: MadeTable[] = [];
  blocks.forEach((b, i) => {
    const m = matched[i];
    if (m) {
      m.table.resize(rectAddress(tableRectOf(b)));
      m.table.style = b.style;
      made.push({ planName: b.name, tempName: m.name, table: m.table });
    }
  });
  const neu = state.newExtent;
  if (neu.rows > 0) {
    const area = rectAddress({ row: 0, column: 0, rows: neu.rows, columns: neu.columns });
    sheet.getRange(area).copyFrom(temp.getRange(area), 'All' as Excel.RangeCopyType, false, false);
  }
  if (old.rows > neu.rows) sheet.getRange(rectAddress({ row: neu.rows, column: 0, rows: old.rows - neu.rows, columns: Math.max(old.columns, neu.columns, 1) })).clear();
  if (old.columns > neu.columns && neu.rows > 0) sheet.getRange(rectAddress({ row: 0, column: neu.columns, rows: neu.rows, columns: old.columns - neu.columns })).clear();
  blocks.forEach((b, i) => {
    if (matched[i]) return;
    const table = sheet.tables.add(sheet.getRange(rectAddress(tableRectOf(b))), true);
    const name = uniqueTableName(b.name, takenTables);
    takenTables.push(name);
    table.name = name;
    table.style = b.style;
    made.push({ planName: b.name, tempName: name, table });
  });
  queueSheetDressing(sheet, plan, features, keptCharts);
  temp.delete();
  return made;
}

/** Plan PivotTables of this sheet that already exist (ours, kept), by plan name. */
export function keptPivots(state: InPlaceState, plan: SheetPlan): Set<string> {
  return new Set(plan.pivots.filter((spec) => state.pivots.some((p) => isOurName(p.name, spec.name))).map((spec) => spec.name));
}
