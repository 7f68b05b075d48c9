/**
 * Per-customer purchase histories for the purchase models: (x, t_x, T) and mean repeat spend.
 * x counts distinct purchase days after the first (several orders on one day are one purchase, as
 * in Fader, Hardie & Lee 2005 and lifetimes' summary_data_from_transaction_data).
 */
import type { DayNumber, Transaction } from '../types';
import { isPurchase } from '../rowRules';

/** Days per model time unit. A month is 365.25/12 days. */
export const UNIT_DAYS = { days: 1, weeks: 7, months: 365.25 / 12 } as const;

/** The model's time unit. */
export type TimeUnit = keyof typeof UNIT_DAYS;

/** Days in one CLV month, whatever the model's unit. */
export const MONTH_DAYS = 365.25 / 12;

/** Column arrays, one entry per customer with a purchase in the window, in first-seen order. */
export interface Histories {
  ids: string[];
  /** First purchase day in the window. */
  firstDay: Float64Array;
  /** Distinct purchase days after the first. */
  x: Float64Array;
  /** Days from the first to the last purchase day (t_x in days). */
  recencyDays: Float64Array;
  /** Days from the first purchase to the end of the window (T in days). */
  ageDays: Float64Array;
  /** Mean net spend per repeat purchase day; 0 when x = 0. */
  zbar: Float64Array;
  /** Mean net spend per purchase day, first day included. */
  meanDaySpend: Float64Array;
  /** Net amount of all lines in the window (returns included). */
  revenue: Float64Array;
  /** Summed cost of the lines that carry one. */
  cost: Float64Array;
  /** Whether any of the customer's lines carries a cost. */
  hasCost: Uint8Array;
}

/**
 * Builds each customer's history from the lines dated in [startDay, endDay]. A purchase day is a
 * day with at least one purchase line (isPurchase: free items count, as in CDNOW); its spend is the day's net amount (same-day returns
 * included). Returns on days without a purchase lower revenue but not the repeat spend.
 * Complexity O(n) plus a sort of each customer's own lines.
 * @param transactions normalised lines, any order
 * @param endDay last day included (the calibration end)
 * @param startDay first day included (default: no lower limit)
 * @returns the histories of customers with at least one purchase day in the window
 */
export function buildHistories(transactions: readonly Transaction[], endDay: DayNumber, startDay = -Infinity): Histories {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(transactions.length).fill(-1);
  const counts: number[] = [];
  for (let i = 0; i < transactions.length; i++) {
    const t = transactions[i];
    if (t.day > endDay || t.day < startDay) continue;
    let c = index.get(t.customerId);
    if (c === undefined) {
      c = ids.length;
      index.set(t.customerId, c);
      ids.push(t.customerId);
      counts.push(0);
    }
    owner[i] = c;
    counts[c]++;
  }
  const offsets = new Int32Array(ids.length + 1);
  for (let c = 0; c < ids.length; c++) offsets[c + 1] = offsets[c] + counts[c];
  const rows = new Int32Array(offsets[ids.length]);
  const fill = offsets.slice(0, ids.length);
  for (let i = 0; i < transactions.length; i++) if (owner[i] >= 0) rows[fill[owner[i]]++] = i;
  return summarise(transactions, ids, offsets, rows, endDay);
}

function emptyHistories(n: number): Histories {
  return {
    ids: [], firstDay: new Float64Array(n), x: new Float64Array(n), recencyDays: new Float64Array(n),
    ageDays: new Float64Array(n), zbar: new Float64Array(n), meanDaySpend: new Float64Array(n),
    revenue: new Float64Array(n), cost: new Float64Array(n), hasCost: new Uint8Array(n),
  };
}

function summarise(transactions: readonly Transaction[], ids: string[], offsets: Int32Array, rows: Int32Array, endDay: DayNumber): Histories {
  const h = emptyHistories(ids.length);
  let kept = 0;
  for (let c = 0; c < ids.length; c++) {
    const lines = rows.subarray(offsets[c], offsets[c + 1]);
    sortByDay(lines, transactions);
    let first = NaN;
    let last = NaN;
    let days = 0;
    let firstSpend = 0;
    let repeatSpend = 0;
    let revenue = 0;
    let cost = 0;
    let hasCost = 0;
    for (let k = 0; k < lines.length; ) {
      const day = transactions[lines[k]].day;
      let net = 0;
      let bought = false;
      for (; k < lines.length && transactions[lines[k]].day === day; k++) {
        const t = transactions[lines[k]];
        net += t.amount;
        if (isPurchase(t)) bought = true;
        if (t.cost !== undefined && Number.isFinite(t.cost)) {
          cost += t.cost;
          hasCost = 1;
        }
      }
      revenue += net;
      if (!bought) continue;
      if (days === 0) {
        first = day;
        firstSpend = net;
      } else repeatSpend += net;
      last = day;
      days++;
    }
    if (days === 0) continue;
    h.ids.push(ids[c]);
    h.firstDay[kept] = first;
    h.x[kept] = days - 1;
    h.recencyDays[kept] = last - first;
    h.ageDays[kept] = endDay - first;
    h.zbar[kept] = days > 1 ? repeatSpend / (days - 1) : 0;
    h.meanDaySpend[kept] = (firstSpend + repeatSpend) / days;
    h.revenue[kept] = revenue;
    h.cost[kept] = cost;
    h.hasCost[kept] = hasCost;
    kept++;
  }
  return trim(h, kept);
}

function trim(h: Histories, n: number): Histories {
  return {
    ids: h.ids, firstDay: h.firstDay.slice(0, n), x: h.x.slice(0, n), recencyDays: h.recencyDays.slice(0, n),
    ageDays: h.ageDays.slice(0, n), zbar: h.zbar.slice(0, n), meanDaySpend: h.meanDaySpend.slice(0, n),
    revenue: h.revenue.slice(0, n), cost: h.cost.slice(0, n), hasCost: h.hasCost.slice(0, n),
  };
}

/** Insertion sort for the usual handful of lines; the built-in sort beyond that. */
function sortByDay(lines: Int32Array, transactions: readonly Transaction[]): void {
  if (lines.length > 32) {
    const sorted = Array.from(lines).sort((a, b) => transactions[a].day - transactions[b].day || a - b);
    lines.set(sorted);
    return;
  }
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i];
    const day = transactions[row].day;
    let j = i - 1;
    while (j >= 0 && transactions[lines[j]].day > day) {
      lines[j + 1] = lines[j];
      j--;
    }
    lines[j + 1] = row;
  }
}
