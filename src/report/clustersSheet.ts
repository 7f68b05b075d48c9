/**
 * The Clusters sheet: cluster profiles (size, revenue, shares, mean L/R/F/M, a name from the
 * profile) and the silhouette per k when clustering ran; the CLV model's holdout check (mean
 * predicted against actual repeat purchases by past frequency, with a chart) when there is one.
 */
import { localDigits, t, type Lang } from '../i18n';
import type { Analysis } from '../engine';
import type { ClusterReport } from '../engine';
import type { HoldoutReport } from '../engine';
import type { Block, SheetPlan, TableBlock } from './plan';
import { DECIMAL_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, SCORE_FORMAT, dateFormat, dayToSerial } from './formats';
import { formatForText } from './labels';
import { reasonIn } from './modelNotes';
import { clusterReport, clvReport, holdoutReport } from './predictions';
import { cells, emptySheet, rowAfter, rowBelow, table } from './sheet';
import { addChart } from './charts';

/** Names of the Clusters sheet's tables. */
export const CLUSTERS_TABLE = 'ClusterProfiles';
export const HOLDOUT_TABLE = 'ClvHoldout';
export const TRACKING_TABLE = 'ClvTracking';

function profileBlocks(report: ClusterReport, lang: Lang, row: number): Block[] {
  const keys = ['cluster', 'name', 'size', 'share', 'revenue', 'revenueShare', 'meanL', 'meanR', 'meanF', 'meanM'];
  const formats = [SCORE_FORMAT, null, INTEGER_FORMAT, PERCENT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, DECIMAL_FORMAT, DECIMAL_FORMAT, DECIMAL_FORMAT, MONEY_FORMAT];
  const columns = keys.map((k, i) => ({ header: t(lang, `report.clusters.${k}`), format: formats[i] }));
  const rows = report.profiles.map((p) => [
    p.cluster, lang === 'fa' ? p.nameFa || p.name : p.name, p.size, p.share, p.revenue, p.revenueShare,
    p.meanLengthDays, p.meanRecencyDays, p.meanFrequency, p.meanMonetary,
  ]);
  const method = t(lang, 'report.clusters.method', {
    features: report.features.join(', '), k: formatForText(report.k, lang), chosen: t(lang, `report.clusters.chosen.${report.kChosenBy}`),
    silhouette: report.silhouette === null ? '—' : formatForText(report.silhouette, lang, 'decimal'),
    seed: report.seed, restarts: formatForText(report.restarts, lang),
  });
  const profiles = table(CLUSTERS_TABLE, row + 2, 0, columns, rows);
  const blocks: Block[] = [cells(row, 0, [[t(lang, 'report.clusters.profiles')]], 'heading'), cells(row + 1, 0, [[method]], 'body'), profiles];
  if (report.silhouetteByK.length > 0) {
    const byK = report.silhouetteByK.map((s) => [s.k, s.silhouette]);
    blocks.push(cells(rowAfter(profiles), 0, [[t(lang, 'report.clusters.k'), t(lang, 'report.clusters.silhouette')], ...byK], 'label', [SCORE_FORMAT, DECIMAL_FORMAT]));
  }
  return blocks;
}

function holdoutBlocks(sheet: SheetPlan, holdout: HoldoutReport, timeUnit: string, lang: Lang, row: number): Block[] {
  const unit = t(lang, `predict.unit.${timeUnit}`);
  const duration = formatForText(holdout.durationUnits, lang, 'decimal');
  const columns = [
    { header: t(lang, 'predict.label.calibrationFrequency'), format: '@' },
    { header: t(lang, 'predict.label.holdoutPredicted', { duration, unit }), format: DECIMAL_FORMAT },
    { header: t(lang, 'predict.label.holdoutActual', { duration, unit }), format: DECIMAL_FORMAT },
    { header: t(lang, 'report.holdout.customers'), format: INTEGER_FORMAT },
  ];
  const rows = holdout.byFrequency.map((g) => [localDigits(lang, g.frequency), g.meanPredicted, g.meanActual, g.customers]);
  const date = dateFormat(lang);
  const facts = cells(row + 1, 0, [
    [t(lang, 'report.holdout.from'), dayToSerial(holdout.holdoutFrom)],
    [t(lang, 'report.holdout.to'), dayToSerial(holdout.holdoutTo)],
    [t(lang, 'report.holdout.totalPredicted'), holdout.totals.predicted],
    [t(lang, 'report.holdout.totalActual'), holdout.totals.actual],
  ], 'label', [[null, date], [null, date], [null, DECIMAL_FORMAT], [null, DECIMAL_FORMAT]]);
  const blocks: Block[] = [cells(row, 0, [[t(lang, 'report.holdout.title')]], 'heading'), facts];
  let next = rowAfter(facts);
  if (rows.length > 0) next = tableWithChart(sheet, blocks, table(HOLDOUT_TABLE, next, 0, columns, rows), t(lang, 'report.chart.holdout'));
  const tracking = holdout.tracking ?? [];
  if (tracking.length > 0) {
    const trackingColumns = [
      { header: t(lang, 'report.tracking.date'), format: date },
      { header: t(lang, 'report.tracking.predicted'), format: DECIMAL_FORMAT },
      { header: t(lang, 'report.tracking.actual'), format: DECIMAL_FORMAT },
    ];
    const trackingRows = tracking.map((p) => [dayToSerial(holdout.holdoutFrom + p.day), p.predicted, p.actual]);
    tableWithChart(sheet, blocks, table(TRACKING_TABLE, next, 0, trackingColumns, trackingRows), t(lang, 'report.chart.tracking'));
  }
  return blocks;
}

/** Chart height in rows, beside its table. */
const CHART_ROWS = 15;

/**
 * Adds a table and a column chart of its first three columns beside it.
 * @returns the first free row below both
 */
function tableWithChart(sheet: SheetPlan, blocks: Block[], data: TableBlock, title: string): number {
  blocks.push(data);
  addChart(sheet, {
    type: 'columnClustered',
    title,
    source: { row: data.row, column: 0, rows: data.rows.length + 1, columns: 3 },
    anchor: { row: data.row, column: 5, rows: CHART_ROWS, columns: 5 },
  });
  return Math.max(rowAfter(data), data.row + CHART_ROWS + 1);
}

/**
 * Builds the Clusters sheet, or null when the analysis has neither clusters nor a holdout check.
 * @param analysis the analysis
 * @param lang output language
 */
export function clustersSheet(analysis: Analysis, lang: Lang): SheetPlan | null {
  const report = clusterReport(analysis);
  const holdout = holdoutReport(analysis);
  if (!report && !holdout) return null;
  const sheet = emptySheet('clusters', lang);
  const blocks = sheet.blocks;
  blocks.push(cells(0, 0, [[t(lang, 'report.clusters.title')]], 'title'));
  if (report) blocks.push(...profileBlocks(report, lang, 2));
  else {
    const reason = analysis.clusters?.status === 'skipped' ? reasonIn(analysis.clusters, lang) : '—';
    blocks.push(cells(2, 0, [[t(lang, 'report.clusters.none', { reason })]], 'body'));
  }
  const row = rowBelow(blocks);
  if (holdout) blocks.push(...holdoutBlocks(sheet, holdout, clvReport(analysis)?.timeUnit ?? 'weeks', lang, row));
  return sheet;
}
