/**
 * The backtest scorecard: AUC against hand-counted pairs, every figure of a tiny hand-built
 * history computed by hand, and the rule that turns it on by default.
 */
import { analyzeTransactions } from '../../../src/engine/analyze';
import { rocAuc } from '../../../src/engine/clv/auc';
import { BACKTEST_MIN_CUSTOMERS, backtestSkipReason, scoreBacktest, type WindowScorer } from '../../../src/engine/clv/backtest';
import { buildHistories } from '../../../src/engine/clv/summary';
import type { BacktestReport, ClvReport } from '../../../src/engine/clv/types';
import type { Transaction } from '../../../src/engine/types';

describe('rocAuc', () => {
  it('counts pairs with ties as 1/2 (hand-counted: 7 of 9 pairs)', () => {
    // positives 0.9, 0.7, 0.4; negatives 0.7, 0.4, 0.1
    // 0.9 beats all three (3); 0.7 ties 0.7 and beats 0.4, 0.1 (2.5); 0.4 ties 0.4 and beats 0.1 (1.5)
    expect(rocAuc([0.9, 0.7, 0.7, 0.4, 0.4, 0.1], [1, 0, 1, 1, 0, 0])).toBeCloseTo(7 / 9, 12);
  });

  it('gives 1 for a perfect ranking, 0 for a reversed one and 1/2 when all scores tie', () => {
    expect(rocAuc([3, 2, 1], [true, false, false])).toBe(1);
    expect(rocAuc([1, 2, 3], [true, false, false])).toBe(0);
    expect(rocAuc([5, 5, 5, 5], [1, 0, 1, 0])).toBe(0.5);
  });

  it('does not depend on the order of the items', () => {
    expect(rocAuc([0.1, 0.4, 0.4, 0.7, 0.7, 0.9], [0, 0, 1, 1, 0, 1])).toBeCloseTo(7 / 9, 12);
  });

  it('is null without positives or without negatives, and refuses bad input', () => {
    expect(rocAuc([1, 2], [0, 0])).toBeNull();
    expect(rocAuc([1, 2], [1, 1])).toBeNull();
    expect(() => rocAuc([1, 2], [1])).toThrow(RangeError);
    expect(() => rocAuc([1, Number.NaN], [1, 0])).toThrow(RangeError);
  });
});

/** One line: customer, day, amount. */
function line(customerId: string, day: number, amount: number, rowNumber: number): Transaction {
  return { customerId, day, amount, rowNumber };
}

describe('scoreBacktest on a hand-built history (calibration days ..99, holdout 100..109)', () => {
  const transactions: Transaction[] = [
    // A: bought on days 0, 50, 90 (x = 2, silent 9 days); in the holdout on day 100 and on day 105
    // (a purchase and a return that day: one purchase day) → 2
    line('A', 0, 10, 2), line('A', 50, 10, 3), line('A', 90, 10, 4), line('A', 100, 10, 5), line('A', 105, 20, 6), line('A', 105, -5, 7),
    // B: day 10 only (x = 0, silent 89); nothing in the holdout → 0
    line('B', 10, 30, 8),
    // C: days 20, 30 (x = 1, silent 69); only a return in the holdout → 0 purchase days
    line('C', 20, 5, 9), line('C', 30, 5, 10), line('C', 101, -5, 11),
    // D: days 60, 95 (x = 1, silent 4); a free item (amount 0) on day 108 → 1
    line('D', 60, 8, 12), line('D', 95, 8, 13), line('D', 108, 0, 14),
    // E: first bought in the holdout: not a calibration customer
    line('E', 102, 50, 15),
  ];
  const hand: Record<string, { pNo: number; alive: number; expected: number; churned: number }> = {
    A: { pNo: 0.2, alive: 0.9, expected: 1.5, churned: 0 },
    B: { pNo: 0.9, alive: 1, expected: 0.1, churned: 1 },
    C: { pNo: 0.25, alive: 0.5, expected: 0.4, churned: 1 },
    D: { pNo: 0.3, alive: 0.8, expected: 1.0, churned: 1 },
  };
  const seen: { ids: string[]; x: number[]; horizonDays: number }[] = [];
  const scorer: WindowScorer = (calibration, horizonDays) => {
    seen.push({ ids: [...calibration.ids], x: Array.from(calibration.x), horizonDays });
    const of = (pick: (h: (typeof hand)[string]) => number): number[] => calibration.ids.map((id) => pick(hand[id]));
    return { model: 'hand', pNoPurchase: of((h) => h.pNo), pAlive: of((h) => h.alive), expected: of((h) => h.expected), churned: of((h) => h.churned) };
  };
  const report = scoreBacktest(transactions, buildHistories(transactions, 99), { calibrationEnd: 99, lastDay: 109 }, scorer) as BacktestReport;

  it('hands the scorer the calibration customers and the 10-day horizon', () => {
    expect(seen).toEqual([{ ids: ['A', 'B', 'C', 'D'], x: [2, 0, 1, 1], horizonDays: 10 }]);
  });

  it('gives the window and the customers', () => {
    expect(report.status).toBe('ok');
    expect([report.calibrationEnd, report.holdoutFrom, report.holdoutTo, report.horizonDays, report.customers, report.model]).toEqual([99, 100, 109, 10, 4, 'hand']);
  });

  it('gives the three AUCs (non-buyers B, C)', () => {
    // p_no_purchase: B 0.9 beats A 0.2, D 0.3; C 0.25 beats A only → 3 of 4
    expect(report.auc.pNoPurchase).toBe(0.75);
    // days silent: B 89, C 69 against A 9, D 4 → 4 of 4
    expect(report.auc.recency).toBe(1);
    // 1 − P(alive): B 0 beats nobody; C 0.5 beats A 0.1 and D 0.2 → 2 of 4
    expect(report.auc.pAlive).toBe(0.5);
  });

  it('gives the precision of Churned, non-buyers and purchases', () => {
    // called Churned: B, C, D; B and C bought nothing
    expect(report.churned.called).toBe(3);
    expect(report.churned.boughtNothing).toBe(2);
    expect(report.churned.precision).toBeCloseTo(2 / 3, 12);
    expect(report.noPurchase.predicted).toBeCloseTo(0.2 + 0.9 + 0.25 + 0.3, 12);
    expect(report.noPurchase.actual).toBe(2);
    expect(report.purchases.predicted).toBeCloseTo(3, 12);
    expect(report.purchases.actual).toBe(3);
    // |1.5 − 2| + |0.1 − 0| + |0.4 − 0| + |1 − 1| = 1, over 4 customers
    expect(report.purchases.meanAbsoluteError).toBeCloseTo(0.25, 12);
  });

  it('gives the chart: mean expected and actual by calibration repeat purchases', () => {
    const rows = report.byFrequency.map((c) => [c.frequency, c.customers, Number(c.meanPredicted.toFixed(12)), c.meanActual]);
    expect(rows).toEqual([
      ['0', 1, 0.1, 0],
      ['1', 2, 0.7, 0.5],
      ['2', 1, 1.5, 2],
      ['3', 0, 0, 0], ['4', 0, 0, 0], ['5', 0, 0, 0], ['6', 0, 0, 0], ['7+', 0, 0, 0],
    ]);
  });

  it('says why when the scorer cannot fit', () => {
    const failing: WindowScorer = () => ({ reason: { key: 'predict.reason.noRepeat', text: 'no customer bought on more than one day' } });
    const skipped = scoreBacktest(transactions, buildHistories(transactions, 99), { calibrationEnd: 99, lastDay: 109 }, failing);
    expect(skipped.status).toBe('skipped');
    expect('reason' in skipped && skipped.reason).toBe('on the history before the held-out period, no customer bought on more than one day, so repeat purchasing cannot be estimated');
  });
});

