/**
 * The per-row rules (zero amounts, the analysis window) on hand-built cases: every expected value
 * is worked out by hand from the rows written here.
 */
import { analyze, analyzeTransactions } from '../../src/engine/analyze';
import { buildHistories } from '../../src/engine/clv/summary';
import { formatIsoDate } from '../../src/engine/dates';
import { normalizeTransactions } from '../../src/engine/parse';
import { classifyAmount, classifyTransaction, todayDayNumber, windowReason } from '../../src/engine/rowRules';
import type { Analysis, Cell, InputTable } from '../../src/engine/types';
import { InputError } from '../../src/engine/types';

const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
const table = (rows: Cell[][], header = ['customer', 'date', 'amount']): InputTable => ({ header, rows });
const quiet = { clusters: 'off', model: 'off' } as const;
const byId = (a: Analysis, id: string) => a.customers.find((c) => c.id === id);

describe('classifyAmount / classifyTransaction', () => {
  test.each([
    [5, undefined, 'purchase', 'purchase'],
    [-5, undefined, 'return', 'return'],
    [0, undefined, 'purchase', 'zero-amount'],
    [0, 3, 'purchase', 'zero-amount'],
    [0, -2, 'return', 'return'],
    [-0, -1, 'return', 'return'],
  ] as const)('amount %p, quantity %p: %s by default, %s when zero amounts are skipped', (amount, quantity, byDefault, skipping) => {
    expect(classifyAmount(amount, quantity)).toBe(byDefault);
    expect(classifyAmount(amount, quantity, 'skip')).toBe(skipping);
  });

  test('the window: on or after the analysis date, or after today when there is none', () => {
    expect(windowReason(9, { analysisDate: 10, today: 5 })).toBeUndefined();
    expect(windowReason(10, { analysisDate: 10, today: 50 })).toBe('after-analysis-date');
    // a given analysis date decides alone: a row after today but before it is used
    expect(windowReason(20, { analysisDate: 30, today: 10 })).toBeUndefined();
    expect(windowReason(10, { today: 10 })).toBeUndefined();
    expect(windowReason(11, { today: 10 })).toBe('future-date');
    expect(classifyTransaction(0, 1, 11, { today: 10 })).toBe('future-date');
    expect(classifyTransaction(0, 1, 9, { today: 10 })).toBe('purchase');
  });

  test("today is the local calendar day of the moment", () => {
    expect(formatIsoDate(todayDayNumber(new Date(2026, 11, 3, 23, 59)))).toBe('2026-12-03');
    expect(formatIsoDate(todayDayNumber(new Date(2024, 1, 29, 0, 0)))).toBe('2024-02-29');
  });
});

