/**
 * Model histories from customer-level input that carries the summary (the table of `rfm sql`),
 * in the same columns buildHistories makes from transactions.
 */
import type { CustomerInput } from '../types';
import type { Histories } from './summary';

/**
 * The histories of the customer rows that have a summary and a first purchase; rows of one
 * customer repeated are left out (their histories cannot be merged).
 * @param inputs normalised customer rows
 * @returns histories in input order, or null when no row has one
 */
export function historiesFromInputs(inputs: readonly CustomerInput[]): Histories | null {
  const counts = new Map<string, number>();
  for (const row of inputs) counts.set(row.customerId, (counts.get(row.customerId) ?? 0) + 1);
  const rows = inputs.filter((r) => r.history !== undefined && r.firstPurchase !== undefined && counts.get(r.customerId) === 1);
  if (rows.length === 0) return null;
  const n = rows.length;
  const h: Histories = {
    ids: rows.map((r) => r.customerId), firstDay: new Float64Array(n), x: new Float64Array(n), recencyDays: new Float64Array(n),
    ageDays: new Float64Array(n), zbar: new Float64Array(n), meanDaySpend: new Float64Array(n),
    revenue: new Float64Array(n), cost: new Float64Array(n), hasCost: new Uint8Array(n),
    // a customer-level row does not say whether the customer returned anything
    returned: new Uint8Array(n),
  };
  rows.forEach((r, i) => {
    const s = r.history!;
    h.firstDay[i] = r.firstPurchase!;
    h.x[i] = s.x;
    h.recencyDays[i] = s.spanDays;
    h.ageDays[i] = s.ageDays;
    h.zbar[i] = s.meanRepeatSpend;
    // the summary has no first-day spend: the mean over all purchase days is taken as revenue / days
    h.meanDaySpend[i] = r.monetary / (s.x + 1);
    h.revenue[i] = r.monetary;
  });
  return h;
}
