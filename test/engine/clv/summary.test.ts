/**
 * Hand-computed histories: same-day lines, returns, costs, the window, and pattern grouping.
 */
import { groupPatterns } from '../../../src/engine/clv/groups';
import fc from 'fast-check';
import { ascendingOrder, buildHistories } from '../../../src/engine/clv/summary';
import { customersFromTransactions } from '../../../src/engine/customers';
import type { Transaction } from '../../../src/engine/types';

const line = (customerId: string, day: number, amount: number, cost?: number): Transaction => ({ customerId, day, amount, rowNumber: 2, ...(cost === undefined ? {} : { cost }) });

describe('buildHistories', () => {
  const lines = [
    line('a', 10, 20), line('a', 10, 5), // one purchase day: 25
    line('a', 17, 40, 30), line('a', 17, -10), // repeat day, net 30 after a same-day return; cost 30
    line('a', 20, -5), // a return on its own day: revenue only
    line('a', 31, 60), // repeat day: 60
    line('a', 50, 99), // after the window end
    line('b', 12, -7), // only a return: no purchase day, not modelled
    line('c', 30, 0), // a free item counts as a purchase day
  ];
  const h = buildHistories(lines, 40);

  it('counts distinct purchase days after the first, and measures t_x and T in days', () => {
    expect(h.ids).toEqual(['a', 'c']);
    expect(Array.from(h.x)).toEqual([2, 0]);
    expect(Array.from(h.recencyDays)).toEqual([21, 0]);
    expect(Array.from(h.ageDays)).toEqual([30, 10]);
    expect(Array.from(h.firstDay)).toEqual([10, 30]);
  });

  it('averages net spend over repeat purchase days; revenue includes every line in the window', () => {
    expect(h.zbar[0]).toBeCloseTo((30 + 60) / 2, 12);
    expect(h.meanDaySpend[0]).toBeCloseTo((25 + 30 + 60) / 3, 12);
    expect(h.revenue[0]).toBeCloseTo(25 + 30 - 5 + 60, 12);
    expect(h.cost[0]).toBe(30);
    expect(h.hasCost[0]).toBe(1);
    expect(h.hasCost[1]).toBe(0);
  });

  it('limits the window from below too', () => {
    const later = buildHistories(lines, 40, 15);
    expect(later.ids).toEqual(['a', 'c']);
    expect(later.x[0]).toBe(1); // days 17 and 31
    expect(later.firstDay[0]).toBe(17);
  });

  it('lists customers in the order of their first line inside each window, whichever window came first', () => {
    // file order: q's first line is dated after 25; p's only line in [20, 40] comes after r's
    const mixed = [line('q', 30, 5), line('p', 5, 1), line('r', 22, 2), line('p', 24, 3), line('q', 8, 4)];
    expect(buildHistories(mixed, 40).ids).toEqual(['q', 'p', 'r']);
    expect(buildHistories(mixed, 25).ids).toEqual(['p', 'r', 'q']);
    expect(buildHistories(mixed, 40, 20).ids).toEqual(['q', 'r', 'p']);
    expect(Array.from(buildHistories(mixed, 25).x)).toEqual([1, 0, 0]);
  });

  it('sees lines added to the same array after an earlier window was built', () => {
    const growing = [line('a', 1, 10)];
    expect(buildHistories(growing, 10).x[0]).toBe(0);
    growing.push(line('a', 5, 10));
    expect(buildHistories(growing, 10).x[0]).toBe(1);
  });

  it('sorts many lines of one customer by day', () => {
    const many = Array.from({ length: 40 }, (_, i) => line('z', 100 - i, 1));
    const z = buildHistories(many, 200);
    expect(z.x[0]).toBe(39);
    expect(z.firstDay[0]).toBe(61);
    expect(z.recencyDays[0]).toBe(39);
  });
});

describe('groupPatterns', () => {
  it('weights identical (x, t_x, T) and converts days to the unit', () => {
    const g = groupPatterns([0, 1, 0, 1], [0, 14, 0, 7], [28, 28, 28, 28], 7);
    expect(Array.from(g.w)).toEqual([2, 1, 1]);
    expect(Array.from(g.groupOf)).toEqual([0, 1, 0, 2]);
    expect(Array.from(g.tx)).toEqual([0, 2, 1]);
    expect(Array.from(g.T)).toEqual([4, 4, 4]);
    expect(Array.from(g.TValues)).toEqual([4]);
    expect(Array.from(g.xValues)).toEqual([0, 1]);
  });

  it('keeps patterns apart that a mixed-radix key could confuse, and groups fractional days too', () => {
    // (1, 0, 5) and (0, 1, 5): equal digit sums, different patterns; 2.5 days is not a whole number
    const g = groupPatterns([1, 0, 1, 0, 0], [0, 1, 0, 2.5, 2.5], [5, 5, 5, 5, 5], 1);
    expect(Array.from(g.groupOf)).toEqual([0, 1, 0, 2, 2]);
    expect(Array.from(g.w)).toEqual([2, 1, 2]);
  });
});

describe('buildHistories after the RFM fold of the same lines', () => {
  it('gives what a fresh lookup gives, and sees a new fold of an array rebuilt in place', () => {
    const lines = [line('b', 3, 5), line('a', 1, 2), line('b', 9, 4), line('a', 4, 1)];
    customersFromTransactions(lines);
    const folded = buildHistories(lines, 20);
    const fresh = buildHistories(lines.slice(), 20);
    expect(folded).toEqual(fresh);
    // the same array, edited in place and folded again: the index follows the new fold
    lines[0] = line('c', 3, 5);
    customersFromTransactions(lines);
    expect(buildHistories(lines, 20).ids).toEqual(['c', 'a', 'b']);
  });
});

describe('ascendingOrder', () => {
  it('orders positions by value, by a sort (few values, a large limit) or a bucket pass', () => {
    // values 7, 2, 5: 2 is at position 1, 5 at 2, 7 at 0
    expect(Array.from(ascendingOrder(Float64Array.of(7, 2, 5), 10))).toEqual([1, 2, 0]);
    expect(Array.from(ascendingOrder(Float64Array.of(700_000, 2, 5), 1_000_000))).toEqual([1, 2, 0]);
    expect(Array.from(ascendingOrder(new Float64Array(0), 5))).toEqual([]);
  });

  it('gives the order a comparison sort gives, on either path', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat({ max: 5000 }), { maxLength: 300 }), fc.integer({ min: 1, max: 2_000_000 }), (values, extra) => {
      const limit = 5001 + (extra % 2 === 0 ? 0 : extra);
      const expected = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
      expect(Array.from(ascendingOrder(Float64Array.from(values), limit))).toEqual(expected);
    }));
  });
});
