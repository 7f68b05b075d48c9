/**
 * The Migration and Cohorts sheets (issue 14) of a hand-built analysis (fixtures.ts): every expected
 * cell is worked out here from the fixture's figures.
 */
import { STRINGS } from '../../src/i18n';
import { buildWorkbookPlan } from '../../src/report/build';
import { MOVED_DOWN_TABLE } from '../../src/report/migrationSheet';
import { RETENTION_TABLE } from '../../src/report/cohortsSheet';
import type { CellBlock } from '../../src/report/plan';
import { analysisOverTime, smallAnalysis } from './fixtures';
import { blockStartingWith, overlaps, sheetOf, tableOf } from './planHelpers';

const en = STRINGS.en;
const fa = STRINGS.fa;

test('the sheets come after the model sheets and before the rules, only when asked for', () => {
  expect(buildWorkbookPlan(analysisOverTime(), { lang: 'en' }).sheets.map((s) => s.key))
    .toEqual(['summary', 'customers', 'matrix', 'clusters', 'migration', 'cohorts', 'rules']);
  expect(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }).sheets.map((s) => s.key)).not.toContain('migration');
  for (const lang of ['en', 'fa'] as const) {
    const plan = buildWorkbookPlan(analysisOverTime(), { lang });
    expect(overlaps(sheetOf(plan, 'migration'))).toEqual([]);
    expect(overlaps(sheetOf(plan, 'cohorts'))).toEqual([]);
  }
});

