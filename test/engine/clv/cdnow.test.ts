/**
 * The published CDNOW results (Fader, Hardie & Lee 2005; Batislam et al. 2007 as fitted by
 * lifetimes; Fader & Hardie 2013), reproduced from the raw transactions of CDNOW_sample.txt.
 */
import { BGNBD, conditionalExpected, unconditionalExpected } from '../../../src/engine/clv/bgnbd';
import { fitPurchaseModel } from '../../../src/engine/clv/fit';
import { fitGammaGamma } from '../../../src/engine/clv/gammagamma';
import { groupPatterns } from '../../../src/engine/clv/groups';
import { MBGNBD } from '../../../src/engine/clv/mbgnbd';
import { buildHistories } from '../../../src/engine/clv/summary';
import { CDNOW_CALIBRATION_END, readCdnowSample, readCdnowSummary } from './cdnow';

const WEEK = 7;
const transactions = readCdnowSample();
const histories = buildHistories(transactions, CDNOW_CALIBRATION_END);
const groups = groupPatterns(histories.x, histories.recencyDays, histories.ageDays, WEEK);

describe('CDNOW summary from the raw transactions', () => {
  it('matches cdnow_customers_summary_with_transactions.csv on every row', () => {
    const published = readCdnowSummary();
    expect(histories.ids.length).toBe(2357);
    expect(published.size).toBe(2357);
    histories.ids.forEach((id, i) => {
      const row = published.get(id);
      expect(row).toBeDefined();
      if (!row) return;
      expect(histories.x[i]).toBe(row.x);
      expect(Math.abs(histories.recencyDays[i] / WEEK - row.tx)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(histories.ageDays[i] / WEEK - row.T)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(histories.zbar[i] - row.zbar)).toBeLessThanOrEqual(0.01);
    });
  });
});

describe('BG/NBD on CDNOW (weeks)', () => {
  const fit = fitPurchaseModel(BGNBD, groups);

  it('reproduces r, α, a, b and the log-likelihood', () => {
    expect(Math.abs(fit.params.r - 0.2426)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.params.alpha - 4.4135)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.params.a - 0.7929)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.params.b - 2.4258)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.05);
    expect(fit.customers).toBe(2357);
  });

  it('gives E[X(39) | x=2, t_x=30.43, T=38.86] = 1.2259', () => {
    expect(Math.abs(conditionalExpected(BGNBD, fit.params, 39, 2, 30.43, 38.86) - 1.2259)).toBeLessThanOrEqual(0.001);
  });

  it('gives E[X(t)] for a new customer at 1, 3 and 78 weeks', () => {
    expect(Math.abs(unconditionalExpected(BGNBD, fit.params, 1) - 0.0532)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(unconditionalExpected(BGNBD, fit.params, 3) - 0.1506)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(unconditionalExpected(BGNBD, fit.params, 78) - 1.8576)).toBeLessThanOrEqual(0.001);
  });
});

describe('modified BG/NBD on CDNOW (weeks)', () => {
  it('reproduces r, α, a, b', () => {
    const fit = fitPurchaseModel(MBGNBD, groups);
    expect(Math.abs(fit.params.r - 0.525)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(fit.params.alpha - 6.183)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(fit.params.a - 0.891)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(fit.params.b - 1.614)).toBeLessThanOrEqual(0.002);
  });
});

describe('Gamma-Gamma on the CDNOW repeat buyers', () => {
  it('reproduces p, q, v on the 946 repeat buyers', () => {
    const x: number[] = [];
    const z: number[] = [];
    histories.ids.forEach((_, i) => {
      if (histories.x[i] > 0) {
        x.push(histories.x[i]);
        z.push(histories.zbar[i]);
      }
    });
    expect(x.length).toBe(946);
    const fit = fitGammaGamma(x, z);
    expect(Math.abs(fit.params.p - 6.2488)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.params.q - 3.7446)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.params.v - 15.4477)).toBeLessThanOrEqual(0.01);
  });
});
