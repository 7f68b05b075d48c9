import { analyze, analyzeCustomers, analyzePrepared, analyzeTransactions, readRows } from '../../src/engine/analyze';
import { prepareInput } from '../../src/engine/input';
import { InputError, type SegmentRule, type Transaction } from '../../src/engine/types';

let row = 1;
const tx = (customerId: string, day: number, amount: number, orderId?: string): Transaction => ({ customerId, day, amount, orderId, rowNumber: ++row });

// Five customers with recency 1..5 days (analysis date 100), frequency 5..1, revenue 10..50.
const data: Transaction[] = [];
['e', 'd', 'c', 'b', 'a'].forEach((id, k) => {
  const frequency = 5 - k;
  for (let o = 0; o < frequency; o++) data.push(tx(id, 99 - k - o, 0, `${id}${o}`));
});
for (const t of data) t.amount = 1;
data.push(tx('a', 10, 5), tx('b', 10, 17), tx('c', 10, 27), tx('d', 10, 38), tx('e', 10, 45)); // revenue 6, 19, 30, 42, 50
data.push(tx('z', 50, -3)); // returns only

describe('analyzeTransactions end to end', () => {
  const analysis = analyzeTransactions(data, { analysisDate: 100 });

  test('customers sorted by id, returns-only customer reported', () => {
    expect(analysis.customers.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(analysis.skipped.returnsOnlyCustomers).toEqual({ count: 1, examples: ['z'] });
  });

  test("scores by R's rule (cuts = quantile + 1), codes and segments, hand-computed", () => {
    // a..e: recency 5..1 days, frequency 2..6 (the unnumbered rows are orders too), revenue 6, 19, 30, 42, 50.
    // Recency/frequency cuts on five consecutive values v1..v5: v1 + 1.8, 2.6, 3.4, 4.2 → scores 1,1,2,3,4.
    // Monetary cuts: 17.4, 26.6, 35.8, 44.6 → 1..5. Length is 90 days for all → score 1.
    expect(analysis.customers.map((c) => [c.recencyDays, c.frequency, c.revenue])).toEqual([
      [5, 2, 6],
      [4, 3, 19],
      [3, 4, 30],
      [2, 5, 42],
      [1, 6, 50],
    ]);
    expect(analysis.customers.map((c) => c.rfmCode)).toEqual([211, 312, 423, 534, 545]);
    expect(analysis.customers.map((c) => c.segment)).toEqual(['About To Sleep', 'About To Sleep', 'Loyal Customers', 'Potential Loyalist', 'Potential Loyalist']);
    expect(analysis.customers.map((c) => c.lengthScore)).toEqual([1, 1, 1, 1, 1]);
  });

  test('settings record the defaults used', () => {
    expect(analysis.settings).toMatchObject({ inputKind: 'transactions', analysisDate: 100, bins: 5, scoring: 'quantile', monetaryBasis: 'total', split: 'mean', columns: [] });
    expect(analysis.settings.segmentRules).toHaveLength(10);
  });

  test('totals, segments with Others last, grid, value quadrants (F mean 4, M mean 29.4)', () => {
    expect(analysis.totals).toEqual({ customers: 5, transactionsUsed: 20, orders: 20, revenue: 147, firstDay: 10, lastDay: 99 });
    expect(analysis.segments.map((s) => s.segment).at(-1)).toBe('Others');
    const cells = [[1, 0], [2, 0], [3, 1], [4, 2], [4, 3]];
    expect(analysis.grid.count.flatMap((r, i) => r.flatMap((n, j) => (n ? [[i, j, n]] : [])))).toEqual(cells.map(([i, j]) => [i, j, 1]));
    expect(analysis.valueQuadrants.map((q) => [q.quadrant, q.customers])).toEqual([
      ['Best', 2],
      ['High-spending', 1],
      ['Frequent', 0],
      ['Uncertain', 2],
    ]);
    expect(analysis.loyaltyQuadrants).toHaveLength(4);
  });

  test('progress is reported in order up to 1: several steps, each within 0..1, never going back', () => {
    const seen: number[] = [];
    analyzeTransactions(data, {}, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]).toBeLessThan(1);
    for (let i = 0; i < seen.length; i++) {
      expect(seen[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : seen[i - 1]);
      expect(seen[i]).toBeLessThanOrEqual(1);
    }
    expect(seen.at(-1)).toBe(1);
  });

  test('one customer, one row', () => {
    const one = analyzeTransactions([tx('solo', 3, 9.5)]);
    expect(one.customers[0]).toMatchObject({ recencyDays: 1, lengthDays: 1, frequency: 1, revenue: 9.5, rfmCode: 511, segment: 'New Customers' });
  });
});

describe('customer-level input', () => {
  test('no L, no loyalty matrix, numeric ids in numeric order (2 bins: cuts 17.5 days, 2.5 orders, 13.5)', () => {
    const a = analyzeCustomers(
      [
        { customerId: '10', recencyDays: 3, frequency: 2, monetary: 20, rowNumber: 2 },
        { customerId: '9', recencyDays: 30, frequency: 1, monetary: 5, rowNumber: 3 },
      ],
      { bins: 2 },
    );
    expect(a.customers.map((c) => [c.id, c.lengthScore, c.loyaltyQuadrant, c.rfmCode])).toEqual([
      ['9', null, null, 111],
      ['10', null, null, 212],
    ]);
    expect(a.loyaltyQuadrants).toEqual([]);
    expect(a.splits.lengthDays).toBeNull();
    expect(a.settings.inputKind).toBe('customers');
  });
});

describe('unusable input → InputError with one line', () => {
  const rule: SegmentRule = { name: 'X', recency: [3, 1], frequency: [1, 5], monetary: [1, 5], actionEn: '', actionFa: '' };
  test.each([
    ['no rows', () => analyzeTransactions([]), /No usable transactions/],
    ['only returns', () => analyzeTransactions([tx('a', 1, -5)]), /No customer has a purchase to analyse \(customers with only returns: 1\)/],
    ['no customer rows', () => analyzeCustomers([]), /No usable customer rows/],
    ['bins 11', () => analyzeTransactions(data, { bins: 11 }), /Bins must be a whole number from 2 to 10; got 11/],
    ['bad thresholds', () => analyzeTransactions(data, { scoring: 'thresholds', thresholds: { recency: [5, 1, 2, 3] } }), /recency: cut points must increase/],
    ['bad rules', () => analyzeTransactions(data, { segmentRules: [rule] }), /Rule 1 \(X\): recency: lower score 3 is above upper score 1/],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
});

describe('analyze: raw table → detection → normalisation → pipeline', () => {
  const table = {
    header: ['Customer', 'Date', 'Amount', 'Invoice'],
    rows: [
      ['b', '2024-01-10', '20', 'i1'],
      ['a', '2024-01-05', '$1,000.50', 'i2'],
      ['a', '2024-01-07', '-0.50', 'i3'],
      ['c', 'not a date', '5', 'i4'],
      ['d', '2024-01-02', '-9', 'i5'],
    ],
  };

  test('columns detected, rows normalised, skipped rows and returns-only customers reported', () => {
    const a = analyze(table);
    expect(a.settings.columns.map((c) => [c.role, c.index])).toEqual([
      ['customer', 0],
      ['date', 1],
      ['amount', 2],
      ['order', 3],
    ]);
    expect(a.customers.map((c) => [c.id, c.revenue, c.frequency, c.recencyDays])).toEqual([
      ['a', 1000, 1, 6],
      ['b', 20, 1, 1],
    ]);
    expect(a.skipped.total).toBe(1);
    expect(a.skipped.examples[0].rowNumber).toBe(5);
    expect(a.skipped.returnsOnlyCustomers).toEqual({ count: 1, examples: ['d'] });
  });

  test('progress starts at 0 and ends at 1', () => {
    const seen: string[] = [];
    analyze(table, {}, (f, stage) => seen.push(`${f}:${stage}`));
    expect(seen[0]).toBe('0:reading');
    expect(seen.at(-1)).toBe('1:done');
  });

  test('customer-level table detected from its headers', () => {
    const a = analyze({ header: ['customer_id', 'recency_days', 'number_of_orders', 'revenue'], rows: [['x', '3', '2', '10']] });
    expect(a.settings.inputKind).toBe('customers');
    expect(a.customers[0]).toMatchObject({ id: 'x', recencyDays: 3, frequency: 2, revenue: 10, lengthDays: null });
  });

  test.each([
    ['a header only', { header: ['customer', 'date', 'amount'], rows: [] }, 'No usable transactions: the input has no data rows.'],
    [
      'every row unusable',
      { header: ['customer', 'date', 'amount'], rows: [['a', 'x', '1'], ['b', 'y', '2']] },
      /^No usable transactions: all 2 rows were skipped \(first: row 2, .*\)\.$/,
    ],
  ])('%s → InputError', (_, t, message) => {
    expect(() => analyze(t)).toThrow(InputError);
    expect(() => analyze(t)).toThrow(message);
  });
});

describe('options reach the stages and the settings', () => {
  test('thresholds, split, basis and bins are applied and recorded', () => {
    const opts = { bins: 3, scoring: 'thresholds' as const, thresholds: { recency: [2, 4] }, split: 'median' as const, monetaryBasis: 'average' as const };
    const a = analyzeTransactions(data, { ...opts, analysisDate: 100 });
    expect(a.settings).toMatchObject(opts);
    // recency 5,4,3,2,1 days against cuts 2 and 4 (reversed): 1, 1, 2, 2, 3
    expect(a.customers.map((c) => c.recencyScore)).toEqual([1, 1, 2, 2, 3]);
    // monetary = average order value: 6/2, 19/3, 30/4, 42/5, 50/6
    expect(a.customers.map((c) => c.monetary)).toEqual([3, 19 / 3, 7.5, 8.4, 50 / 6]);
    expect(a.grid.bins).toBe(3);
    // medians by hand: frequency 2..6 → 4; recency (its cuts given, so not sorted for scoring) 1..5 → 3;
    // monetary 3, 19/3, 7.5, 50/6, 8.4 → 7.5; length 90 for all
    expect(a.splits).toEqual({ frequency: 4, recencyDays: 3, monetary: 7.5, lengthDays: 90 });
  });
});

describe('analyzePrepared', () => {
  test('the prepared input gives what analyze gives of the table, with the same progress after reading', () => {
    const table = { header: ['customer', 'date', 'amount'], rows: [['a', '2024-01-01', 10], ['b', '2024-01-03', 30], ['a', '2024-01-06', 20], ['c', 'someday', 5]] };
    const options = { analysisDate: 19_730 };
    const stages: string[][] = [[], []];
    const whole = analyze(table, options, (_, stage) => stages[0].push(stage));
    const input = prepareInput(table, options);
    const split = analyzePrepared(input, options, (_, stage) => stages[1].push(stage));
    expect(split).toEqual(whole);
    // analyze reports 'reading' before it reads; the rest is analyzePrepared's
    expect(['reading', ...stages[1]]).toEqual(stages[0]);
    // a: days 19723 and 19728 (7 and 2 days before the analysis date), b: day 19725; row 5 is skipped
    expect(split.customers.map((c) => [c.id, c.recencyDays, c.frequency])).toEqual([['a', 2, 2], ['b', 5, 1]]);
    expect(split.skipped.total).toBe(1);
  });

  test('readRows says it is reading, and refuses bad options before it reads a row', () => {
    const stages: string[] = [];
    const input = readRows({ header: ['customer', 'date', 'amount'], rows: [['a', '2024-01-01', 10]] }, {}, (_, stage) => stages.push(stage));
    expect(stages).toEqual(['reading']);
    expect(input.kind === 'transactions' ? input.transactions.length : -1).toBe(1);
    // a row getter that throws shows whether any row was read
    const rows = new Proxy([], { get: () => { throw new Error('a row was read'); } });
    expect(() => readRows({ header: ['customer', 'date', 'amount'], rows }, { bins: 1 })).toThrow(InputError);
  });
});
