/**
 * The parts of a sheet that are not cell values: Excel tables, text styles, column widths, frozen
 * panes, colour scales, charts, PivotTables, tab colour and reading order. Optional features are
 * used only where the host's requirement sets have them (Features).
 * API references (learn.microsoft.com/javascript/api/excel/...): excel.tablecollection#add (1.1),
 * excel.conditionalformatcollection#add (1.6), excel.chartcollection#add (1.1),
 * excel.worksheetfreezepanes (1.7), excel.worksheet#tabcolor (1.7), excel.pivottablecollection#add (1.8),
 * excel.rangeformat#readingorder (1.9), excel.worksheet#pagelayout (1.9, see printSetup.ts). Office.js has no setter for a sheet's right-to-left display
 * (`Window.showRightToLeft` is read-only, ExcelApiDesktop 1.1), so right-to-left plans get
 * right-to-left reading order in their cells instead, where ExcelApi 1.9 exists.
 */
import type { ChartSpec, PivotSpec, SheetPlan, TableBlock } from '../report/plan';
import { rectAddress } from './a1';
import { blockRows, blockWidth } from './blocks';
import { widthPoints } from './cellValues';
import { type ExcelHost, supportsExcelApi } from './host';
import { queuePageLayout, queueWrapping } from './printSetup';

/** What the host can do beyond ExcelApi 1.4. */
export interface Features {
  colorScales: boolean;
  suspendCalculation: boolean;
  freezePanes: boolean;
  tabColor: boolean;
  pivotTables: boolean;
  suspendScreenUpdating: boolean;
  readingOrder: boolean;
  /** Worksheet.pageLayout: orientation, fit to pages, print titles (ExcelApi 1.9). */
  pageLayout: boolean;
  /** Rewrite our sheets in place on Refresh (ExcelApi 1.13: Table.resize; inPlace.ts). */
  inPlace: boolean;
}

/**
 * Detects optional features at run time.
 * @param host the Excel host
 */
export function detectFeatures(host: ExcelHost): Features {
  return {
    colorScales: supportsExcelApi(host, 6),
    suspendCalculation: supportsExcelApi(host, 6),
    freezePanes: supportsExcelApi(host, 7),
    tabColor: supportsExcelApi(host, 7),
    pivotTables: supportsExcelApi(host, 8),
    suspendScreenUpdating: supportsExcelApi(host, 9),
    readingOrder: supportsExcelApi(host, 9),
    pageLayout: supportsExcelApi(host, 9),
    inPlace: supportsExcelApi(host, 13),
  };
}

const CHART_TYPES: Record<ChartSpec['type'], string> = { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', pie: 'Pie' };

/** A table created on a temporary sheet, to be renamed at the swap. */
export interface MadeTable {
  planName: string;
  tempName: string;
  table: Excel.Table;
}

/** Names of the charts we make (`rfm_chart_1`, ...): Refresh removes only these (inPlace.ts). */
export const OUR_CHART_PREFIX = 'rfm_chart_';

/** The rectangle of a table block: header and at least one data row. */
export function tableRectOf(block: TableBlock) {
  return { row: block.row, column: block.column, rows: Math.max(2, block.rows.length + 1), columns: block.header.length };
}

/**
 * Queues the tables of a sheet with temporary names (the plan's names may still be used by the
 * output being replaced).
 */
export function queueTables(sheet: Excel.Worksheet, plan: SheetPlan, tempName: (planName: string) => string): MadeTable[] {
  const made: MadeTable[] = [];
  for (const block of plan.blocks) {
    if (block.kind !== 'table') continue;
    // A Range object, not an address: "If the address does not contain a sheet name, the currently-active
    // sheet is used" (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)),
    // and the sheet written here is not the active one.
    const table = sheet.tables.add(sheet.getRange(rectAddress(tableRectOf(block))), true);
    const name = tempName(block.name);
    table.name = name;
    table.style = block.style;
    made.push({ planName: block.name, tempName: name, table });
  }
  return made;
}

/** Queues fonts of cell blocks: title = bold 14 pt, heading = bold, label = bold first column. */
function queueTextStyles(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const block of plan.blocks) {
    if (block.kind !== 'cells' || !block.style || block.style === 'body') continue;
    const rows = blockRows(block).length;
    const width = blockWidth(block);
    if (rows === 0 || width === 0) continue;
    const columns = block.style === 'label' ? 1 : width;
    const font = sheet.getRange(rectAddress({ row: block.row, column: block.column, rows, columns })).format.font;
    font.bold = true;
    if (block.style === 'title') font.size = 14;
  }
}

