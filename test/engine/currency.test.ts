/** The currency the data names: amount header and amount texts (engine/currency.ts). */
import { analyze } from '../../src/engine/analyze';
import { CURRENCY_SAMPLE_ROWS, chooseCurrency, currenciesIn, currencyOfTexts, detectCurrency } from '../../src/engine/currency';
import type { Cell } from '../../src/engine/types';

describe('currenciesIn', () => {
  test.each([
    ['مبلغ (ریال)', ['IRR']],
    ['۲٬۵۲۷٬۲۰۰٬۰۰۰ ریال', ['IRR']],
    ['12,500 ريال', ['IRR']],
    ['مبلغ به تومان', ['IRT']],
    ['Amount (toman)', ['IRT']],
    ['$12.50', ['USD']],
    ['Revenue (USD)', ['USD']],
    ['12,50 €', ['EUR']],
    ['£3', ['GBP']],
    ['Amount', []],
    // A word that merely contains a currency's letters is not it.
    ['Material', []],
    ['12.5', []],
  ])('%p → %p', (text, codes) => {
    expect(currenciesIn(text)).toEqual(codes);
  });
});

describe('detectCurrency', () => {
  const table = (header: string, cells: Cell[]) => ({ header: ['customer', header], rows: cells.map((c, i) => [`c${i}`, c]) });

  test('from the header alone, the amounts being plain numbers', () => {
    expect(detectCurrency(table('مبلغ (ریال)', [2527200000, 1000]), 1)).toBe('IRR');
  });

  test('from the amounts, the header saying nothing', () => {
    expect(detectCurrency(table('Amount', ['$5.00', 7, '$12.50']), 1)).toBe('USD');
  });

  test('two currencies, or none: no answer', () => {
    expect(detectCurrency(table('Amount', ['$5', '€3']), 1)).toBeNull();
    expect(detectCurrency(table('مبلغ (ریال)', ['12 تومان']), 1)).toBeNull();
    expect(detectCurrency(table('Amount', [5, 7]), 1)).toBeNull();
    expect(detectCurrency(table('Amount (€)', [5]), undefined)).toBeNull();
  });

  test(`only the first ${CURRENCY_SAMPLE_ROWS} rows are read`, () => {
    const cells: Cell[] = Array.from({ length: CURRENCY_SAMPLE_ROWS }, () => '$1');
    expect(detectCurrency(table('Amount', [...cells, '€1']), 1)).toBe('USD');
  });

  test('currencyOfTexts: the same rule over any texts', () => {
    expect(currencyOfTexts(['Revenue', '£3', '£4'])).toBe('GBP');
  });
});

describe('analyze() records the currency', () => {
  const rows: Cell[][] = [['a', '2024-01-05', '1,000 ریال'], ['b', '2024-02-01', '2,500 ریال'], ['a', '2024-03-01', '500 ریال']];

  test('a rial file: IRR', () => {
    expect(analyze({ header: ['customer', 'date', 'amount'], rows }, { model: 'off', clusters: 'off' }).currency).toBe('IRR');
  });

  test('a file that names no currency: none recorded', () => {
    const plain = rows.map(([c, d]) => [c, d, 10]);
    expect(analyze({ header: ['customer', 'date', 'amount'], rows: plain }, { model: 'off', clusters: 'off' }).currency).toBeUndefined();
  });
});

describe('choosing and converting', () => {
  test('the user\'s choice wins; rial ↔ toman converts, other pairs only name the unit', () => {
    expect(chooseCurrency('IRR', undefined)).toEqual({ currency: 'IRR', factor: 1 });
    expect(chooseCurrency(null, undefined)).toEqual({ currency: null, factor: 1 });
    expect(chooseCurrency('IRR', 'IRT')).toEqual({ currency: 'IRT', factor: 0.1 });
    expect(chooseCurrency('IRT', 'IRR')).toEqual({ currency: 'IRR', factor: 10 });
    expect(chooseCurrency('USD', 'IRT')).toEqual({ currency: 'IRT', factor: 1 });
    expect(chooseCurrency(null, 'EUR')).toEqual({ currency: 'EUR', factor: 1 });
    expect(chooseCurrency('IRR', 'none')).toEqual({ currency: null, factor: 1 });
  });

  // a: 1,000 + 505 rials; b: 2,500 rials (hand sums).
  const rows: Cell[][] = [['a', '2024-01-05', '1,000 ریال'], ['b', '2024-02-01', '2,500 ریال'], ['a', '2024-03-01', '505 ریال']];
  const run = (currency?: 'IRT' | 'IRR' | 'none') =>
    analyze({ header: ['customer', 'date', 'amount'], rows }, { model: 'off', clusters: 'off', ...(currency ? { currency } : {}) });
  const revenueOf = (a: ReturnType<typeof run>, id: string) => a.customers.find((c) => c.id === id)?.revenue;

  test('rials asked for in tomans: every amount divided by 10', () => {
    const tomans = run('IRT');
    expect(tomans.currency).toBe('IRT');
    expect(revenueOf(tomans, 'a')).toBe(150.5);
    expect(revenueOf(tomans, 'b')).toBe(250);
    expect(tomans.totals.revenue).toBe(400.5);
  });

  test('rials asked for in rials, or with no unit: amounts as they are', () => {
    expect(revenueOf(run('IRR'), 'a')).toBe(1505);
    const none = run('none');
    expect(none.currency).toBeUndefined();
    expect(revenueOf(none, 'a')).toBe(1505);
  });
});
