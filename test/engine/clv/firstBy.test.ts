/**
 * firstBy (engine/clv/firstBy.ts): the first few items by a total order, as sorting everyone and
 * taking the first few gives (the built-in sort is the reference).
 */
import { seededRandom } from '../../../src/engine/clusters/random';
import { firstBy } from '../../../src/engine/clv/firstBy';

describe('firstBy', () => {
  it('keeps what sort-then-slice keeps, in the same order, for many lengths, counts and repeated keys', () => {
    const next = seededRandom(11);
    const byScoreThenId = (a: { score: number; id: number }, b: { score: number; id: number }) => b.score - a.score || a.id - b.id;
    for (let trial = 0; trial < 200; trial++) {
      const n = Math.floor(next() * 300);
      // few distinct scores, so the id decides many places
      const items = Array.from({ length: n }, (_, id) => ({ score: Math.floor(next() * 8), id }));
      const count = Math.floor(next() * 40);
      const expected = [...items].sort(byScoreThenId).slice(0, count);
      expect(firstBy(items, count, byScoreThenId)).toEqual(expected);
    }
  });

  it('gives nothing for a count of 0 and everything, sorted, for a count above the length', () => {
    expect(firstBy([3, 1, 2], 0, (a, b) => a - b)).toEqual([]);
    expect(firstBy([3, 1, 2], 10, (a, b) => a - b)).toEqual([1, 2, 3]);
  });
});
