/**
 * Churn status rules, reasons and the auto model choice on hand-built customers and fits.
 */
import { messageIn } from '../../../src/i18n';
import { churnStatus, DEFAULT_CHURN_THRESHOLDS } from '../../../src/engine/clv/churn';
import { churnReason } from '../../../src/engine/clv/churnReason';
import { chooseModel, samplePatterns } from '../../../src/engine/clv/modelFit';
import { groupPatterns } from '../../../src/engine/clv/groups';
import { pNoPurchase } from '../../../src/engine/clv/models';
import type { AnyPurchaseFit } from '../../../src/engine/clv/modelFit';

const bg = (params: { r: number; alpha: number; a: number; b: number }) => ({ model: 'bgnbd' as const, params });

describe('churn status from P(a purchase within the horizon)', () => {
  const t = DEFAULT_CHURN_THRESHOLDS;

  it('Active at ≥ 0.5, Churned below 0.1, At risk between', () => {
    expect(t).toEqual({ active: 0.5, churned: 0.1 });
    expect(churnStatus(0.5, t)).toBe('Active');
    expect(churnStatus(0.4999, t)).toBe('At risk');
    expect(churnStatus(0.1, t)).toBe('At risk');
    expect(churnStatus(0.0999, t)).toBe('Churned');
  });

  it('a customer who just bought for the fourth time is Active: P0 = 1 − ¾(1 − (¾)^5) = 1753/4096', () => {
    // r = 2, α = a = b = 1, x = 3, t_x = T = 2, h = 1: P(alive) = 1/(1 + 1/3) = 3/4; quiet = (3/4)^(r+x)
    const p0 = pNoPurchase(bg({ r: 2, alpha: 1, a: 1, b: 1 }), 3, 2, 2, 1);
    expect(p0).toBeCloseTo(1753 / 4096, 12);
    expect(churnStatus(1 - p0, t)).toBe('Active');
  });

  it('a two-time buyer silent since soon after the first purchase is Churned', () => {
    // r = α = a = b = 1, x = 1, t_x = 0.1, T = 20: P(alive) = 1/(1 + (21/1.1)²); P(buy | alive) = 1 − (21/22)²
    const alive = 1 / (1 + (21 / 1.1) ** 2);
    const p0 = pNoPurchase(bg({ r: 1, alpha: 1, a: 1, b: 1 }), 1, 0.1, 20, 1);
    expect(p0).toBeCloseTo(1 - alive * (1 - (21 / 22) ** 2), 12);
    expect(churnStatus(1 - p0, t)).toBe('Churned');
  });

  it('a customer between the two is At risk: 45/52 no purchase, 7/52 ≈ 0.135 purchase', () => {
    const p0 = pNoPurchase(bg({ r: 1, alpha: 1, a: 1, b: 1 }), 1, 1, 2, 1);
    expect(churnStatus(1 - p0, t)).toBe('At risk');
  });
});

