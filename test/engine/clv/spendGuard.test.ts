/**
 * The spend model's guard rails on hand-built cases: each check fails on data made to fail it, and
 * passes on the CDNOW summary (lifetimes' docs, GammaGammaFitter on this file: p 6.25, q 3.74, v 15.45).
 */
import * as fs from 'fs';
import { fitSpendModel, MAX_SPEND_SHAPE, MIN_SPEND_CUSTOMERS, pearson } from '../../../src/engine/clv/spendGuard';
import { requireSharedData } from '../../support/sharedData';

describe('pearson', () => {
  test('a hand-computed case and the edges', () => {
    // means 2 and 13/3; Σdxdy = 5, Σdx² = 2, Σdy² = 38/3: r = 5 / √(76/3)
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(76 / 3), 12);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBe(0);
  });
});

describe('fitSpendModel', () => {
  test('fewer repeat buyers than the minimum: fallback naming the count', () => {
    const result = fitSpendModel([1, 2, 0, 3], [10, 20, 0, 30]);
    expect(result).toMatchObject({ status: 'fallback', reason: { key: 'predict.spend.fewCustomers', params: { customers: 3, min: MIN_SPEND_CUSTOMERS } } });
  });

  test('mean spend that grows with the number of purchases: fallback naming the correlation', () => {
    const x = Array.from({ length: 20 }, (_, i) => 1 + (i % 5));
    const zbar = x.map((xi, i) => 10 * xi + (i % 3));
    const result = fitSpendModel(x, zbar);
    expect(result.status).toBe('fallback');
    if (result.status !== 'fallback') return;
    expect(result.reason.key).toBe('predict.spend.correlated');
    expect(result.reason.params).toMatchObject({ customers: 20, correlation: Number(pearson(x, zbar).toFixed(2)), max: 0.3 });
    expect(Number(result.reason.params?.correlation)).toBeGreaterThan(0.9);
  });

  test('every customer with the same mean spend: the fit runs off (p beyond the bound), fallback', () => {
    const x = Array.from({ length: 30 }, (_, i) => 1 + (i % 4));
    const result = fitSpendModel(x, x.map(() => 50));
    expect(result.status).toBe('fallback');
    if (result.status !== 'fallback') return;
    expect(result.reason.key).toBe('predict.spend.ridge');
    expect(result.reason.params?.max).toBe(MAX_SPEND_SHAPE);
    expect(result.reason.text).toMatch(/^the spend model \(Gamma-Gamma\) was not used: its fit ran off to p = \d+, q = /);
  });

  test('the CDNOW summary passes every check and gives the published fit', () => {
    const [header, ...lines] = fs.readFileSync(requireSharedData('cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/);
    const cols = header.split(',');
    const rows = lines.map((l) => l.split(',').map(Number));
    const x = rows.map((r) => r[cols.indexOf('x')]);
    const zbar = rows.map((r) => r[cols.indexOf('zbar')]);
    const result = fitSpendModel(x, zbar);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.fit.params.p).toBeCloseTo(6.25, 2);
    expect(result.fit.params.q).toBeCloseTo(3.74, 2);
    expect(result.fit.params.v).toBeCloseTo(15.45, 2);
  });
});
