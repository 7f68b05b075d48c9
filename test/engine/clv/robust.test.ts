/**
 * Properties of the predictions stage on arbitrary small inputs: it never throws, never emits
 * NaN, and every churn status agrees with P(alive) and the thresholds.
 */
import fc from 'fast-check';
import { analyzeTransactions } from '../../../src/engine/analyze';
import { InputError, type Transaction } from '../../../src/engine/types';

const line = fc.record({
  customer: fc.integer({ min: 0, max: 30 }),
  day: fc.integer({ min: 0, max: 400 }),
  amount: fc.oneof({ arbitrary: fc.double({ min: 0.01, max: 500, noNaN: true }), weight: 5 }, { arbitrary: fc.double({ min: -100, max: -0.01, noNaN: true }), weight: 1 }),
});

/** The documented rule (docs/cli.md, --churn-thresholds): P(a purchase in the horizon) ≥ A Active, < C Churned, between At risk. */
function documentedStatus(pPurchase: number, t: { active: number; churned: number }): string {
  if (pPurchase >= t.active) return 'Active';
  return pPurchase < t.churned ? 'Churned' : 'At risk';
}

describe('predictions on arbitrary transactions', () => {
  it('never throw, never give NaN, and classify churn by the thresholds', () => {
    let fitted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 200, size: 'max' }), fc.constantFrom('weeks', 'days', 'months'), fc.constantFrom('bgnbd', 'mbgnbd', 'paretonbd', 'auto'), (lines, timeUnit, model) => {
        const transactions: Transaction[] = lines.map((l, i) => ({ customerId: `c${l.customer}`, day: 20000 + l.day, amount: l.amount, rowNumber: i + 2 }));
        let analysis;
        try {
          analysis = analyzeTransactions(transactions, { timeUnit: timeUnit as 'weeks', model: model as 'bgnbd' });
        } catch (error) {
          if (error instanceof InputError) return; // the core's own refusal (e.g. only returns)
          throw error;
        }
        const clv = analysis.clv;
        expect(clv).toBeDefined();
        if (clv?.status === 'ok') fitted++;
        for (const c of analysis.customers) {
          for (const v of [c.pAlive, c.expectedPurchases30d, c.expectedPurchases90d, c.expectedAverageSpend, c.clv, c.pNoPurchase, c.expectedNextPurchase]) {
            expect(v === null || v === undefined || Number.isFinite(v)).toBe(true);
          }
          if (clv?.status === 'ok' && c.pNoPurchase != null) {
            expect(c.pNoPurchase).toBeGreaterThanOrEqual(0);
            expect(c.pNoPurchase).toBeLessThanOrEqual(1);
            expect(c.churnStatus).toBe(documentedStatus(1 - c.pNoPurchase, clv.churn.thresholds));
            expect(c.churnReason?.text).toMatch(/^bought /);
          }
        }
      }),
      { numRuns: 40, seed: 5 },
    );
    expect(fitted).toBeGreaterThan(10); // the property exercised fitted models, not only skips
  });
});