describe('churn reason in plain words', () => {
  const base = { horizonDays: 90, bins: 5 };

  it('states purchases, usual gap, silence against the gap, and the horizon verdict', () => {
    // 6 purchase days over 200 days → every 40 days; 205 days silent → 5.125× → "5×"
    const r = churnReason({ ...base, repeatPurchases: 5, spanDays: 200, silentDays: 205, pNoPurchase: 0.92, status: 'Churned', recencyScore: 1 });
    expect(r.text).toBe('bought on 6 different days, about every 40 days; silent for 205 days, 5× the usual gap; 92% likely to buy nothing within 90 days');
    const fa = messageIn(r, 'fa');
    expect(fa).toMatch(/[\u0600-\u06FF]/);
    expect(fa).toContain('۲۰۵');
    expect(fa).toContain('۵ برابر');
  });

  it('a silence far shorter than the usual gap reads 0.1×, not 0×', () => {
    const r = churnReason({ ...base, repeatPurchases: 6, spanDays: 366, silentDays: 3, pNoPurchase: 0.28, status: 'Active', recencyScore: 5 });
    expect(r.text).toBe('bought on 7 different days, about every 61 days; silent for 3 days, 0.1× the usual gap; 72% likely to buy within 90 days');
  });

  it('one-time buyer: when, and the chance of a purchase', () => {
    const r = churnReason({ ...base, repeatPurchases: 0, spanDays: 0, silentDays: 326, pNoPurchase: 0.7, status: 'At risk', recencyScore: 1 });
    expect(r.text).toBe('bought once, 326 days ago; only 30% likely to buy within 90 days');
  });

  it('explains an Active status beside an old recency score (segment Lost, status Active)', () => {
    const r = churnReason({ ...base, repeatPurchases: 3, spanDays: 600, silentDays: 150, pNoPurchase: 0.45, status: 'Active', recencyScore: 1 });
    expect(r.text).toBe(
      "bought on 4 different days, about every 200 days; silent for 150 days, 0.8× the usual gap; 55% likely to buy within 90 days (its RFM segment ranks this silence against all customers; at this customer's own pace it is not long yet)",
    );
  });

  it('explains an At risk status beside a recent purchase (Champions, At risk)', () => {
    const r = churnReason({ ...base, repeatPurchases: 12, spanDays: 120, silentDays: 48, pNoPurchase: 0.6, status: 'At risk', recencyScore: 5 });
    expect(r.text).toMatch(/^bought on 13 different days, about every 10 days; silent for 48 days, 5× the usual gap; only 40% likely to buy within 90 days \(its RFM segment ranks the last purchase as fairly recent/);
  });
});

describe("auto's fallback (history too short for the inner backtest): highest log-likelihood, plain fits before penalised ones, ties to the earlier model", () => {
  const fit = (model: 'bgnbd' | 'mbgnbd' | 'paretonbd', logLikelihood: number, penalty = 0): AnyPurchaseFit =>
    (model === 'paretonbd'
      ? { model, params: { r: 1, alpha: 1, s: 1, beta: 1 }, logLikelihood, customers: 10, evaluations: 1, converged: true, penalty, atBoundary: false }
      : { model, params: { r: 1, alpha: 1, a: 1, b: 1 }, logLikelihood, customers: 10, evaluations: 1, converged: true, penalty, atBoundary: false });

  it('picks the best fit', () => {
    expect(chooseModel({ bgnbd: fit('bgnbd', -100), mbgnbd: fit('mbgnbd', -99), paretonbd: fit('paretonbd', -101) })?.chosen).toBe('mbgnbd');
    expect(chooseModel({ bgnbd: fit('bgnbd', -100), mbgnbd: fit('mbgnbd', -99), paretonbd: fit('paretonbd', -98.5) })?.chosen).toBe('paretonbd');
  });

  it('skips a penalised fit while a plain one exists, and a failed one always', () => {
    const failed = { reason: { key: 'predict.reason.boundary', text: 'runs off' } };
    const c = chooseModel({ bgnbd: fit('bgnbd', -90, 0.01), mbgnbd: fit('mbgnbd', -99), paretonbd: failed });
    expect(c?.chosen).toBe('mbgnbd');
    expect(c?.failed).toEqual({ paretonbd: 'runs off' });
    expect(chooseModel({ bgnbd: fit('bgnbd', -90, 0.01), paretonbd: failed })?.chosen).toBe('bgnbd');
    expect(chooseModel({ paretonbd: failed })).toBeNull();
  });

  it('gives a tie (within 0.01) to the earlier model', () => {
    expect(chooseModel({ bgnbd: fit('bgnbd', -100), mbgnbd: fit('mbgnbd', -99.995) })?.chosen).toBe('bgnbd');
  });
});

describe('the auto rule on large data: a systematic sample', () => {
  it('keeps every k-th customer (k = ⌈n / max⌉) with their own patterns', () => {
    // 10 customers, x = customer index, t_x = x, T = 20; max 4 → k = 3 → customers 0, 3, 6, 9
    const x = Array.from({ length: 10 }, (_, i) => i);
    const groups = groupPatterns(x, x, x.map(() => 20), 1);
    const sample = samplePatterns(groups, 4);
    expect(sample.customers).toBe(4);
    expect(Array.from(sample.groups.x).sort((a, b) => a - b)).toEqual([0, 3, 6, 9]);
    expect(samplePatterns(groups, 10).groups).toBe(groups);
  });
});
