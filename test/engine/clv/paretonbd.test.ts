/**
 * Pareto/NBD on the CDNOW sample (weeks, calibration to 1997-09-30): the published fit of
 * Fader & Hardie (BTYD's and CLVTools' walkthroughs): r 0.553, α 10.578, s 0.606, β 11.669,
 * LL −9595.0.
 */
import { groupPatterns } from '../../../src/engine/clv/groups';
import { fitParetoNbd } from '../../../src/engine/clv/pnbdFit';
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
