/**
 * The Model check sheet and the verdict line, from a hand-built scorecard: every cell and every
 * word of the verdict is known here without running the engine.
 */
import type { BacktestReport, ClvReport } from '../../src/engine/clv/types';
import type { Analysis } from '../../src/engine/types';
import { buildWorkbookPlan } from '../../src/report/build';
import { MODEL_CHECK_TABLE, modelCheckSheet } from '../../src/report/modelCheckSheet';
import { backtestVerdict, noPurchaseCountClose } from '../../src/report/modelCheckVerdict';
import type { CellBlock, TableBlock } from '../../src/report/plan';
import { analysisWithModel, DAY_2006_12_31 } from './fixtures';

function scorecard(over: Partial<BacktestReport> = {}): BacktestReport {
  return {
    status: 'ok', calibrationEnd: DAY_2006_12_31 - 90, holdoutFrom: DAY_2006_12_31 - 89, holdoutTo: DAY_2006_12_31, horizonDays: 90,
    model: 'bgnbd', customers: 1200,
    auc: { pNoPurchase: 0.7312, recency: 0.6834, pAlive: 0.3574 },
    churned: { called: 40, boughtNothing: 30, precision: 0.75 },
    noPurchase: { predicted: 540.4, actual: 500 },
    purchases: { predicted: 2100.5, actual: 2000, meanAbsoluteError: 1.25 },
    byFrequency: [
      { frequency: '0', customers: 700, meanPredicted: 0.4, meanActual: 0.3 },
      { frequency: '1', customers: 300, meanPredicted: 1.1, meanActual: 1.2 },
      { frequency: '2', customers: 0, meanPredicted: 0, meanActual: 0 },
    ],
    ...over,
  };
}

function withBacktest(backtest: ClvReport['backtest']): Analysis {
  const analysis = analysisWithModel();
  (analysis.clv as ClvReport).backtest = backtest;
  return analysis;
}

describe('the verdict line', () => {
  it('says the churn ranking did better, the count was close, and the precision (English)', () => {
    expect(backtestVerdict(scorecard(), 'en')).toBe(
      'Model check on the last 90 days: the churn ranking found the customers who then bought nothing better than days since the last purchase alone (AUC 0.731 against 0.683); '
      + 'it expected 540 customers to buy nothing and 500 did; 75% of the 40 customers it called Churned bought nothing.',
    );
  });

  it('calls neither ranking better when both are near a coin toss (the R sample: 0.516 against 0.506)', () => {
    const b = scorecard({ auc: { pNoPurchase: 0.516, recency: 0.506, pAlive: 0.5 } });
    expect(backtestVerdict(b, 'en')).toMatch(/^Model check on the last 90 days: neither the churn ranking nor days since the last purchase picked out the customers who then bought nothing much better than chance \(AUC 0\.516 and 0\.506; 0\.5 is a coin toss\), so do not rely on the churn figures for this data; /);
    // just above the line, the ranking is judged again
    expect(backtestVerdict(scorecard({ auc: { pNoPurchase: 0.6, recency: 0.55, pAlive: 0.5 } }), 'en')).toContain('the churn ranking found the customers who then bought nothing better');
    expect(backtestVerdict(b, 'fa')).toContain('شیر یا خط');
  });

  it('says when recency did better and the count was off by more than 20%', () => {
    const b = scorecard({ auc: { pNoPurchase: 0.7, recency: 0.75, pAlive: 0.6 }, noPurchase: { predicted: 601, actual: 500 }, churned: { called: 0, boughtNothing: 0, precision: null } });
    expect(backtestVerdict(b, 'en')).toBe(
      'Model check on the last 90 days: days since the last purchase alone found the customers who then bought nothing better than the churn ranking (AUC 0.750 against 0.700), so rank by recency when choosing whom to contact; '
      + 'it expected 601 customers to buy nothing but 500 did, so read the churn counts as rough; in the check it called no customer Churned.',
    );
  });

  it('calls the two rankings even when their AUCs are closer than auto\'s tie margin (the CDNOW sample)', () => {
    // the CDNOW sample's check: 0.77115 against 0.77144, 0.0003 apart (the tie margin is 0.002)
    const tied = scorecard({ auc: { pNoPurchase: 0.77115, recency: 0.77144, pAlive: 0.726 } });
    expect(backtestVerdict(tied, 'en')).toMatch(/^Model check on the last 90 days: the churn ranking and days since the last purchase alone found the customers who then bought nothing about equally well \(AUC 0\.771 and 0\.771\); /);
    expect(backtestVerdict(tied, 'fa')).toContain('تقریباً به یک اندازه');
    // 0.0021 apart is no tie: the higher is named, either way
    expect(backtestVerdict(scorecard({ auc: { pNoPurchase: 0.7621, recency: 0.76, pAlive: 0.7 } }), 'en')).toContain('the churn ranking found the customers who then bought nothing better');
    expect(backtestVerdict(scorecard({ auc: { pNoPurchase: 0.76, recency: 0.7621, pAlive: 0.7 } }), 'en')).toContain('so rank by recency');
  });

  it('says what the one customer it called Churned did, without a percentage of one', () => {
    const one = (boughtNothing: number) => scorecard({ churned: { called: 1, boughtNothing, precision: boughtNothing } });
    expect(backtestVerdict(one(0), 'en')).toMatch(/; the one customer it called Churned bought again\.$/);
    expect(backtestVerdict(one(1), 'en')).toMatch(/; the one customer it called Churned bought nothing\.$/);
    expect(backtestVerdict(one(0), 'fa')).toMatch(/تنها مشتری‌ای که «ریزش‌کرده» خواند باز هم خرید\.$/);
  });

  it('counts within 20% as close, both ends included', () => {
    expect(noPurchaseCountClose(scorecard({ noPurchase: { predicted: 600, actual: 500 } }))).toBe(true);
    expect(noPurchaseCountClose(scorecard({ noPurchase: { predicted: 400, actual: 500 } }))).toBe(true);
    expect(noPurchaseCountClose(scorecard({ noPurchase: { predicted: 399, actual: 500 } }))).toBe(false);
  });

  it('is in Persian words and digits in Persian', () => {
    const fa = backtestVerdict(scorecard(), 'fa');
    expect(fa).toContain('۰٫۷۳۱');
    expect(fa).toContain('۵۴۰');
    expect(fa).not.toMatch(/[0-9]/);
  });

  it('gives the reason when the check was not made', () => {
    const skipped: ClvReport['backtest'] = { status: 'skipped', reason: 'x', key: 'predict.backtest.short', params: { days: 120, need: 180, horizon: 90 } };
    expect(backtestVerdict(skipped, 'en')).toBe('Model check not made: the history covers 120 days; the model check needs 180 (twice the 90-day churn horizon).');
  });
});

