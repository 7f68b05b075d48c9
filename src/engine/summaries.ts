/**
 * Summaries of scored customers: per segment, per quadrant, the R × F grid, and the totals.
 * Sums run over customers in their (id-sorted) order, so the same data gives the same bits.
 */
import type {
  CustomerResult,
  DayNumber,
  LoyaltyQuadrant,
  QuadrantSummary,
  RfGrid,
  SegmentSummary,
  Totals,
  ValueQuadrant,
} from './types';

/** Value-matrix quadrants in display order. */
export const VALUE_QUADRANTS: readonly ValueQuadrant[] = ['Best', 'High-spending', 'Frequent', 'Uncertain'];
/** Loyalty-matrix quadrants in display order. */
export const LOYALTY_QUADRANTS: readonly LoyaltyQuadrant[] = ['Loyal', 'Potential', 'New', 'Uncertain'];

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function totalRevenue(customers: readonly CustomerResult[]): number {
  let sum = 0;
  for (const c of customers) sum += c.revenue;
  return sum;
}

/**
 * One row per segment, in the given order (rule order, then Others), including empty segments.
 * Means of an empty segment are 0.
 * @param customers scored customers
 * @param segmentNames every segment name in display order
 * @returns the segment table
 */
export function summarizeSegments(customers: readonly CustomerResult[], segmentNames: readonly string[]): SegmentSummary[] {
  const rows = new Map<string, { n: number; revenue: number; recency: number; frequency: number; monetary: number }>();
  for (const name of segmentNames) rows.set(name, { n: 0, revenue: 0, recency: 0, frequency: 0, monetary: 0 });
  for (const c of customers) {
    let row = rows.get(c.segment);
    if (!row) {
      row = { n: 0, revenue: 0, recency: 0, frequency: 0, monetary: 0 };
      rows.set(c.segment, row);
    }
    row.n++;
    row.revenue += c.revenue;
    row.recency += c.recencyDays;
    row.frequency += c.frequency;
    row.monetary += c.monetary;
  }
  const revenue = totalRevenue(customers);
  return [...rows].map(([segment, r]) => ({
    segment,
    customers: r.n,
    share: share(r.n, customers.length),
    revenue: r.revenue,
    revenueShare: share(r.revenue, revenue),
    meanRecencyDays: r.n ? r.recency / r.n : 0,
    meanFrequency: r.n ? r.frequency / r.n : 0,
    meanMonetary: r.n ? r.monetary / r.n : 0,
  }));
}

/**
 * Customers and revenue per quadrant, every quadrant listed (zeros when empty).
 * @param customers scored customers
 * @param quadrantOf the quadrant of a customer (null = not placed)
 * @param quadrants the quadrants in display order
 * @returns one row per quadrant; empty when no customer has a quadrant
 */
export function summarizeQuadrants<Q extends string>(
  customers: readonly CustomerResult[],
  quadrantOf: (c: CustomerResult) => Q | null,
  quadrants: readonly Q[],
): QuadrantSummary<Q>[] {
  const n = new Map<Q, number>();
  const revenue = new Map<Q, number>();
  let placed = 0;
  for (const c of customers) {
    const q = quadrantOf(c);
    if (q === null) continue;
    placed++;
    n.set(q, (n.get(q) ?? 0) + 1);
    revenue.set(q, (revenue.get(q) ?? 0) + c.revenue);
  }
  if (placed === 0) return [];
  const all = totalRevenue(customers);
  return quadrants.map((quadrant) => ({
    quadrant,
    customers: n.get(quadrant) ?? 0,
    share: share(n.get(quadrant) ?? 0, placed),
    revenue: revenue.get(quadrant) ?? 0,
    revenueShare: share(revenue.get(quadrant) ?? 0, all),
  }));
}

/**
 * The R × F grid: count and mean monetary per (recency score, frequency score), index [r−1][f−1].
 * @param customers scored customers
 * @param bins number of score bins
 * @returns the grid; meanMonetary null where the cell is empty
 */
export function rfGrid(customers: readonly CustomerResult[], bins: number): RfGrid {
  const count = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  const sum = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  for (const c of customers) {
    count[c.recencyScore - 1][c.frequencyScore - 1]++;
    sum[c.recencyScore - 1][c.frequencyScore - 1] += c.monetary;
  }
  const meanMonetary = count.map((row, r) => row.map((n, f) => (n ? sum[r][f] / n : null)));
  return { bins, count, meanMonetary };
}

/**
 * Headline figures.
 * @param customers scored customers
 * @param transactionsUsed rows that fed the scored customers
 * @param firstDay first day in the data used (null when unknown)
 * @param lastDay last day in the data used (null when unknown)
 * @returns the totals
 */
export function computeTotals(
  customers: readonly CustomerResult[],
  transactionsUsed: number,
  firstDay: DayNumber | null,
  lastDay: DayNumber | null,
): Totals {
  let orders = 0;
  for (const c of customers) orders += c.frequency;
  return { customers: customers.length, transactionsUsed, orders, revenue: totalRevenue(customers), firstDay, lastDay };
}