describe('backtestSkipReason: on by default with two horizons of history and enough customers', () => {
  it('needs at least twice the horizon in days', () => {
    expect(backtestSkipReason(179, 90, 1000)).toMatchObject({ status: 'skipped', key: 'predict.backtest.short', params: { days: 179, need: 180, horizon: 90 } });
    expect(backtestSkipReason(180, 90, 1000)).toBeNull();
  });

  it('needs 100 customers before the holdout', () => {
    expect(BACKTEST_MIN_CUSTOMERS).toBe(100);
    expect(backtestSkipReason(400, 90, 99)).toMatchObject({ status: 'skipped', key: 'predict.backtest.fewCustomers', params: { customers: 99, min: 100 } });
    expect(backtestSkipReason(400, 90, 100)).toBeNull();
  });
});

describe('the backtest in the pipeline', () => {
  // 120 customers who buy on days 0, 30, 60 … up to day 360 (each starting a day later than the last)
  const rows: Transaction[] = [];
  for (let c = 0; c < 120; c++) for (let d = c % 30; d <= 360; d += 30 + (c % 7)) rows.push(line(`c${c}`, 20000 + d, 10 + (c % 5), rows.length + 2));

  it('is skipped with a reason when turned off', () => {
    const clv = analyzeTransactions(rows, { clusters: 'off', backtest: false }).clv as ClvReport;
    expect(clv.backtest).toMatchObject({ status: 'skipped', key: 'predict.backtest.off' });
  });

  it('is skipped when the history is shorter than two horizons', () => {
    const last = Math.max(...rows.map((r) => r.day));
    const first = Math.min(...rows.map((r) => r.day));
    const clv = analyzeTransactions(rows, { clusters: 'off', churnHorizonDays: 200 }).clv as ClvReport;
    expect(clv.backtest).toMatchObject({ status: 'skipped', key: 'predict.backtest.short', params: { days: last - first + 1, need: 400, horizon: 200 } });
  });

  it('runs by default over the last 90 days', () => {
    const clv = analyzeTransactions(rows, { clusters: 'off' }).clv as ClvReport;
    const backtest = clv.backtest as BacktestReport;
    expect(backtest.status).toBe('ok');
    const last = Math.max(...rows.map((r) => r.day));
    expect([backtest.holdoutTo, backtest.holdoutFrom, backtest.horizonDays]).toEqual([last, last - 89, 90]);
    // customers with a purchase on or before the calibration end, counted from the rows
    expect(backtest.customers).toBe(new Set(rows.filter((r) => r.day <= last - 90).map((r) => r.customerId)).size);
  });
});
