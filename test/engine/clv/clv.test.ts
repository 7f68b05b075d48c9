/**
 * CLV against lifetimes' documented output on the CDNOW summary, and the discounting rule on a
 * hand-computed case.
 */
import { BGNBD } from '../../../src/engine/clv/bgnbd';
import { customerClv, forecastPatterns, profitFactor } from '../../../src/engine/clv/clv';
import { fitPurchaseModel } from '../../../src/engine/clv/fit';
import { expectedSpend, fitGammaGamma } from '../../../src/engine/clv/gammagamma';
import { groupPatterns } from '../../../src/engine/clv/groups';
import { MONTH_DAYS } from '../../../src/engine/clv/summary';
import { readCdnowSummary } from './cdnow';

describe('CLV as lifetimes documents it on the CDNOW summary', () => {
  // lifetimes' README: BetaGeoFitter and GammaGammaFitter fitted on the published summary (weeks),
  // then ggf.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01) with its default
  // freq='D', i.e. a "month" of 30 model units: customer 1 → 140.096218, customer 2 → 18.943466,
  // customers 3–5 → 38.180575.
  const rows = [...readCdnowSummary().entries()];
  const x = rows.map(([, r]) => r.x);
  const groups = groupPatterns(x, rows.map(([, r]) => r.tx), rows.map(([, r]) => r.T), 1);
  const bg = fitPurchaseModel(BGNBD, groups);
  const repeat = rows.filter(([, r]) => r.x > 0);
  const gg = fitGammaGamma(repeat.map(([, r]) => r.x), repeat.map(([, r]) => r.zbar));
  const forecast = forecastPatterns(BGNBD, bg.params, groups, { unitDays: MONTH_DAYS / 30, horizonMonths: 12, discountRate: 0.01 });
  const clvOf = (id: string): number => {
    const i = rows.findIndex(([key]) => key === id);
    const r = rows[i][1];
    return expectedSpend(gg.params, r.x, r.zbar) * forecast.discountedPurchases[groups.groupOf[i]];
  };

  it.each([
    ['1', 140.096218],
    ['2', 18.943466],
    ['3', 38.180575],
    ['5', 38.180575],
  ])('customer %s has CLV %p', (id, expected) => {
    expect(Math.abs(clvOf(id) - expected)).toBeLessThanOrEqual(0.001);
  });

  it('gives the same CLV for one customer through customerClv (the cell-formula path)', () => {
    const spend = expectedSpend(gg.params, 2, 22.35);
    const one = customerClv(BGNBD, bg.params, { x: 2, tx: 30.43, T: 38.86 }, spend, { unitDays: MONTH_DAYS / 30, horizonMonths: 12, discountRate: 0.01 });
    expect(Math.abs(one - 140.096218)).toBeLessThanOrEqual(0.001);
  });
});

describe('discounting', () => {
  it('discounts each month at (1 + d)^m and adds nothing for a zero horizon', () => {
    const groups = groupPatterns([3], [20], [30], 1);
    const p = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const none = forecastPatterns(BGNBD, p, groups, { unitDays: 1, horizonMonths: 1, discountRate: 0 });
    const discounted = forecastPatterns(BGNBD, p, groups, { unitDays: 1, horizonMonths: 1, discountRate: 0.05 });
    expect(discounted.discountedPurchases[0]).toBeCloseTo(none.discountedPurchases[0] / 1.05, 12);
    expect(forecastPatterns(BGNBD, p, groups, { unitDays: 1, horizonMonths: 0, discountRate: 0 }).discountedPurchases[0]).toBe(0);
  });

  it('uses the margin, else the customer cost, else revenue', () => {
    expect(profitFactor(0.3, 100, 80, true)).toBe(0.3);
    expect(profitFactor(undefined, 100, 80, true)).toBeCloseTo(0.2, 12);
    expect(profitFactor(undefined, 100, 0, false)).toBe(1);
  });
});
