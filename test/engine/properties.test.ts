/** Properties of the whole pipeline on random data (fast-check). */
import fc from 'fast-check';
import { analyzeCustomers, analyzeTransactions } from '../../src/engine/analyze';
import type { AnalysisOptions, CustomerInput, CustomerResult } from '../../src/engine/types';

const transaction = fc.record({
  customerId: fc.constantFrom('7', '10', '0042', 'ann', 'Bob', 'bob', 'زهرا', 'x y'),
  day: fc.integer({ min: 18_000, max: 18_400 }),
  // money in cents, returns included; zero amounts are skipped before the engine
  amount: fc.integer({ min: -5_000, max: 50_000 }).filter((c) => c !== 0).map((c) => c / 100),
  orderId: fc.option(fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5'), { nil: undefined }),
  rowNumber: fc.nat(),
});
/** Transactions with at least one purchase. */
const transactions = fc
  .array(transaction, { minLength: 1, maxLength: 60 })
  .filter((ts) => ts.some((t) => t.amount > 0))
  .map((ts) => ts.map((t, i) => ({ ...t, rowNumber: i + 2 })));
/** The core stages only (clusters and CLV have their own tests). */
const options: fc.Arbitrary<AnalysisOptions> = fc.record({
  model: fc.constant('off' as const),
  clusters: fc.constant('off' as const),
  bins: fc.integer({ min: 2, max: 10 }),
  split: fc.constantFrom('mean' as const, 'median' as const, 'score' as const),
  monetaryBasis: fc.constantFrom('total' as const, 'average' as const),
});

const withPermutation = <T>(items: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> =>
  items.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));

test('row order never changes any output (transactions)', () => {
  fc.assert(
    fc.property(withPermutation(transactions), options, ([rows, shuffled], opts) => {
      expect(analyzeTransactions(shuffled, opts)).toEqual(analyzeTransactions(rows, opts));
    }),
  );
});

test('row order never changes any output (customer-level input)', () => {
  const input = fc
    .uniqueArray(
      fc.record({
        customerId: fc.string({ minLength: 1, maxLength: 4 }),
        recencyDays: fc.integer({ min: 0, max: 900 }),
        frequency: fc.integer({ min: 1, max: 30 }),
        monetary: fc.integer({ min: 0, max: 1e6 }).map((c) => c / 100),
        rowNumber: fc.constant(0),
      }),
      { selector: (r) => r.customerId, minLength: 1, maxLength: 40 },
    )
    .map((rs): CustomerInput[] => rs.map((r, i) => ({ ...r, rowNumber: i + 2 })));
  fc.assert(
    fc.property(withPermutation(input), options, ([rows, shuffled], opts) => {
      expect(analyzeCustomers(shuffled, opts)).toEqual(analyzeCustomers(rows, opts));
    }),
  );
});

/** Checks a score is a monotone function of its metric: equal → equal, more → not lower (or not higher). */
function monotone(customers: CustomerResult[], metric: (c: CustomerResult) => number, score: (c: CustomerResult) => number, down = false): void {
  for (const a of customers) {
    for (const b of customers) {
      if (metric(a) === metric(b)) expect(score(a)).toBe(score(b));
      if (metric(a) > metric(b)) expect(down ? score(a) <= score(b) : score(a) >= score(b)).toBe(true);
    }
  }
}

test('equal metrics get equal scores; more spend never a lower M (more days never a higher R)', () => {
  fc.assert(
    fc.property(transactions, options, (rows, opts) => {
      const { customers } = analyzeTransactions(rows, opts);
      monotone(customers, (c) => c.monetary, (c) => c.monetaryScore);
      monotone(customers, (c) => c.frequency, (c) => c.frequencyScore);
      monotone(customers, (c) => c.lengthDays!, (c) => c.lengthScore!);
      monotone(customers, (c) => c.recencyDays, (c) => c.recencyScore, true);
    }),
  );
});

test('revenue totals are preserved: customers + returns-only customers = all amounts', () => {
  fc.assert(
    fc.property(transactions, (rows) => {
      const a = analyzeTransactions(rows, { model: 'off', clusters: 'off' });
      const scored = new Set(a.customers.map((c) => c.id));
      const all = rows.reduce((s, t) => s + t.amount, 0);
      const returnsOnly = rows.filter((t) => !scored.has(t.customerId)).reduce((s, t) => s + t.amount, 0);
      const bySegment = a.segments.reduce((s, x) => s + x.revenue, 0);
      expect(a.totals.revenue).toBeCloseTo(all - returnsOnly, 6);
      expect(bySegment).toBeCloseTo(a.totals.revenue, 6);
      expect(a.valueQuadrants.reduce((s, q) => s + q.customers, 0)).toBe(a.customers.length);
      expect(a.grid.count.flat().reduce((s, n) => s + n, 0)).toBe(a.customers.length);
      expect(a.totals.orders).toBe(a.customers.reduce((s, c) => s + c.frequency, 0));
    }),
  );
});
