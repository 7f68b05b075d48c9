/**
 * The Cohorts sheet (issue 14), when the analysis counted cohorts: customers grouped by the month
 * of their first purchase (Jalali months in Persian output), as a heatmap of the share of each
 * cohort with a purchase k months later, the same grid as counts, and the share of all cohorts
 * together by month k, with a native chart beside it.
 */
import { localDigits, t, type Lang } from '../i18n';
import type { Analysis } from '../engine';
import type { CohortRow } from '../engine';
import type { Block, PlanValue, SheetPlan } from './plan';
import { HEAT_HIGH, HEAT_LOW, INTEGER_FORMAT, PERCENT_FORMAT, SCORE_FORMAT } from './formats';
import { cells, colorScale, emptySheet, rowBelow, table } from './sheet';
import { addChart } from './charts';

/** Name of the table of all cohorts' share active by month. */
export const RETENTION_TABLE = 'CohortRetention';

/** Chart height in rows. */
const CHART_ROWS = 15;

/**
 * The cohorts of the output language: Jalali months in Persian, Gregorian in English.
 * @param analysis the analysis
 * @param lang output language
 * @returns the cohort rows, or undefined when the analysis did not count cohorts
 */
export function cohortsFor(analysis: Analysis, lang: Lang): CohortRow[] | undefined {
  return lang === 'fa' ? analysis.cohortsJalali ?? analysis.cohorts : analysis.cohorts;
}

/** A cohort's month as shown: `2006-07` in English, `۱۳۸۵/۰۴` in Persian. */
function cohortLabel(cohort: string, lang: Lang): string {
  return lang === 'fa' ? localDigits(lang, cohort.replace('-', '/')) : cohort;
}

/**
 * Share of all cohorts active k months after their first purchase, for k = 1 … the longest
 * cohort: over the cohorts old enough to have a month k, their customers active in it ÷ their size.
 * @param rows the cohorts
 * @returns [k, share] pairs
 */
export function retentionByMonth(rows: readonly CohortRow[]): [number, number][] {
  const months = rows.reduce((max, r) => Math.max(max, r.active.length), 0);
  const out: [number, number][] = [];
  for (let k = 1; k < months; k++) {
    let active = 0;
    let size = 0;
    for (const r of rows) if (r.active.length > k) { active += r.active[k]; size += r.customers; }
    if (size > 0) out.push([k, active / size]);
  }
  return out;
}

/** A cohort grid (shares or counts) with its heatmap: header of months k, one row per cohort. */
function gridBlocks(sheet: SheetPlan, rows: readonly CohortRow[], lang: Lang, row: number, field: 'shares' | 'counts'): Block[] {
  const months = rows.reduce((max, r) => Math.max(max, r.active.length), 0);
  const header: PlanValue[] = [t(lang, 'report.cohorts.cohort'), t(lang, 'report.cohorts.customers')];
  for (let k = 0; k < months; k++) header.push(k);
  const body: PlanValue[][] = rows.map((r) => {
    const values: PlanValue[] = [];
    for (let k = 0; k < months; k++) values.push(k < r.active.length ? (field === 'shares' ? r.active[k] / r.customers : r.active[k]) : null);
    return [cohortLabel(r.cohort, lang), r.customers, ...values];
  });
  const format = field === 'shares' ? PERCENT_FORMAT : INTEGER_FORMAT;
  // Month 0 is every cohort's whole size (100 %): the scale starts at month 1 so it shows the differences.
  if (months > 1) sheet.colorScales.push(colorScale({ row: row + 3, column: 3, rows: body.length, columns: months - 1 }, HEAT_LOW, HEAT_HIGH));
  return [
    cells(row, 0, [[t(lang, `report.cohorts.${field}`)]], 'heading'),
    cells(row + 1, 2, [[t(lang, 'report.cohorts.month')]], 'body'),
    cells(row + 2, 0, [header], 'heading', [null, null, ...header.slice(2).map(() => SCORE_FORMAT)]),
    cells(row + 3, 0, body, 'label', [null, INTEGER_FORMAT, ...header.slice(2).map(() => format)]),
  ];
}

/**
 * Builds the Cohorts sheet, or null when the analysis did not count cohorts (or found none).
 * O(cohorts × months).
 * @param analysis the analysis (its `cohorts`, `cohortsJalali`)
 * @param lang output language
 */
export function cohortsSheet(analysis: Analysis, lang: Lang): SheetPlan | null {
  const rows = cohortsFor(analysis, lang);
  if (!rows) return null;
  const sheet = emptySheet('cohorts', lang);
  const blocks = sheet.blocks;
  blocks.push(cells(0, 0, [[t(lang, 'report.cohorts.title')]], 'title'));
  const calendar = t(lang, `report.cohorts.calendar.${lang === 'fa' && analysis.cohortsJalali ? 'jalali' : 'gregorian'}`);
  blocks.push(cells(1, 0, [[t(lang, 'report.cohorts.note', { calendar })]], 'body'));
  if (rows.length === 0) {
    blocks.push(cells(3, 0, [[t(lang, 'report.cohorts.none')]], 'body'));
    return sheet;
  }
  blocks.push(...gridBlocks(sheet, rows, lang, 3, 'shares'));
  blocks.push(...gridBlocks(sheet, rows, lang, rowBelow(blocks), 'counts'));
  const retention = retentionByMonth(rows);
  if (retention.length > 0) {
    const row = rowBelow(blocks);
    const columns = [{ header: t(lang, 'report.cohorts.month'), format: SCORE_FORMAT }, { header: t(lang, 'report.cohorts.share'), format: PERCENT_FORMAT }];
    blocks.push(cells(row, 0, [[t(lang, 'report.cohorts.retention')]], 'heading'));
    const data = table(RETENTION_TABLE, row + 1, 0, columns, retention);
    blocks.push(data);
    addChart(sheet, {
      type: 'columnClustered',
      title: t(lang, 'report.chart.cohorts'),
      source: { row: data.row, column: 0, rows: data.rows.length + 1, columns: 2 },
      anchor: { row: data.row, column: 3, rows: CHART_ROWS, columns: 8 },
    });
  }
  sheet.frozenColumns = 1;
  return sheet;
}
