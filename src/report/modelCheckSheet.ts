/**
 * The Model check sheet: the backtest scorecard (issue 10). The last churn horizon of the history
 * was held out and the model fitted on the rest; the sheet gives the verdict, how the churn
 * ranking did against days since the last purchase (AUC), the precision of "Churned", predicted
 * against actual non-buyers and purchases, and the calibration-vs-holdout chart (mean purchases in
 * the held-out period by purchases before it, as lifetimes' plot_calibration_purchases_vs_holdout_purchases).
 */
import { t, type Lang } from '../i18n';
import type { Analysis } from '../engine';
import type { BacktestReport } from '../engine';
import type { Block, CellBlock, SheetPlan } from './plan';
import { DECIMAL_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT, dateFormat, dayToSerial } from './formats';
import { formatForText } from './labels';
import { backtestVerdict } from './modelCheckVerdict';
import { backtestResult } from './predictions';
import { cells, emptySheet, rowAfter, table } from './sheet';
import { addChart } from './charts';

/** Name of the Model check sheet's chart table. */
export const MODEL_CHECK_TABLE = 'ModelCheckByFrequency';

/** AUCs are shown with three decimals. */
const AUC_FORMAT = '0.000';

/**
 * The sheet prints on one page: it is short (about 35 rows), and printed as many pages down its
 * chart, anchored beside the last table, was cut in two (UCI and the R sample, LibreOffice).
 */
export const MODEL_CHECK_PRINT_PAGES = 1;

/** Chart size in rows and columns, beside its table. */
const CHART_ROWS = 15;
const CHART_COLUMNS = 5;

function scorecardBlocks(b: BacktestReport, lang: Lang, row: number): CellBlock[] {
  const date = dateFormat(lang);
  const days = formatForText(b.horizonDays, lang);
  const window = cells(row, 0, [
    [t(lang, 'report.check.calibrationEnd'), dayToSerial(b.calibrationEnd)],
    [t(lang, 'report.check.holdoutTo'), dayToSerial(b.holdoutTo)],
    [t(lang, 'report.check.model'), t(lang, `predict.model.${b.model}`)],
    [t(lang, 'report.check.customers'), b.customers],
  ], 'label', [[null, date], [null, date], [null, null], [null, INTEGER_FORMAT]]);
  const ranking = cells(rowAfter(window), 0, [
    [t(lang, 'report.check.auc.heading'), t(lang, 'report.check.auc.value')],
    [t(lang, 'report.check.auc.pNoPurchase', { days }), b.auc.pNoPurchase],
    [t(lang, 'report.check.auc.recency'), b.auc.recency],
    [t(lang, 'report.check.auc.pAlive'), b.auc.pAlive],
  ], 'label', [null, AUC_FORMAT]);
  const outcomes = cells(rowAfter(ranking), 0, [
    [t(lang, 'report.check.figure'), t(lang, 'report.check.predicted'), t(lang, 'report.check.actual')],
    [t(lang, 'report.check.noPurchase', { days }), b.noPurchase.predicted, b.noPurchase.actual],
    [t(lang, 'report.check.purchases', { days }), b.purchases.predicted, b.purchases.actual],
    [t(lang, 'report.check.mae'), b.purchases.meanAbsoluteError, null],
    [t(lang, 'report.check.churnedCalled'), b.churned.called, null],
    [t(lang, 'report.check.precision'), null, b.churned.precision],
  ], 'label', [
    // Predicted counts as whole numbers with separators, like the actual beside them and the verdict
    // line ("it expected 1,868"): not 1867.86 next to 1,449.
    [null, null, null], [null, INTEGER_FORMAT, INTEGER_FORMAT], [null, INTEGER_FORMAT, INTEGER_FORMAT],
    [null, DECIMAL_FORMAT, null], [null, INTEGER_FORMAT, null], [null, null, PERCENT_FORMAT],
  ]);
  return [window, ranking, outcomes];
}

function chartBlocks(sheet: SheetPlan, b: BacktestReport, lang: Lang, row: number): Block[] {
  const days = formatForText(b.horizonDays, lang);
  const columns = [
    { header: t(lang, 'predict.label.calibrationFrequency'), format: '@' },
    { header: t(lang, 'report.check.chart.predicted', { days }), format: DECIMAL_FORMAT },
    { header: t(lang, 'report.check.chart.actual', { days }), format: DECIMAL_FORMAT },
    { header: t(lang, 'report.check.customers'), format: INTEGER_FORMAT },
  ];
  const data = table(MODEL_CHECK_TABLE, row, 0, columns, b.byFrequency.map((g) => [g.frequency, g.meanPredicted, g.meanActual, g.customers]));
  addChart(sheet, {
    type: 'columnClustered',
    title: t(lang, 'report.check.chart.title', { days }),
    source: { row: data.row, column: 0, rows: data.rows.length + 1, columns: 3 },
    anchor: { row: data.row, column: 5, rows: CHART_ROWS, columns: CHART_COLUMNS },
  });
  return [data];
}

/**
 * Builds the Model check sheet, or null when there is nothing to check (no purchase model, or the
 * backtest turned off). When the history is too short the sheet says why in place of the figures.
 * @param analysis the analysis
 * @param lang output language
 * @returns the sheet or null
 */
export function modelCheckSheet(analysis: Analysis, lang: Lang): SheetPlan | null {
  const b = backtestResult(analysis);
  if (!b) return null;
  const sheet = emptySheet('modelCheck', lang);
  sheet.maxPrintPages = MODEL_CHECK_PRINT_PAGES;
  sheet.blocks.push(cells(0, 0, [[t(lang, 'report.check.title')]], 'title'), cells(1, 0, [[backtestVerdict(b, lang)]], 'body'));
  if (b.status === 'ok') {
    sheet.blocks.push(cells(2, 0, [[t(lang, 'report.check.method', { days: formatForText(b.horizonDays, lang) })]], 'body'));
    const scorecard = scorecardBlocks(b, lang, 4);
    sheet.blocks.push(...scorecard, ...chartBlocks(sheet, b, lang, rowAfter(scorecard[scorecard.length - 1])));
  }
  return sheet;
}
