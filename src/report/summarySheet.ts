/**
 * The Summary sheet: headline figures, notes on how the input was read, the three answers, the most loyal and profitable
 * customers, the segment table with recommended actions and its two charts, skipped rows and the
 * purchase model's parameters.
 */
import { t, type Lang } from '../i18n';
import type { Analysis } from '../engine';
import type { Block, PlanValue, SheetPlan } from './plan';
import type { CustomerFigures } from '../engine';
import {
  DECIMAL_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, PROBABILITY_FORMAT, SMALL_TABLE_STYLE, dateFormat, dayToSerial,
} from './formats';
import { TOP_CUSTOMERS, hasLoyaltyQuadrants, loyalProfitableCustomers, threeAnswers } from './answers';
import { churnLabel, segmentLookup, type SegmentLookup } from './labels';
import { clvReport } from './predictions';
import { cells, emptySheet, rowAfter, rowBelow, table, type ColumnSpec } from './sheet';
import { modelBlocks, notesBlocks, skippedBlocks } from './summaryExtras';
import { addChart } from './charts';

/** Names of the Summary's tables. */
export const SEGMENTS_TABLE = 'SegmentSummary';
export const TOP_CUSTOMERS_TABLE = 'TopCustomers';
export const AT_RISK_TABLE = 'AtRiskCustomers';

/** The Summary prints on at most this many pages. */
export const SUMMARY_MAX_PAGES = 2;

/** Where the two segment charts sit: beside the chart-data block, under the segment table. */
const CHART_COLUMN = 3;
const CHART_COLUMNS = 3;
const CHART_MIN_ROWS = 14;

function headlineBlock(analysis: Analysis, lang: Lang, row: number): Block {
  const { totals, settings } = analysis;
  const date = dateFormat(lang);
  const pairs: [string, PlanValue, string | null][] = [
    ['customers', totals.customers, INTEGER_FORMAT],
    ['orders', totals.orders, INTEGER_FORMAT],
    ['revenue', totals.revenue, MONEY_FORMAT],
    ['revenuePerCustomer', totals.customers > 0 ? totals.revenue / totals.customers : null, MONEY_FORMAT],
    ['transactionsUsed', totals.transactionsUsed, INTEGER_FORMAT],
    ['rowsSkipped', analysis.skipped.total, INTEGER_FORMAT],
    ['firstDay', dayToSerial(totals.firstDay), date],
    ['lastDay', dayToSerial(totals.lastDay), date],
    ['analysisDate', dayToSerial(settings.analysisDate) ?? t(lang, 'report.summary.notGiven'), date],
    ['scoring', t(lang, 'report.summary.scoringValue', {
      method: t(lang, `report.scoring.${settings.scoring}`), bins: settings.bins, split: t(lang, `report.split.${settings.split}`),
    }), null],
  ];
  return cells(row, 0, pairs.map(([key, value]) => [t(lang, `report.summary.${key}`), value]), 'label',
    pairs.map(([, , format]) => [null, format]));
}

function answersBlocks(analysis: Analysis, lang: Lang, row: number): Block[] {
  const header = ['question', 'answerCustomers', 'answerShare', 'answerRevenueShare', 'answer'].map((k) => t(lang, `report.summary.${k}`));
  const rows: PlanValue[][] = threeAnswers(analysis, lang).map((a) => [a.question, a.customers, a.share, a.revenueShare, a.text]);
  // the two vocabularies (segment "At Risk"/"Lost" against churn status "At risk"/"Churned"), said once
  if (clvReport(analysis)) rows.push([t(lang, 'report.summary.vocabulary'), null, null, null, t(lang, 'report.summary.vocabularyText')]);
  return [
    cells(row, 0, [[t(lang, 'report.summary.answers')]], 'heading'),
    cells(row + 1, 0, [header], 'heading'),
    cells(row + 2, 0, rows, 'label', [null, INTEGER_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, null]),
  ];
}

/** Columns of the customer lists built from the model's figures. */
function figureColumns(lang: Lang) {
  const keys: [string, string | null][] = [
    ['customer', '@'], ['segment', null], ['p_alive', PROBABILITY_FORMAT], ['expected_purchases_90d', DECIMAL_FORMAT],
    ['clv', MONEY_FORMAT], ['revenue', MONEY_FORMAT], ['frequency', INTEGER_FORMAT], ['churn_status', null],
  ];
  return keys.map(([key, format]) => ({ header: t(lang, `report.col.${key}`), format }));
}

function figureRows(list: CustomerFigures[], lang: Lang, segments: SegmentLookup): PlanValue[][] {
  return list.slice(0, TOP_CUSTOMERS).map((c) => [
    String(c.id), segments(c.segment).label, c.pAlive, c.expectedPurchases90d, c.clv, c.revenue, c.frequency, churnLabel(c.churnStatus, lang),
  ]);
}

/** A heading and a table, or the heading and "None." when the list is empty. */
function listBlocks(name: string, heading: string, row: number, lang: Lang, columns: ColumnSpec[], rows: PlanValue[][]): Block[] {
  const title = cells(row, 0, [[heading]], 'heading');
  if (rows.length === 0) return [title, cells(row + 1, 0, [[t(lang, 'report.summary.none')]])];
  return [title, table(name, row + 1, 0, columns, rows, SMALL_TABLE_STYLE)];
}

