/**
 * The streaming per-customer-day ledger (engine/dayLedger.ts): its hash table must find every
 * (customer, day) again however many there are and in whatever order they come, and hand the
 * models each customer's days in ascending order with the same day sums a plain count in the test makes.
 */
import { DayLedger } from '../../src/engine/dayLedger';
import { buildHistories } from '../../src/engine/clv/summary';
import { isPurchase } from '../../src/engine/rowRules';
import type { Transaction } from '../../src/engine/types';

/** A small deterministic generator (LCG). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('DayLedger', () => {
  it('sums 200,000 lines over 3,000 customers into the same customer-days a Map count gives, through many table growths', () => {
    const next = lcg(7);
    const ids = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    const ledger = new DayLedger();
    const expected = new Map<string, { net: number; purchase: boolean; ret: boolean }>();
    for (let i = 0; i < 200_000; i++) {
      const customer = Math.floor(next() * ids.length);
      // negative days too (before 1970), and a wide range
      const day = Math.floor(next() * 4000) - 1000;
      const amount = next() < 0.1 ? -Math.round(next() * 50) : Math.round(next() * 100);
      const t: Transaction = { customerId: ids[customer], day, amount, rowNumber: i + 2 };
      ledger.add(t, amount >= 0, customer);
      const key = `${customer}|${day}`;
      const e = expected.get(key) ?? { net: 0, purchase: false, ret: false };
      e.net += amount;
      if (amount >= 0) e.purchase = true;
      else e.ret = true;
      expected.set(key, e);
    }
    expect(ledger.overflowed).toBe(false);
    const got = new Map<string, { net: number; purchase: boolean; ret: boolean }>();
    const days = ledger.dayColumns(ids);
    const unsorted: string[] = [];
    for (let c = 0; c < ids.length; c++) {
      for (let d = days.offsets[c]; d < days.offsets[c + 1]; d++) {
        if (d > days.offsets[c] && days.day[d] <= days.day[d - 1]) unsorted.push(ids[c]);
        got.set(`${c}|${days.day[d]}`, { net: days.net[d], purchase: days.bought[d] === 1, ret: days.returned[d] === 1 });
      }
    }
    expect(unsorted).toEqual([]);
    expect(days.rows).toBe(expected.size);
    expect(got.size).toBe(expected.size);
    const differing = [...expected].filter(([key, e]) => {
      const g = got.get(key);
      return !g || g.net !== e.net || g.purchase !== e.purchase || g.ret !== e.ret;
    });
    expect(differing).toEqual([]);
  });

  it('gives the purchase models the same histories as the lines themselves, to the last bit, in any window', () => {
    const next = lcg(23);
    for (let trial = 0; trial < 40; trial++) {
      const ids: string[] = [];
      const slotOf = new Map<string, number>();
      const lines: Transaction[] = [];
      const ledger = new DayLedger();
      for (let i = 0; i < 400; i++) {
        const id = `c${Math.floor(next() * 30)}`;
        if (!slotOf.has(id)) {
          slotOf.set(id, ids.length);
          ids.push(id);
        }
        const day = Math.floor(next() * 60);
        const kind = next();
        // purchases with cents, returns, free items, zero-amount returns (negative quantity), some with a cost
        const amount = kind < 0.15 ? -Math.round(next() * 5000) / 100 : kind < 0.2 ? 0 : Math.round(next() * 9000) / 100;
        const t: Transaction = { customerId: id, day, amount, rowNumber: i + 2 };
        if (kind >= 0.15 && kind < 0.18) t.isReturn = true;
        if (next() < 0.3) t.cost = Math.round(next() * 3000) / 100;
        lines.push(t);
        ledger.add(t, isPurchase(t), slotOf.get(id) as number);
      }
      const columns = ledger.dayColumns(ids);
      for (const [end, start] of [[59, -Infinity], [40, -Infinity], [59, 41], [20, 5]]) {
        expect(buildHistories(columns, end, start)).toEqual(buildHistories(lines, end, start));
      }
    }
  });

  it('stops, unusable, at a day that is not a whole number', () => {
    const ledger = new DayLedger();
    ledger.add({ customerId: 'a', day: 1.5, amount: 1, rowNumber: 2 }, true, 0);
    expect(ledger.overflowed).toBe(true);
  });
});
