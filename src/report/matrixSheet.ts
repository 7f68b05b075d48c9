/**
 * The Matrix sheet (pivot-ready): the R × F grid of customer counts and of mean monetary as
 * heatmaps, the value matrix (frequency × monetary) and the loyalty matrix (length × recency) as
 * 2 × 2 grids of customers and revenue with their quadrant tables, a flat one-row-per-customer
 * table for PivotTables, charts of customers per quadrant, and a PivotSpec for hosts that support
 * PivotTables.
 */
import { t, type Lang } from '../i18n';
import type { Analysis, LoyaltyQuadrant, QuadrantSummary, ValueQuadrant } from '../engine';
import type { Block, PlanValue, SheetPlan, TableBlock } from './plan';
import {
  HEAT_HIGH, HEAT_LOW, INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, SCORE_FORMAT, SMALL_TABLE_STYLE, finiteOrNull,
} from './formats';
import { formatForText, loyaltyQuadrantLabel, valueQuadrantLabel } from './labels';
import { cells, colorScale, emptySheet, rowBelow, table } from './sheet';
import { flatTable, pivotSpec } from './matrixFlat';
import { addChart } from './charts';

/** Names of the Matrix sheet's quadrant tables. */
export const VALUE_TABLE = 'ValueQuadrants';
export const LOYALTY_TABLE = 'LoyaltyQuadrants';

/** An R × F grid block, R from the top score down, F from 1 across; with its heatmap. */
function gridBlocks(sheet: SheetPlan, lang: Lang, row: number, title: string, grid: (number | null)[][], format: string): Block[] {
  const bins = grid.length;
  const header: PlanValue[] = [t(lang, 'report.matrix.rfCorner')];
  for (let f = 1; f <= bins; f++) header.push(f);
  const body: PlanValue[][] = [];
  for (let r = bins; r >= 1; r--) body.push([r, ...grid[r - 1].map((v) => finiteOrNull(v))]);
  sheet.colorScales.push(colorScale({ row: row + 2, column: 1, rows: bins, columns: bins }, HEAT_LOW, HEAT_HIGH));
  const formats = [SCORE_FORMAT, ...Array<string>(bins).fill(format)];
  return [
    cells(row, 0, [[title]], 'heading'),
    cells(row + 1, 0, [header], 'heading', [SCORE_FORMAT, ...Array<string>(bins).fill(SCORE_FORMAT)]),
    cells(row + 2, 0, body, 'label', formats),
  ];
}

/** Looks up one quadrant's figures (0 when the quadrant is empty). */
function quadrantFigure<Q extends string>(list: QuadrantSummary<Q>[], quadrant: Q, field: 'customers' | 'revenue'): number {
  return list.find((q) => q.quadrant === quadrant)?.[field] ?? 0;
}

/**
 * A 2 × 2 grid with axis labels: layout[row][column] names the quadrant in each cell.
 */
function twoByTwo<Q extends string>(
  sheet: SheetPlan, row: number, column: number, title: string, columnLabels: [string, string], rowLabels: [string, string],
  layout: [[Q, Q], [Q, Q]], list: QuadrantSummary<Q>[], field: 'customers' | 'revenue',
): Block[] {
  const value = (q: Q) => quadrantFigure(list, q, field);
  const format = field === 'customers' ? INTEGER_FORMAT : MONEY_FORMAT;
  sheet.colorScales.push(colorScale({ row: row + 2, column: column + 1, rows: 2, columns: 2 }, HEAT_LOW, HEAT_HIGH));
  return [
    cells(row, column, [[title]], 'heading'),
    cells(row + 1, column, [['', ...columnLabels]], 'heading'),
    cells(row + 2, column, rowLabels.map((label, i) => [label, value(layout[i][0]), value(layout[i][1])]), 'label', [null, format, format]),
  ];
}

function quadrantTable<Q extends string>(name: string, lang: Lang, row: number, list: QuadrantSummary<Q>[], label: (q: Q) => string): Block {
  const keys = ['report.matrix.quadrant', 'report.seg.customers', 'report.seg.share', 'report.seg.revenue', 'report.seg.revenueShare'];
  const formats = [null, INTEGER_FORMAT, PERCENT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT];
  const columns = keys.map((k, i) => ({ header: t(lang, k), format: formats[i] }));
  const rows = list.map((q) => [label(q.quadrant), q.customers, q.share, q.revenue, q.revenueShare]);
  return table(name, row, 0, columns, rows, SMALL_TABLE_STYLE);
}

function valueBlocks(sheet: SheetPlan, analysis: Analysis, lang: Lang, row: number): Block[] {
  const columns: [string, string] = [t(lang, 'report.matrix.lowF'), t(lang, 'report.matrix.highF')];
  const rows: [string, string] = [t(lang, 'report.matrix.highM'), t(lang, 'report.matrix.lowM')];
  const layout: [[ValueQuadrant, ValueQuadrant], [ValueQuadrant, ValueQuadrant]] = [['High-spending', 'Best'], ['Uncertain', 'Frequent']];
  const list = analysis.valueQuadrants;
  const blocks = [
    ...twoByTwo(sheet, row, 0, t(lang, 'report.matrix.valueCustomers'), columns, rows, layout, list, 'customers'),
    ...twoByTwo(sheet, row, 4, t(lang, 'report.matrix.valueRevenue'), columns, rows, layout, list, 'revenue'),
  ];
  if (list.length > 0) blocks.push(quadrantTable(VALUE_TABLE, lang, row + 5, list, (q) => valueQuadrantLabel(q, lang)));
  return blocks;
}

