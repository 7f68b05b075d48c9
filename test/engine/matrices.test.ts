import { computeMatrices, loyaltyQuadrantOf, mean, median, splitValue, valueQuadrantOf, type MatrixInput } from '../../src/engine/matrices';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
const u8 = (...v: number[]): Uint8Array => Uint8Array.from(v);

// Four customers, hand-computed: F mean 4, median 2.5; M mean 82.5, median 60;
// L mean 90, median 75; R mean 37.5, median 22.5.
const input: MatrixInput = {
  bins: 5,
  frequency: f64(1, 2, 3, 10),
  monetary: f64(10, 100, 20, 200),
  lengthDays: f64(100, 10, 200, 50),
  recencyDays: f64(5, 5, 100, 40),
  frequencyScore: u8(1, 4, 4, 5),
  monetaryScore: u8(1, 3, 5, 4),
  lengthScore: u8(4, 1, 5, 3),
  recencyScore: u8(5, 4, 1, 3),
};

describe('splits', () => {
  test('mean, median (type 7), score = middle of the bins', () => {
    expect(mean(f64(1, 2, 3, 10))).toBe(4);
    expect(median(f64(10, 1, 3, 2))).toBe(2.5);
    expect(splitValue(f64(1), 'score', 5)).toBe(3);
    expect(splitValue(f64(1), 'score', 4)).toBe(2.5);
  });
});

describe('value and loyalty matrices', () => {
  test('split = mean: high F only for 10; high M for 100 and 200; recent = days below 37.5', () => {
    const m = computeMatrices(input, 'mean');
    expect(m.splits).toEqual({ frequency: 4, monetary: 82.5, lengthDays: 90, recencyDays: 37.5 });
    expect(m.valueQuadrants).toEqual(['Uncertain', 'High-spending', 'Uncertain', 'Best']);
    expect(m.loyaltyQuadrants).toEqual(['Loyal', 'New', 'Potential', 'Uncertain']);
  });

  test('split = median', () => {
    const m = computeMatrices(input, 'median');
    expect(m.splits).toEqual({ frequency: 2.5, monetary: 60, lengthDays: 75, recencyDays: 22.5 });
    expect(m.valueQuadrants).toEqual(['Uncertain', 'High-spending', 'Frequent', 'Best']);
    expect(m.loyaltyQuadrants).toEqual(['Loyal', 'New', 'Potential', 'Uncertain']);
  });

  test('split = score: high = score 4–5 of 5; recent = recency score 4–5', () => {
    const m = computeMatrices(input, 'score');
    expect(m.splits).toEqual({ frequency: 3, monetary: 3, lengthDays: 3, recencyDays: 3 });
    expect(m.valueQuadrants).toEqual(['Uncertain', 'Frequent', 'Best', 'Best']);
    expect(m.loyaltyQuadrants).toEqual(['Loyal', 'New', 'Potential', 'Uncertain']);
  });

  test('a value equal to the split is not high; recency equal to the split is not recent', () => {
    const flat: MatrixInput = { ...input, frequency: f64(2, 2, 2, 2), monetary: f64(5, 5, 5, 5), recencyDays: f64(7, 7, 7, 7) };
    const m = computeMatrices(flat, 'mean');
    expect(new Set(m.valueQuadrants)).toEqual(new Set(['Uncertain']));
    expect(m.loyaltyQuadrants).toEqual(['Potential', 'Uncertain', 'Potential', 'Uncertain']);
  });

  test('customer-level input (no length): no loyalty matrix', () => {
    const m = computeMatrices({ ...input, lengthDays: null, lengthScore: null });
    expect(m.loyaltyQuadrants).toBeNull();
    expect(m.splits.lengthDays).toBeNull();
  });
});

describe('per-customer quadrant helpers (the formulas use these)', () => {
  const value = { frequency: 4, monetary: 82.5 };
  const loyalty = { lengthDays: 90, recencyDays: 37.5 };
  test('value quadrant: strictly above each split is high', () => {
    expect(valueQuadrantOf(10, 200, value)).toBe('Best');
    expect(valueQuadrantOf(10, 20, value)).toBe('Frequent');
    expect(valueQuadrantOf(2, 100, value)).toBe('High-spending');
    expect(valueQuadrantOf(4, 82.5, value)).toBe('Uncertain'); // equal to both splits: neither is high
  });
  test('loyalty quadrant: long = length above its split, recent = recency below its split', () => {
    expect(loyaltyQuadrantOf(100, 5, loyalty)).toBe('Loyal');
    expect(loyaltyQuadrantOf(200, 100, loyalty)).toBe('Potential');
    expect(loyaltyQuadrantOf(10, 5, loyalty)).toBe('New');
    expect(loyaltyQuadrantOf(90, 37.5, loyalty)).toBe('Uncertain'); // equal: neither long nor recent
  });
  test('computeMatrices gives what the helpers give for each customer', () => {
    const r = computeMatrices(input, 'mean');
    for (let i = 0; i < 4; i++) {
      expect(r.valueQuadrants[i]).toBe(valueQuadrantOf(input.frequency[i], input.monetary[i], value));
      expect(r.loyaltyQuadrants?.[i]).toBe(loyaltyQuadrantOf((input.lengthDays as Float64Array)[i], input.recencyDays[i], loyalty));
    }
  });
});
