/**
 * Pareto/NBD on the CDNOW sample (weeks, calibration to 1997-09-30): the published fit of
 * Fader & Hardie (BTYD's and CLVTools' walkthroughs): r 0.553, α 10.578, s 0.606, β 11.669,
 * LL −9595.0.
 */
import { groupPatterns } from '../../../src/engine/clv/groups';
import { pnbdLogLikelihood } from '../../../src/engine/clv/paretonbd';
import { dropoutShareWithin, fitParetoNbd, pnbdTotalLogLikelihood } from '../../../src/engine/clv/pnbdFit';
import { buildHistories } from '../../../src/engine/clv/summary';
import { CDNOW_CALIBRATION_END, readCdnowSample } from './cdnow';

const WEEK = 7;
const histories = buildHistories(readCdnowSample(), CDNOW_CALIBRATION_END);
const groups = groupPatterns(histories.x, histories.recencyDays, histories.ageDays, WEEK);

describe('Pareto/NBD on CDNOW (weeks)', () => {
  const fit = fitParetoNbd(groups);

  it('reproduces r, α, s, β and the log-likelihood', () => {
    expect(fit.customers).toBe(2357);
    expect(Math.abs(fit.params.r - 0.553)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.alpha - 10.578)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(fit.params.s - 0.606)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.beta - 11.669)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThanOrEqual(0.05);
    expect(fit.converged).toBe(true);
    expect(fit.atBoundary).toBe(false);
  });
});

describe('the summed log-likelihood', () => {
  it('is the sum of every customer\'s own ln L to the last bit, its ₂F₁ tails shared by patterns with the same (x, t_x) or (x, T)', () => {
    // CDNOW in days: 2,357 customers, fewer distinct (x, t_x) and (x, T) pairs than patterns
    const days = groupPatterns(histories.x, histories.recencyDays, histories.ageDays, 1);
    for (const p of [{ r: 0.553, alpha: 74.0, s: 0.606, beta: 81.7 }, { r: 2, alpha: 5, s: 0.1, beta: 900 }, { r: 0.3, alpha: 900, s: 3, beta: 2 }]) {
      let expected = 0;
      for (let i = 0; i < histories.x.length; i++) expected += pnbdLogLikelihood(p, histories.x[i], histories.recencyDays[i], histories.ageDays[i]);
      // the per-customer sum in customer order against the per-pattern sum: equal within rounding
      expect(Math.abs(pnbdTotalLogLikelihood(p, days) - expected)).toBeLessThan(1e-9 * Math.abs(expected));
      let perPattern = 0;
      for (let g = 0; g < days.w.length; g++) perPattern += days.w[g] * pnbdLogLikelihood(p, days.x[g], days.tx[g], days.T[g]);
      expect(pnbdTotalLogLikelihood(p, days)).toBe(perPattern);
    }
  });
});

describe('Pareto/NBD on purchases without dropout', () => {
  it('the share leaving within t is 1 − (β/(β+t))^s', () => {
    expect(dropoutShareWithin(1, 1, 1)).toBeCloseTo(0.5, 15);
    expect(dropoutShareWithin(2, 3, 1)).toBeCloseTo(1 - (3 / 4) ** 2, 15);
    // tiny shares keep their digits (expm1/log1p): s = 1e-9, β = 1, t = 1 → 1e-9 · ln 2
    expect(dropoutShareWithin(1e-9, 1, 1) / (1e-9 * Math.LN2)).toBeCloseTo(1, 6);
  });

  it('is reported as a boundary fit: nobody leaves, so no dropout can be measured', () => {
    // 1,500 customers buying as Poisson processes (rates Gamma(2, 8) per week) for 52 weeks, none leaving
    let seed = 12345;
    const uniform = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return (seed + 0.5) / 2 ** 32;
    };
    const gamma2 = (rate: number): number => -(Math.log(uniform()) + Math.log(uniform())) / rate;
    const x: number[] = [];
    const tx: number[] = [];
    const T: number[] = [];
    for (let c = 0; c < 1500; c++) {
      const lambda = gamma2(8);
      let t = 0;
      let count = 0;
      let last = 0;
      for (;;) {
        t += -Math.log(uniform()) / lambda;
        if (t > 52) break;
        count++;
        last = t;
      }
      x.push(count);
      tx.push(last);
      T.push(52);
    }
    const fit = fitParetoNbd(groupPatterns(x, tx, T, 1));
    expect(fit.atBoundary).toBe(true);
    expect(dropoutShareWithin(fit.params.s, fit.params.beta, 52)).toBeLessThan(1e-3);
    // stopped at the no-dropout rule, before s (scale-free) ran off below the old bound 1e-5
    expect(fit.params.s).toBeGreaterThan(1e-5);
  });
});