function loyaltyBlocks(sheet: SheetPlan, analysis: Analysis, lang: Lang, row: number): Block[] {
  const list = analysis.loyaltyQuadrants;
  if (list.length === 0) return [];
  const columns: [string, string] = [t(lang, 'report.matrix.shortL'), t(lang, 'report.matrix.longL')];
  const rows: [string, string] = [t(lang, 'report.matrix.recent'), t(lang, 'report.matrix.notRecent')];
  const layout: [[LoyaltyQuadrant, LoyaltyQuadrant], [LoyaltyQuadrant, LoyaltyQuadrant]] = [['New', 'Loyal'], ['Uncertain', 'Potential']];
  return [
    ...twoByTwo(sheet, row, 0, t(lang, 'report.matrix.loyaltyCustomers'), columns, rows, layout, list, 'customers'),
    ...twoByTwo(sheet, row, 4, t(lang, 'report.matrix.loyaltyRevenue'), columns, rows, layout, list, 'revenue'),
    quadrantTable(LOYALTY_TABLE, lang, row + 5, list, (q) => loyaltyQuadrantLabel(q, lang)),
  ];
}

function splitsNote(analysis: Analysis, lang: Lang): string {
  const { splits, settings } = analysis;
  const number = (v: number | null) => (v === null ? '—' : formatForText(v, lang, 'decimal'));
  return t(lang, 'report.matrix.splits', {
    split: t(lang, `report.split.${settings.split}`), frequency: number(splits.frequency), monetary: number(splits.monetary),
    length: number(splits.lengthDays), recency: number(splits.recencyDays),
  });
}

/** Height of the quadrant charts, in rows. */
const QUADRANT_CHART_ROWS = 15;

/**
 * Column charts of customers per quadrant (the quadrant tables' first two columns), side by side
 * under the matrices, left of the flat table.
 * @returns the first free row below the charts (row itself when there are none)
 */
function quadrantCharts(sheet: SheetPlan, lang: Lang, row: number, leftColumns: number): number {
  const tables = [[VALUE_TABLE, 'report.chart.valueQuadrants'], [LOYALTY_TABLE, 'report.chart.loyaltyQuadrants']] as const;
  const width = Math.floor(leftColumns / 2);
  let placed = 0;
  for (const [name, title] of tables) {
    const data = sheet.blocks.find((b): b is TableBlock => b.kind === 'table' && b.name === name);
    if (!data) continue;
    addChart(sheet, {
      type: 'columnClustered',
      title: t(lang, title),
      source: { row: data.row, column: data.column, rows: data.rows.length + 1, columns: 2 },
      anchor: { row, column: placed * width, rows: QUADRANT_CHART_ROWS, columns: placed === 0 ? width : leftColumns - width },
    });
    placed++;
  }
  return placed > 0 ? row + QUADRANT_CHART_ROWS + 1 : row;
}

/**
 * Builds the Matrix sheet.
 * @param analysis the analysis
 * @param lang output language
 */
export function matrixSheet(analysis: Analysis, lang: Lang): SheetPlan {
  const sheet = emptySheet('matrix', lang);
  const blocks = sheet.blocks;
  const { grid } = analysis;
  blocks.push(cells(0, 0, [[t(lang, 'report.matrix.title')]], 'title'));
  blocks.push(cells(1, 0, [[splitsNote(analysis, lang)]], 'body'));
  blocks.push(...gridBlocks(sheet, lang, 3, t(lang, 'report.matrix.rfCount'), grid.count, INTEGER_FORMAT));
  blocks.push(...gridBlocks(sheet, lang, rowBelow(blocks), t(lang, 'report.matrix.rfMonetary'), grid.meanMonetary, MONEY_FORMAT));
  blocks.push(...valueBlocks(sheet, analysis, lang, rowBelow(blocks)));
  blocks.push(...loyaltyBlocks(sheet, analysis, lang, rowBelow(blocks)));
  const leftColumns = Math.max(grid.bins + 1, 7);
  const chartsRow = rowBelow(blocks);
  const chartsEnd = quadrantCharts(sheet, lang, chartsRow, leftColumns);
  const flat = flatTable(analysis, lang, 3, leftColumns + 1);
  blocks.push(cells(2, leftColumns + 1, [[t(lang, 'report.matrix.flatTable')]], 'heading'), flat);
  const noteRow = Math.max(chartsEnd, rowBelow(blocks.filter((b) => b !== flat)));
  blocks.push(cells(noteRow, 0, [[t(lang, 'report.matrix.pivotNote', { table: flat.name })]], 'body'));
  sheet.pivots.push(pivotSpec(flat, noteRow + 1, 0));
  return sheet;
}
