import { computeTotals, LOYALTY_QUADRANTS, rfGrid, summarizeQuadrants, summarizeSegments, VALUE_QUADRANTS } from '../../src/engine/summaries';
import type { CustomerResult } from '../../src/engine/types';

const customer = (id: string, segment: string, r: number, f: number, recencyDays: number, frequency: number, revenue: number, value: CustomerResult['valueQuadrant']): CustomerResult => ({
  id,
  firstPurchase: 0,
  lastPurchase: 0,
  lengthDays: 10,
  recencyDays,
  frequency,
  monetary: revenue,
  revenue,
  averageOrderValue: revenue / frequency,
  lengthScore: 1,
  recencyScore: r,
  frequencyScore: f,
  monetaryScore: 1,
  rfmCode: 100 * r + 10 * f + 1,
  segment,
  valueQuadrant: value,
  loyaltyQuadrant: null,
});

const customers = [
  customer('a', 'Champions', 2, 2, 10, 4, 300, 'Best'),
  customer('b', 'Champions', 2, 2, 20, 2, 100, 'Best'),
  customer('c', 'Lost', 1, 1, 90, 1, 100, 'Uncertain'),
];

test('per segment: customers, shares, revenue, means; empty segments listed with zeros', () => {
  expect(summarizeSegments(customers, ['Champions', 'Promising', 'Lost', 'Others'])).toEqual([
    { segment: 'Champions', customers: 2, share: 2 / 3, revenue: 400, revenueShare: 0.8, meanRecencyDays: 15, meanFrequency: 3, meanMonetary: 200 },
    { segment: 'Promising', customers: 0, share: 0, revenue: 0, revenueShare: 0, meanRecencyDays: 0, meanFrequency: 0, meanMonetary: 0 },
    { segment: 'Lost', customers: 1, share: 1 / 3, revenue: 100, revenueShare: 0.2, meanRecencyDays: 90, meanFrequency: 1, meanMonetary: 100 },
    { segment: 'Others', customers: 0, share: 0, revenue: 0, revenueShare: 0, meanRecencyDays: 0, meanFrequency: 0, meanMonetary: 0 },
  ]);
});

test('per quadrant: all four listed in order; none placed → empty', () => {
  expect(summarizeQuadrants(customers, (c) => c.valueQuadrant, VALUE_QUADRANTS)).toEqual([
    { quadrant: 'Best', customers: 2, share: 2 / 3, revenue: 400, revenueShare: 0.8 },
    { quadrant: 'High-spending', customers: 0, share: 0, revenue: 0, revenueShare: 0 },
    { quadrant: 'Frequent', customers: 0, share: 0, revenue: 0, revenueShare: 0 },
    { quadrant: 'Uncertain', customers: 1, share: 1 / 3, revenue: 100, revenueShare: 0.2 },
  ]);
  expect(summarizeQuadrants(customers, (c) => c.loyaltyQuadrant, LOYALTY_QUADRANTS)).toEqual([]);
});

test('R × F grid: count and mean monetary, null where empty', () => {
  const grid = rfGrid(customers, 2);
  expect(grid).toEqual({
    bins: 2,
    count: [
      [1, 0],
      [0, 2],
    ],
    meanMonetary: [
      [100, null],
      [null, 200],
    ],
  });
});

test('totals', () => {
  expect(computeTotals(customers, 9, 3, 80)).toEqual({ customers: 3, transactionsUsed: 9, orders: 7, revenue: 500, firstDay: 3, lastDay: 80 });
});