describe('zero amounts are purchases unless the quantity is negative', () => {
  // A: 10 on 01-01, 0 on 01-05 (a free item), 20 on 01-09. B: only a 0 line on 01-03.
  // C: 30 on 01-02 and a zero-amount line with quantity -1 (a return) on 01-08.
  const rows: Cell[][] = [
    ['A', '2020-01-01', 10, 1], ['A', '2020-01-05', 0, 1], ['A', '2020-01-09', 20, 2],
    ['B', '2020-01-03', 0, 1],
    ['C', '2020-01-02', 30, 1], ['C', '2020-01-08', 0, -1],
  ];
  const input = table(rows, ['customer', 'date', 'amount', 'qty']);
  const opts = { ...quiet, analysisDate: day('2020-01-11') };

  test('frequency, first and last purchase, length and monetary count the free item', () => {
    const a = analyze(input, opts);
    expect(a.customers.map((c) => c.id)).toEqual(['A', 'B', 'C']);
    expect(byId(a, 'A')).toMatchObject({ frequency: 3, revenue: 30, firstPurchase: day('2020-01-01'), lastPurchase: day('2020-01-09'), recencyDays: 2, lengthDays: 10 });
    expect(byId(a, 'B')).toMatchObject({ frequency: 1, revenue: 0, monetary: 0, firstPurchase: day('2020-01-03'), recencyDays: 8 });
    // C's zero line is a return: not a purchase, so C's last purchase stays 01-02
    expect(byId(a, 'C')).toMatchObject({ frequency: 1, revenue: 30, lastPurchase: day('2020-01-02'), recencyDays: 9 });
    expect(a.settings.zeroAmounts).toBe('purchase');
    expect(a.skipped.total).toBe(0);
    expect(a.totals.transactionsUsed).toBe(6);
  });

  test('--zero-amounts skip: the two zero purchases are skipped, the zero return is still a return', () => {
    const a = analyze(input, { ...opts, zeroAmounts: 'skip' });
    expect(a.customers.map((c) => c.id)).toEqual(['A', 'C']);
    expect(byId(a, 'A')).toMatchObject({ frequency: 2, lastPurchase: day('2020-01-09') });
    expect(a.skipped.byReason).toEqual({ 'zero-amount': 2 });
    expect(a.skipped.examples.map((e) => e.rowNumber)).toEqual([3, 5]);
    expect(a.totals.transactionsUsed).toBe(4);
  });

  test('a customer whose only line is a zero-amount return is a returns-only customer', () => {
    const a = analyze(table([['A', '2020-01-01', 5, 1], ['Z', '2020-01-02', 0, -3]], ['customer', 'date', 'amount', 'qty']), quiet);
    expect(a.customers.map((c) => c.id)).toEqual(['A']);
    expect(a.skipped.returnsOnlyCustomers).toEqual({ count: 1, examples: ['Z'] });
  });

  test('the purchase model histories count the free item as a purchase day', () => {
    // A buys on 01-01, 01-05 (free) and 01-09: x = 2 repeat days, t_x = 8 days, T = 01-10 − 01-01 = 9 days;
    // B's free item makes B a one-time buyer (x = 0); C's zero return is not a purchase day (x = 0)
    const h = buildHistories(normalizeTransactions(input, { customer: 0, date: 1, amount: 2, quantity: 3 }).transactions, day('2020-01-10'));
    const of = (id: string) => h.ids.indexOf(id);
    expect([h.x[of('A')], h.recencyDays[of('A')], h.ageDays[of('A')]]).toEqual([2, 8, 9]);
    expect([h.x[of('B')], h.meanDaySpend[of('B')]]).toEqual([0, 0]);
    expect([h.x[of('C')], h.revenue[of('C')]]).toEqual([0, 30]);
    const skipped = buildHistories(normalizeTransactions(input, { customer: 0, date: 1, amount: 2, quantity: 3 }, { zeroAmounts: 'skip' }).transactions, day('2020-01-10'));
    expect(skipped.ids).toEqual(['A', 'C']);
    expect(skipped.x[0]).toBe(1);
  });
});

