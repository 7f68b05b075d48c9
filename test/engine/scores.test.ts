import { InputError } from '../../src/engine/types';
import {
  quantileCuts,
  quantileType7,
  scoreAgainstCuts,
  scoreAll,
  scoreDimension,
  validateBins,
  validateThresholds,
} from '../../src/engine/scores';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const scores = (values: number[], bins: number, reverse = false): number[] => Array.from(scoreDimension(f64(...values), bins, reverse).scores);

describe('quantileType7 (R type 7)', () => {
  test('interpolates between order statistics: 1 + (n − 1)p', () => {
    expect(quantileType7(f64(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileType7(f64(1, 2, 3, 4, 5), 0.2)).toBeCloseTo(1.8, 12);
    expect(quantileType7(f64(10, 20), 0.25)).toBe(12.5);
  });
  test('one value: every quantile is that value', () => {
    expect(quantileType7(f64(7), 0.3)).toBe(7);
  });
});

describe('quantileCuts: quantiles at k/n, each + 1', () => {
  test('1..10 in 5 bins: 3.8, 5.6, 7.4, 9.2', () => {
    const cuts = quantileCuts(f64(...range(1, 10)), 5);
    [3.8, 5.6, 7.4, 9.2].forEach((c, i) => expect(cuts[i]).toBeCloseTo(c, 12));
  });
});

describe('scores by hand', () => {
  test('1..10 in 5 bins, upward and reversed', () => {
    expect(scores(range(1, 10), 5)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect(scores(range(1, 10), 5, true)).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 2, 1]);
  });
  test('2 bins: the single cut is the median + 1 (1..4 → cut 3.5)', () => {
    expect(scores([1, 2, 3, 4], 2)).toEqual([1, 1, 1, 2]);
    expect(scores([1, 2, 3, 4], 2, true)).toEqual([2, 2, 2, 1]);
  });
  test('10 bins on 1..20', () => {
    expect(scores(range(1, 20), 10)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10]);
  });
  test('ties are never split: 1,1,1,1,2 → cuts 2,2,2,2.2', () => {
    const cuts = quantileCuts(f64(1, 1, 1, 1, 2), 5);
    expect(cuts.slice(0, 3)).toEqual([2, 2, 2]);
    expect(cuts[3]).toBeCloseTo(2.2, 12);
    expect(scores([2, 1, 1, 1, 1], 5)).toEqual([4, 1, 1, 1, 1]);
  });
  test('all values equal: bottom score (top for recency), as R', () => {
    expect(scores([7, 7, 7], 5)).toEqual([1, 1, 1]);
    expect(scores([7, 7, 7], 5, true)).toEqual([5, 5, 5]);
  });
  test('one customer', () => {
    expect(scores([42], 5)).toEqual([1]);
    expect(scores([42], 5, true)).toEqual([5]);
  });
  test('negative and fractional values (net revenue after returns)', () => {
    expect(scores([-10, 0.5, 3.25, 100], 2)).toEqual([1, 1, 2, 2]);
  });
});

describe('thresholds', () => {
  test('cut points used as given: value < cut1 → 1, cut1 ≤ value < cut2 → 2 …', () => {
    expect(Array.from(scoreAgainstCuts(f64(0, 9, 10, 29, 30, 1000), [10, 30], false))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(Array.from(scoreAgainstCuts(f64(0, 9, 10, 29, 30, 1000), [10, 30], true))).toEqual([3, 3, 2, 2, 1, 1]);
  });
  test('dimensions without thresholds use quantiles', () => {
    const input = { lengthDays: null, recencyDays: f64(1, 50, 200), frequency: f64(1, 2, 3), monetary: f64(5, 6, 7) };
    const set = scoreAll(input, 3, 'thresholds', { recency: [30, 100] });
    expect(Array.from(set.recency.scores)).toEqual([3, 2, 1]);
    // type-7 quantiles of 1, 2, 3 at 1/3 and 2/3 are 1 + 2/3 and 2 + 1/3; each + 1 → 8/3, 10/3
    [8 / 3, 10 / 3].forEach((c, i) => expect(set.frequency.cuts[i]).toBeCloseTo(c, 12));
    expect(set.frequency.cuts).toHaveLength(2);
    expect(Array.from(set.frequency.scores)).toEqual([1, 1, 2]);
    expect(set.length).toBeNull();
  });
  test.each([
    [undefined, 5, /needs cut points/],
    [{}, 5, /needs cut points/],
    [{ recency: [1, 2, 3] }, 5, /recency: 5 bins need 4 cut points; got 3/],
    [{ monetary: [1, 2, 2, 3] }, 5, /monetary: cut points must increase; 2 follows 2/],
    [{ frequency: [1, NaN] }, 3, /frequency: cut point 2 is not a number/],
  ])('bad thresholds %j (%i bins) → InputError', (thresholds, bins, message) => {
    expect(() => validateThresholds(thresholds as never, bins)).toThrow(InputError);
    expect(() => validateThresholds(thresholds as never, bins)).toThrow(message);
  });
});

describe('bins', () => {
  test.each([1, 11, 2.5, NaN])('%p bins → InputError', (bins) => {
    expect(() => validateBins(bins)).toThrow(/Bins must be a whole number from 2 to 10/);
  });
  test.each([2, 10])('%i bins accepted', (bins) => expect(() => validateBins(bins)).not.toThrow());
});