describe('the Model check sheet', () => {
  it('comes after Clusters and before Segment rules when the backtest ran', () => {
    const keys = buildWorkbookPlan(withBacktest(scorecard()), { lang: 'en' }).sheets.map((s) => s.key);
    expect(keys.indexOf('modelCheck')).toBe(keys.indexOf('rules') - 1);
  });

  it('is left out when the backtest was turned off or the model did not run', () => {
    expect(modelCheckSheet(withBacktest({ status: 'skipped', reason: 'off', key: 'predict.backtest.off' }), 'en')).toBeNull();
    expect(modelCheckSheet(withBacktest(undefined), 'en')).toBeNull();
  });

  it('holds the verdict, the AUCs, predicted vs actual and the chart of its table', () => {
    const sheet = modelCheckSheet(withBacktest(scorecard()), 'en');
    expect(sheet?.name).toBe('Model check');
    const blocks = sheet?.blocks ?? [];
    const texts = blocks.filter((b): b is CellBlock => b.kind === 'cells').flatMap((b) => b.values);
    expect(texts).toContainEqual([backtestVerdict(scorecard(), 'en')]);
    expect(texts).toContainEqual(['Churn ranking: P(no purchase in 90 days)', 0.7312]);
    expect(texts).toContainEqual(['Days since the last purchase alone', 0.6834]);
    expect(texts).toContainEqual(['Customers with no purchase in the 90 days', 540.4, 500]);
    expect(texts).toContainEqual(['Purchases (purchase days) in the 90 days', 2100.5, 2000]);
    expect(texts).toContainEqual(['Mean absolute error of purchases per customer', 1.25, null]);
    expect(texts).toContainEqual(['Share of them who bought nothing (precision)', null, 0.75]);
    const data = blocks.find((b): b is TableBlock => b.kind === 'table' && b.name === MODEL_CHECK_TABLE);
    expect(data?.rows).toEqual([['0', 0.4, 0.3, 700], ['1', 1.1, 1.2, 300], ['2', 0, 0, 0]]);
    expect(sheet?.charts).toHaveLength(1);
    expect(sheet?.charts[0].source).toEqual({ row: data?.row, column: 0, rows: 4, columns: 3 });
  });

  it('shows predicted counts as whole numbers with separators, like the actual counts beside them', () => {
    const sheet = modelCheckSheet(withBacktest(scorecard({ noPurchase: { predicted: 1867.86, actual: 1449 } })), 'en');
    const outcomes = (sheet?.blocks ?? []).find((b): b is CellBlock => b.kind === 'cells' && b.values.some((r) => r[1] === 1867.86));
    const formats = outcomes?.numberFormats as (string | null)[][];
    const rowOf = (label: string) => outcomes?.values.findIndex((r) => r[0] === label) ?? -1;
    expect(formats[rowOf('Customers with no purchase in the 90 days')]).toEqual([null, '#,##0', '#,##0']);
    expect(formats[rowOf('Purchases (purchase days) in the 90 days')]).toEqual([null, '#,##0', '#,##0']);
    expect(formats[rowOf('Mean absolute error of purchases per customer')]).toEqual([null, '0.00', null]);
  });

  it('prints on one page, so its chart is not cut between two pages', () => {
    const plan = buildWorkbookPlan(withBacktest(scorecard()), { lang: 'en' });
    const sheet = plan.sheets.find((s) => s.key === 'modelCheck');
    expect(sheet?.pageSetup?.fitToHeight).toBe(1);
    expect(sheet?.pageSetup?.fitToWidth).toBe(1);
  });

  it('says why in place of the figures when the history was too short', () => {
    const sheet = modelCheckSheet(withBacktest({ status: 'skipped', reason: 'x', key: 'predict.backtest.fewCustomers', params: { customers: 12, min: 100 } }), 'en');
    expect(sheet?.charts).toHaveLength(0);
    expect(sheet?.blocks.filter((b) => b.kind === 'table')).toHaveLength(0);
    expect((sheet?.blocks[1] as CellBlock).values).toEqual([['Model check not made: only 12 customer(s) bought before the held-out period; the model check needs at least 100.']]);
  });
});