describe('one analysis window for every part', () => {
  // P: 2020-01-02 (10), 2020-01-06 (20), 2020-01-10 (40, on the analysis date), 2020-01-12 (80)
  // Q: 2020-01-04 (5), 2020-01-11 (7). R: only 2020-01-15 (9).
  const rows: Cell[][] = [
    ['P', '2020-01-02', 10], ['P', '2020-01-06', 20], ['P', '2020-01-10', 40], ['P', '2020-01-12', 80],
    ['Q', '2020-01-04', 5], ['Q', '2020-01-11', 7], ['R', '2020-01-15', 9],
  ];
  const analysisDate = day('2020-01-10');

  test('rows on or after the analysis date are not used: R/F/M/L as the earlier rows give them', () => {
    const a = analyze(table(rows), { ...quiet, analysisDate });
    expect(a.customers.map((c) => c.id)).toEqual(['P', 'Q']);
    expect(byId(a, 'P')).toMatchObject({ frequency: 2, revenue: 30, recencyDays: 4, lengthDays: 8, lastPurchase: day('2020-01-06') });
    expect(byId(a, 'Q')).toMatchObject({ frequency: 1, revenue: 5, recencyDays: 6, lengthDays: 6 });
    expect(a.customers.every((c) => c.recencyDays > 0)).toBe(true);
    expect(a.totals).toMatchObject({ customers: 2, transactionsUsed: 3, revenue: 35, lastDay: day('2020-01-06') });
    expect(a.skipped.byReason).toEqual({ 'after-analysis-date': 4 });
    expect(a.skipped.examples.map((e) => [e.rowNumber, e.reason])).toEqual([[4, 'after-analysis-date'], [5, 'after-analysis-date'], [7, 'after-analysis-date'], [8, 'after-analysis-date']]);
    expect(a.skipped.examples[0].detail).toBe('dated 2020-01-10, on or after the analysis date 2020-01-10');
    expect(a.notes?.map((n) => n.text)).toContain('4 row(s) dated on or after the analysis date 2020-01-10 were not used by any part of the analysis (first: row 4).');
  });

  test('the window rows stay among the skipped examples when earlier skips fill the ten', () => {
    const bad: Cell[][] = Array.from({ length: 12 }, (_, i) => [`b${i}`, 'not a date', 1]);
    const a = analyze(table([...bad, ...rows]), { ...quiet, analysisDate });
    expect(a.skipped.byReason).toEqual({ 'bad-date': 12, 'after-analysis-date': 4 });
    // rows 2-13 are bad dates; the window's first rows are 16, 17 and 19 (P on 01-10 and 01-12, Q on 01-11)
    expect(a.skipped.examples.map((e) => e.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 16, 17, 19]);
  });

  test('the same through the formulas\' entry point (normalised rows)', () => {
    const ts = rows.map(([c, d, v], i) => ({ customerId: String(c), day: day(String(d)), amount: Number(v), rowNumber: i + 2 }));
    const a = analyzeTransactions(ts, { ...quiet, analysisDate });
    expect(a.customers.map((c) => [c.id, c.frequency, c.revenue])).toEqual([['P', 2, 30], ['Q', 1, 5]]);
    expect(a.skipped.byReason).toEqual({ 'after-analysis-date': 4 });
  });

  test('an analysis date on or before the first purchase is an input error naming it', () => {
    for (const iso of ['2020-01-02', '2019-06-01']) {
      let error: unknown;
      try {
        analyze(table(rows), { ...quiet, analysisDate: day(iso) });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).key).toBe('engine.error.analysisDateBeforeData');
      expect((error as InputError).message).toBe(`The analysis date ${iso} is on or before the first purchase (2020-01-02): no purchase comes before it. Choose a later analysis date.`);
    }
    // the day after the first purchase is fine: P's first line alone
    expect(analyze(table(rows), { ...quiet, analysisDate: day('2020-01-03') }).customers.map((c) => c.id)).toEqual(['P']);
  });

  test('with no analysis date, rows after today are skipped and the default date is the day after the latest remaining row', () => {
    const withPlaceholder = [...rows, ['Q', '9999-12-31', 1000], ['S', '2021-03-01', 3]];
    const a = analyze(table(withPlaceholder), { ...quiet, today: day('2020-01-20') });
    expect(a.settings.analysisDate).toBe(day('2020-01-16'));
    expect(a.customers.map((c) => c.id)).toEqual(['P', 'Q', 'R']);
    expect(byId(a, 'Q')).toMatchObject({ frequency: 2, revenue: 12, recencyDays: 5 });
    expect(a.skipped.byReason).toEqual({ 'future-date': 2 });
    expect(a.skipped.examples.map((e) => e.rowNumber)).toEqual([9, 10]);
    expect(a.notes?.map((n) => n.key)).toContain('input.note.futureDate');
    // a later today takes the 2021 row in; the placeholder stays out
    const later = analyze(table(withPlaceholder), { ...quiet, today: day('2026-12-03') });
    expect(later.settings.analysisDate).toBe(day('2021-03-02'));
    expect(later.skipped.byReason).toEqual({ 'future-date': 1 });
    // a row dated today is used
    expect(analyze(table(rows), { ...quiet, today: day('2020-01-15') }).skipped.total).toBe(0);
  });

  test('customer-level rows whose last purchase is on or after the analysis date are skipped', () => {
    const input = table([['a', '2020-01-05', 2, 50], ['b', '2020-01-12', 1, 10], ['c', '2020-01-09', 3, 30]], ['customer', 'last purchase', 'orders', 'revenue']);
    const a = analyze(input, { ...quiet, inputKind: 'customers', analysisDate });
    expect(a.customers.map((c) => [c.id, c.recencyDays])).toEqual([['a', 5], ['c', 1]]);
    expect(a.skipped.byReason).toEqual({ 'after-analysis-date': 1 });
  });
});
