/**
 * The streaming per-customer-day ledger (engine/dayLedger.ts): its hash table must find every
 * (customer, day) again however many there are and in whatever order they come, and hand the
 * models the same day sums a plain count in the test makes.
 */
import { DayLedger } from '../../src/engine/dayLedger';
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
    const slotOf = new Map(ids.map((id, i) => [id, i]));
    for (const line of ledger.lines(ids)) {
      const key = `${slotOf.get(line.customerId)}|${line.day}`;
      const e = got.get(key) ?? { net: 0, purchase: false, ret: false };
      e.net += line.amount;
      if (line.amount === 0 && !line.isReturn) e.purchase = true;
      if (line.isReturn || line.amount < 0) e.ret = true;
      got.set(key, e);
    }
    expect(got.size).toBe(expected.size);
    // a day with returns only shows its net as a return line; a purchase day with a return, a zero-amount return
    const differing = [...expected].filter(([key, e]) => {
      const g = got.get(key);
      return !g || g.net !== e.net || g.purchase !== e.purchase || g.ret !== e.ret;
    });
    expect(differing).toEqual([]);
  });

  it('stops, unusable, at a day that is not a whole number', () => {
    const ledger = new DayLedger();
    ledger.add({ customerId: 'a', day: 1.5, amount: 1, rowNumber: 2 }, true, 0);
    expect(ledger.overflowed).toBe(true);
  });
});
