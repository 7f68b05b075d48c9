/**
 * Native charts of the plan. Both writers draw them: the Office.js writer with `worksheet.charts`,
 * the CLI's ExcelJS writer as DrawingML chart parts (cli/xlsxCharts.ts).
 */
import type { ChartSpec, SheetPlan } from './plan';

/**
 * Adds a chart to a sheet.
 * @param sheet the sheet that gets the chart
 * @param spec the chart: its data range and where it sits
 */
export function addChart(sheet: SheetPlan, spec: ChartSpec): void {
  sheet.charts.push(spec);
}
