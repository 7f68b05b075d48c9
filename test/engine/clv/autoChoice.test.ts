/**
 * The `auto` rule's inner backtest (issue 10) on a hand-built history: who bought nothing in the
 * held-out days is set by construction, so the AUC of any ranking that puts the long-silent one-time
 * buyers above the steady recent buyers is counted here by hand.
 */
import { messageIn } from '../../../src/i18n';
import { AUC_TIE, chooseByInnerBacktest, innerHoldoutDays, pickByAuc, systematicSample } from '../../../src/engine/clv/autoChoice';
import type { Transaction } from '../../../src/engine/types';

/** Lines of one customer on the given days. */
function lines(id: string, days: number[]): Transaction[] {
  return days.map((day, k) => ({ customerId: id, day, amount: 10, rowNumber: k + 1 }));
}

/**
 * History days 0..119, churn horizon 30 → inner holdout days 90..119 (calibration end 89).
 * A: 40 steady buyers (days 0, 20, 40, 60, 80); 30 buy again on day 100, 10 do not.
 * B: 60 one-time buyers (day 0); 10 buy on day 100, 50 do not.
 */
function history(): Transaction[] {
  const all: Transaction[] = [];
  for (let i = 0; i < 40; i++) all.push(...lines(`A${i}`, i < 30 ? [0, 20, 40, 60, 80, 100] : [0, 20, 40, 60, 80]));
  for (let i = 0; i < 60; i++) all.push(...lines(`B${i}`, i < 10 ? [0, 100] : [0]));
  return all;
}

describe('inner held-out days', () => {
  it('is the churn horizon when the history covers two horizons, a third of it when shorter, none below 7 days', () => {
    expect(innerHoldoutDays(600, 90)).toBe(90);
    expect(innerHoldoutDays(180, 90)).toBe(90);
    expect(innerHoldoutDays(179, 90)).toBe(59); // ⌊179 / 3⌋
    expect(innerHoldoutDays(21, 90)).toBe(7);
    expect(innerHoldoutDays(20, 90)).toBeNull(); // ⌊20 / 3⌋ = 6
  });
});

describe('winner by AUC', () => {
  it('takes the highest AUC; within the tie margin the earlier model in BG/NBD, modified, Pareto order', () => {
    expect(AUC_TIE).toBe(0.002);
    expect(pickByAuc([{ model: 'bgnbd', auc: 0.75 }, { model: 'mbgnbd', auc: 0.753 }, { model: 'paretonbd', auc: 0.74 }])).toEqual({ model: 'mbgnbd', why: 'highestAuc' });
    expect(pickByAuc([{ model: 'bgnbd', auc: 0.75 }, { model: 'mbgnbd', auc: 0.7515 }, { model: 'paretonbd', auc: 0.74 }])).toEqual({ model: 'bgnbd', why: 'tieOrder' });
    expect(pickByAuc([{ model: 'mbgnbd', auc: 0.7 }, { model: 'paretonbd', auc: 0.7 }])).toEqual({ model: 'mbgnbd', why: 'highestAuc' });
  });

  it('compares on every k-th customer above the sample size', () => {
    expect(systematicSample(7, 3)).toEqual([0, 3, 6]);
    expect(systematicSample(3, 5)).toEqual([0, 1, 2]);
  });
});

describe('the inner backtest on a hand-built history', () => {
  const result = chooseByInnerBacktest({ transactions: history(), firstDay: 0, lastDay: 119, horizonDays: 30, unitDays: 7 });

  it('holds out days 90..119 and finds the 60 non-buyers set there', () => {
    if (!('choice' in result)) throw new Error(result.fallback.text);
    expect(result.choice.rule).toBe('innerBacktest');
    expect(result.choice.innerBacktest).toMatchObject({ calibrationEnd: 89, holdoutFrom: 90, holdoutTo: 119, holdoutDays: 30, customers: 100, nonBuyers: 60 });
  });

  it('scores each fitted model by the AUC counted by hand: 19/24', () => {
    if (!('choice' in result)) throw new Error(result.fallback.text);
    // non-buyers (positives): 10 in A, 50 in B; buyers: 30 in A, 10 in B. B ranks above A, ties count ½:
    // (50·30 + ½·50·10 + ½·10·30) / (60·40) = 1900 / 2400
    const aucs = Object.values(result.choice.innerBacktest?.auc ?? {});
    expect(aucs.length).toBeGreaterThan(0);
    for (const auc of aucs) expect(auc).toBeCloseTo(19 / 24, 12);
    // all equal: the first fitted model in BG/NBD, modified, Pareto order wins as the highest
    const first = (['bgnbd', 'mbgnbd', 'paretonbd'] as const).find((m) => result.choice.innerBacktest?.auc[m] !== undefined);
    expect(result.choice.chosen).toBe(first);
  });
});

describe('falls back to the likelihood rule, saying why', () => {
  it('when the history is too short to hold part of it out', () => {
    const r = chooseByInnerBacktest({ transactions: lines('A', [0, 5]), firstDay: 0, lastDay: 19, horizonDays: 90, unitDays: 7 });
    expect('fallback' in r && r.fallback.key).toBe('predict.autoFallback.short');
    if ('fallback' in r) expect(r.fallback.text).toBe('the history is too short (20 days) to hold part of it out');
  });

  it('when fewer than 100 customers bought before the held-out days', () => {
    const few = history().filter((t) => t.customerId.startsWith('A'));
    const r = chooseByInnerBacktest({ transactions: few, firstDay: 0, lastDay: 119, horizonDays: 30, unitDays: 7 });
    expect('fallback' in r && r.fallback.key).toBe('predict.autoFallback.few');
    if ('fallback' in r) expect(messageIn(r.fallback, 'fa')).toMatch(/^تنها (40|۴۰) مشتری/);
  });

  it('when everyone (or no one) bought in the held-out days', () => {
    const all: Transaction[] = [];
    for (let i = 0; i < 100; i++) all.push(...lines(`C${i}`, [0, 30 + (i % 50), 100]));
    const r = chooseByInnerBacktest({ transactions: all, firstDay: 0, lastDay: 119, horizonDays: 30, unitDays: 7 });
    expect('fallback' in r && r.fallback.key).toBe('predict.autoFallback.oneSided');
  });
});
