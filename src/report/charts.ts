/**
 * Chart specs with a note underneath. The Office.js writer draws the native chart over the note;
 * writers that cannot make charts (ExcelJS, the CLI) leave the note visible, so a reader of the
 * file learns what is missing and how to add it.
 */
import { t, type Lang } from '../i18n';
import type { CellBlock, ChartSpec, SheetPlan } from './plan';
import { cells } from './sheet';

/**
 * Adds a chart to a sheet and returns the note cell to place at its anchor.
 * @param sheet the sheet that gets the chart
 * @param lang output language
 * @param spec the chart
 * @returns a one-cell block at the chart's top-left corner
 */
export function chartWithPlaceholder(sheet: SheetPlan, lang: Lang, spec: ChartSpec): CellBlock {
  sheet.charts.push(spec);
  return cells(spec.anchor.row, spec.anchor.column, [[t(lang, 'report.chart.placeholder', { title: spec.title })]], 'body');
}
