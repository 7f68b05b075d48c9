/**
 * Segment migration: where each customer's segment went between an earlier date and the analysis
 * date. The earlier segments are those of a separate run on the lines dated before that date with
 * the same settings, so they are exactly what that run would give.
 */
import type { Analysis, CustomerResult, DayNumber } from './types';

/** A customer whose segment got worse (fewer R + F + M score points than before, in another segment). */
export interface MovedDown {
  id: string;
  from: string;
  to: string;
  /** Net revenue up to the analysis date. */
  revenue: number;
  /** Predicted CLV when the models ran, else null. */
  clv: number | null;
}

/** The migration report. */
export interface MigrationResult {
  /** The earlier date: its run used lines dated before it. */
  compareTo: DayNumber;
  /** Segment names: rows and columns of the matrices, in rule order, Others last. */
  segments: string[];
  /**
   * customers[i][j]: customers who were in segments[i] and are now in segments[j]; the last row
   * (index segments.length) holds the customers new since the earlier date.
   */
  customers: number[][];
  /** The same cells, summing the customers' revenue up to the analysis date. */
  revenue: number[][];
  /** Customers with no purchase before the earlier date. */
  newCustomers: number;
  /** Customers who moved to a worse segment, highest revenue first. */
  movedDown: MovedDown[];
}

/** Score points of a customer: the sum of its R, F and M scores. */
function scorePoints(c: Pick<CustomerResult, 'recencyScore' | 'frequencyScore' | 'monetaryScore'>): number {
  return c.recencyScore + c.frequencyScore + c.monetaryScore;
}

/**
 * Compares the earlier run with the current one and records each customer's previous segment
 * (`previousSegment`, null when the customer is new since the earlier date).
 * @param earlier the analysis of the lines dated before `compareTo`
 * @param current the analysis at the analysis date (its customers gain `previousSegment`)
 * @param compareTo the earlier date
 * @param segments the segment names in rule order, Others last
 * @returns the matrices of customers and revenue, the count of new customers and who moved down
 */
export function compareSegments(earlier: Analysis, current: Analysis, compareTo: DayNumber, segments: readonly string[]): MigrationResult {
  const before = new Map<string, CustomerResult>(earlier.customers.map((c) => [c.id, c]));
  const index = new Map<string, number>(segments.map((name, i) => [name, i]));
  const size = segments.length;
  const customers = Array.from({ length: size + 1 }, () => new Array<number>(size).fill(0));
  const revenue = Array.from({ length: size + 1 }, () => new Array<number>(size).fill(0));
  const movedDown: MovedDown[] = [];
  let newCustomers = 0;
  for (const c of current.customers) {
    const was = before.get(c.id);
    c.previousSegment = was ? was.segment : null;
    const to = index.get(c.segment) ?? size - 1;
    const from = was ? (index.get(was.segment) ?? size - 1) : size;
    if (!was) newCustomers++;
    customers[from][to]++;
    revenue[from][to] += c.revenue;
    if (was && was.segment !== c.segment && scorePoints(c) < scorePoints(was)) {
      movedDown.push({ id: c.id, from: was.segment, to: c.segment, revenue: c.revenue, clv: c.clv ?? null });
    }
  }
  movedDown.sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { compareTo, segments: [...segments], customers, revenue, newCustomers, movedDown };
}

/**
 * The most common move down, for a one-line summary ("41 Champions slipped to At Risk").
 * @param migration the migration report
 * @returns the largest group of customers moving from one segment to another worse one, or null
 */
export function largestMoveDown(migration: MigrationResult): { from: string; to: string; customers: number } | null {
  const counts = new Map<string, { from: string; to: string; customers: number }>();
  for (const m of migration.movedDown) {
    const key = `${m.from}\u0000${m.to}`;
    const entry = counts.get(key) ?? { from: m.from, to: m.to, customers: 0 };
    entry.customers++;
    counts.set(key, entry);
  }
  let best: { from: string; to: string; customers: number } | null = null;
  for (const e of counts.values()) if (!best || e.customers > best.customers) best = e;
  return best;
}