/** Queues a colour scale: lowest, optional 50th percentile, highest. */
function queueColorScale(sheet: Excel.Worksheet, scale: SheetPlan['colorScales'][number]): void {
  const cf = sheet.getRange(rectAddress(scale.range)).conditionalFormats.add('ColorScale' as Excel.ConditionalFormatType);
  const criteria: Excel.ConditionalColorScaleCriteria = {
    minimum: { formula: null as unknown as string, type: 'LowestValue' as Excel.ConditionalFormatColorCriterionType, color: scale.minColor },
    maximum: { formula: null as unknown as string, type: 'HighestValue' as Excel.ConditionalFormatColorCriterionType, color: scale.maxColor },
  };
  if (scale.midColor) criteria.midpoint = { formula: '50', type: 'Percentile' as Excel.ConditionalFormatColorCriterionType, color: scale.midColor };
  cf.colorScale.criteria = criteria;
}

/** Queues a native chart from a range of the sheet. */
function queueChart(sheet: Excel.Worksheet, spec: ChartSpec, index: number): void {
  const chart = sheet.charts.add(CHART_TYPES[spec.type] as Excel.ChartType, sheet.getRange(rectAddress(spec.source)), 'Columns' as Excel.ChartSeriesBy);
  chart.name = `${OUR_CHART_PREFIX}${index + 1}`;
  chart.title.text = spec.title;
  const a = spec.anchor;
  chart.setPosition(rectAddress({ ...a, rows: 1, columns: 1 }), rectAddress({ row: a.row + a.rows - 1, column: a.column + a.columns - 1, rows: 1, columns: 1 }));
}

/**
 * Queues everything of a sheet except values, formats, tables and PivotTables (charts named in
 * `keptCharts` exist already: inPlace.ts).
 */
export function queueSheetDressing(sheet: Excel.Worksheet, plan: SheetPlan, features: Features, keptCharts: ReadonlySet<string> = new Set()): void {
  queueTextStyles(sheet, plan);
  plan.columnWidths.forEach((chars, column) => {
    if (chars > 0) sheet.getRange(rectAddress({ row: 0, column, rows: 1, columns: 1 })).format.columnWidth = widthPoints(chars);
  });
  queueWrapping(sheet, plan);
  if (features.pageLayout) queuePageLayout(sheet, plan);
  if (features.freezePanes) {
    if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
    if (plan.frozenColumns > 0) sheet.freezePanes.freezeColumns(plan.frozenColumns);
  }
  if (features.colorScales) plan.colorScales.forEach((s) => queueColorScale(sheet, s));
  plan.charts.forEach((c, i) => {
    if (!keptCharts.has(`${OUR_CHART_PREFIX}${i + 1}`)) queueChart(sheet, c, i);
  });
  if (features.tabColor && plan.tabColor) sheet.tabColor = plan.tabColor;
  if (features.readingOrder && plan.rightToLeft) {
    const rows = Math.max(1, ...plan.blocks.map((b) => b.row + blockRows(b).length));
    const columns = Math.max(1, plan.columnWidths.length, ...plan.blocks.map((b) => b.column + blockWidth(b)));
    sheet.getRange(rectAddress({ row: 0, column: 0, rows, columns })).format.readingOrder = 'RightToLeft' as Excel.ReadingOrder;
  }
}

const SUMMARIZE: Record<PivotSpec['dataFields'][number]['summarizeBy'], string> = { sum: 'Sum', count: 'Count', average: 'Average' };

/**
 * Queues a PivotTable from one of the tables just made (ExcelApi 1.8; the caller checks).
 * @returns the PivotTable, or undefined when its source table is not in this plan
 */
export function queuePivot(sheet: Excel.Worksheet, spec: PivotSpec, tables: readonly MadeTable[], name: string): Excel.PivotTable | undefined {
  const source = tables.find((t) => t.planName === spec.sourceTable);
  if (!source) return undefined;
  const pivot = sheet.pivotTables.add(name, source.table, sheet.getRange(rectAddress({ row: spec.row, column: spec.column, rows: 1, columns: 1 })));
  for (const f of spec.rowFields) pivot.rowHierarchies.add(pivot.hierarchies.getItem(f));
  for (const f of spec.columnFields) pivot.columnHierarchies.add(pivot.hierarchies.getItem(f));
  for (const d of spec.dataFields) pivot.dataHierarchies.add(pivot.hierarchies.getItem(d.field)).summarizeBy = SUMMARIZE[d.summarizeBy] as Excel.AggregationFunction;
  return pivot;
}