function topCustomersBlocks(analysis: Analysis, lang: Lang, row: number): Block[] {
  const segments = segmentLookup(analysis.settings.segmentRules, lang);
  const clv = clvReport(analysis);
  if (clv) {
    const top = listBlocks(TOP_CUSTOMERS_TABLE, t(lang, 'report.summary.topCustomers', { top: TOP_CUSTOMERS }), row, lang,
      figureColumns(lang), figureRows(clv.topCustomers, lang, segments));
    return [...top, ...listBlocks(AT_RISK_TABLE, t(lang, 'report.summary.atRiskCustomers', { top: TOP_CUSTOMERS }), rowBelow(top), lang,
      figureColumns(lang), figureRows(clv.churn.atRiskCustomers, lang, segments))];
  }
  const columns = [['customer', '@'], ['segment', null], ['recency_days', INTEGER_FORMAT], ['frequency', INTEGER_FORMAT], ['revenue', MONEY_FORMAT]]
    .map(([key, format]) => ({ header: t(lang, `report.col.${key}`), format }));
  const rows = loyalProfitableCustomers(analysis).slice(0, TOP_CUSTOMERS)
    .map((c) => [String(c.id), segments(c.segment).label, c.recencyDays, c.frequency, c.revenue]);
  const heading = t(lang, hasLoyaltyQuadrants(analysis) ? 'report.summary.topLoyal' : 'report.summary.topValue', { top: TOP_CUSTOMERS });
  return listBlocks(TOP_CUSTOMERS_TABLE, heading, row, lang, columns, rows);
}

function segmentBlocks(analysis: Analysis, lang: Lang, row: number, sheet: SheetPlan): Block[] {
  const heading = cells(row, 0, [[t(lang, 'report.summary.segments')]], 'heading');
  if (analysis.segments.length === 0) return [heading, cells(row + 1, 0, [[t(lang, 'report.summary.none')]])];
  const segments = segmentLookup(analysis.settings.segmentRules, lang);
  const keys = ['segment', 'customers', 'share', 'revenue', 'revenueShare', 'meanRecency', 'meanFrequency', 'meanMonetary', 'action'];
  const formats = [null, INTEGER_FORMAT, PERCENT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, DECIMAL_FORMAT, DECIMAL_FORMAT, MONEY_FORMAT, null];
  const columns = keys.map((k, i) => ({ header: t(lang, `report.seg.${k}`), format: formats[i] }));
  const rows = analysis.segments.map((s) => {
    const text = segments(s.segment);
    return [text.label, s.customers, s.share, s.revenue, s.revenueShare, s.meanRecencyDays, s.meanFrequency, s.meanMonetary, text.action];
  });
  const segmentTable = table(SEGMENTS_TABLE, row + 1, 0, columns, rows);
  const count = rows.length;
  // Chart 1 reads the table's first two columns; chart 2 reads a small segment | revenue block.
  // Both sit beside that block, under the table, so the Summary stays as wide as its table.
  const dataRow = rowAfter(segmentTable);
  const revenueData = cells(dataRow + 1, 0, [[columns[0].header, columns[3].header], ...rows.map((r) => [r[0], r[3]])], 'body', [null, MONEY_FORMAT]);
  const chartHeight = Math.max(CHART_MIN_ROWS, count + 4);
  const blocks: Block[] = [heading, segmentTable, cells(dataRow, 0, [[t(lang, 'report.chart.revenueData')]], 'heading'), revenueData];
  addChart(sheet, {
    type: 'columnClustered', title: t(lang, 'report.chart.customersPerSegment'),
    source: { row: row + 1, column: 0, rows: count + 1, columns: 2 },
    anchor: { row: dataRow, column: CHART_COLUMN, rows: chartHeight, columns: CHART_COLUMNS },
  });
  addChart(sheet, {
    type: 'columnClustered', title: t(lang, 'report.chart.revenuePerSegment'),
    source: { row: dataRow + 1, column: 0, rows: count + 1, columns: 2 },
    anchor: { row: dataRow, column: CHART_COLUMN + CHART_COLUMNS, rows: chartHeight, columns: CHART_COLUMNS },
  });
  return blocks;
}

/**
 * Builds the Summary sheet.
 * @param analysis the analysis
 * @param lang output language
 */
export function summarySheet(analysis: Analysis, lang: Lang): SheetPlan {
  const sheet = emptySheet('summary', lang);
  const blocks = sheet.blocks;
  blocks.push(cells(0, 0, [[t(lang, 'report.summary.title')]], 'title'));
  blocks.push(cells(2, 0, [[t(lang, 'report.summary.headline')]], 'heading'));
  blocks.push(headlineBlock(analysis, lang, 3));
  blocks.push(...notesBlocks(analysis, lang, rowBelow(blocks)));
  blocks.push(...answersBlocks(analysis, lang, rowBelow(blocks)));
  blocks.push(...topCustomersBlocks(analysis, lang, rowBelow(blocks)));
  const segmentsRow = rowBelow(blocks);
  const segmentPart = segmentBlocks(analysis, lang, segmentsRow, sheet);
  blocks.push(...segmentPart);
  const chartsEnd = sheet.charts.reduce((max, c) => Math.max(max, c.anchor.row + c.anchor.rows + 1), 0);
  let row = Math.max(rowBelow(blocks), chartsEnd);
  const skipped = skippedBlocks(analysis, lang, row);
  blocks.push(...skipped);
  row = rowBelow(blocks);
  const clv = clvReport(analysis);
  if (clv) blocks.push(...modelBlocks(clv, lang, row));
  sheet.maxPrintPages = SUMMARY_MAX_PAGES;
  return sheet;
}