describe('Migration sheet', () => {
  test('en: headline from the largest move down, matrices with display names, moved-down table', () => {
    const sheet = sheetOf(buildWorkbookPlan(analysisOverTime(), { lang: 'en' }), 'migration');
    expect(sheet.name).toBe('Migration');
    // Champions → At Risk: 2 customers ('+1', '@SUM(A1)'); Potential Loyalist → Lost: 1.
    expect(blockStartingWith(sheet, '2 Champions slipped to At Risk')).toBeDefined();
    const facts = blockStartingWith(sheet, en['report.migration.compareTo']) as CellBlock;
    // 2006-12-31 − 183 days = 2006-07-01 = serial 39082 − 183 = 38899; the analysis date is 2007-01-01.
    expect(facts.values).toEqual([
      [en['report.migration.compareTo'], 38899], [en['report.summary.analysisDate'], 39083],
      [en['report.migration.newCustomers'], 1], [en['report.migration.movedDownCount'], 3],
    ]);
    const header = blockStartingWith(sheet, en['report.migration.corner']) as CellBlock;
    expect(header.values[0].slice(0, 3)).toEqual([en['report.migration.corner'], 'Champions', 'Potential Loyalist']);
    expect(header.values[0]).toHaveLength(12);
    const bodies = sheet.blocks.filter((b): b is CellBlock => b.kind === 'cells' && b.row === header.row + 1);
    expect(bodies).toHaveLength(1);
    const body = bodies[0].values;
    const atRisk = header.values[0].indexOf('At Risk');
    expect(body[0][0]).toBe('Champions');
    expect(body[0][atRisk]).toBe(2);
    expect(body[11][0]).toBe('New');
    expect(body[11].slice(1)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(body.flatMap((r) => r.slice(1)).reduce((s: number, v) => s + Number(v), 0)).toBe(4);
    expect(tableOf(buildWorkbookPlan(analysisOverTime(), { lang: 'en' }), MOVED_DOWN_TABLE).rows).toEqual([
      ['+1', 'Champions', 'At Risk', 300, 500],
      ['=HYPERLINK("http://x","y")', 'Potential Loyalist', 'Lost', 20.5, null],
      ['@SUM(A1)', 'Champions', 'At Risk', 20, 800],
    ]);
    // heatmaps over the 12 × 11 inner cells of both matrices
    expect(sheet.colorScales.map((c) => [c.range.rows, c.range.columns])).toEqual([[12, 11], [12, 11]]);
  });

  test('fa: Persian names and the Persian headline', () => {
    const plan = buildWorkbookPlan(analysisOverTime(), { lang: 'fa' });
    const sheet = sheetOf(plan, 'migration');
    expect(sheet.name).toBe(fa['report.sheet.migration']);
    expect(sheet.rightToLeft).toBe(true);
    const headline = `۲ مشتری از «${fa['segment.champions']}» به «${fa['segment.atRisk']}» افت کردند`;
    expect(blockStartingWith(sheet, headline)).toBeDefined();
    expect(tableOf(plan, MOVED_DOWN_TABLE).rows[0].slice(0, 3)).toEqual(['+1', fa['segment.champions'], fa['segment.atRisk']]);
  });

  test('nobody moved down: the headline says so and no table is written', () => {
    const a = analysisOverTime();
    a.migration!.movedDown = [];
    const sheet = sheetOf(buildWorkbookPlan(a, { lang: 'en' }), 'migration');
    expect(sheet.blocks.filter((b) => b.kind === 'cells' && b.values[0][0] === en['report.migration.headline.zero'])).toHaveLength(2);
    expect(sheet.blocks.some((b) => b.kind === 'table')).toBe(false);
  });
});

describe('Cohorts sheet', () => {
  test('en: Gregorian cohorts, shares and counts, all-cohort retention with its chart', () => {
    const plan = buildWorkbookPlan(analysisOverTime(), { lang: 'en' });
    const sheet = sheetOf(plan, 'cohorts');
    expect(sheet.name).toBe('Cohorts');
    const headers = sheet.blocks.filter((b): b is CellBlock => b.kind === 'cells' && b.values[0][0] === en['report.cohorts.cohort']);
    expect(headers.map((h) => h.values[0])).toEqual([[en['report.cohorts.cohort'], en['report.cohorts.customers'], 0, 1, 2], [en['report.cohorts.cohort'], en['report.cohorts.customers'], 0, 1, 2]]);
    const bodyBelow = (h: CellBlock) => (sheet.blocks.find((b) => b.kind === 'cells' && b.row === h.row + 1) as CellBlock).values;
    // 2005-12: 2 customers, 1 of them in month 1, none in month 2; 2006-01: 2, then 1.
    expect(bodyBelow(headers[0])).toEqual([['2005-12', 2, 1, 0.5, 0], ['2006-01', 2, 1, 0.5, null]]);
    expect(bodyBelow(headers[1])).toEqual([['2005-12', 2, 2, 1, 0], ['2006-01', 2, 2, 1, null]]);
    // month 1: (1 + 1) / (2 + 2); month 2: only the older cohort, 0 / 2
    const retention = tableOf(plan, RETENTION_TABLE);
    expect(retention.rows).toEqual([[1, 0.5], [2, 0]]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].source).toEqual({ row: retention.row, column: 0, rows: 3, columns: 2 });
    // the heatmaps leave out month 0 (always the whole cohort)
    expect(sheet.colorScales.map((c) => c.range)).toEqual([
      { row: headers[0].row + 1, column: 3, rows: 2, columns: 2 }, { row: headers[1].row + 1, column: 3, rows: 2, columns: 2 },
    ]);
  });

  test('fa: Jalali cohorts in Persian digits', () => {
    const plan = buildWorkbookPlan(analysisOverTime(), { lang: 'fa' });
    const sheet = sheetOf(plan, 'cohorts');
    const header = sheet.blocks.find((b): b is CellBlock => b.kind === 'cells' && b.values[0][0] === fa['report.cohorts.cohort'])!;
    const body = (sheet.blocks.find((b) => b.kind === 'cells' && b.row === header.row + 1) as CellBlock).values;
    expect(body).toEqual([['۱۳۸۴/۰۹', 1, 1, 0, 1], ['۱۳۸۴/۱۰', 3, 1, 2 / 3, null]]);
    expect((blockStartingWith(sheet, fa['report.cohorts.note'].replace('{calendar}', fa['report.cohorts.calendar.jalali'])))).toBeDefined();
    // month 1: (0 + 2) / (1 + 3); month 2: 1 / 1
    expect(tableOf(plan, RETENTION_TABLE).rows).toEqual([[1, 0.5], [2, 1]]);
  });
});
