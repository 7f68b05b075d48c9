/**
 * Per-customer purchase histories for the purchase models: (x, t_x, T) and mean repeat spend.
 * x counts distinct purchase days after the first (several orders on one day are one purchase, as
 * in Fader, Hardie & Lee 2005 and lifetimes' summary_data_from_transaction_data).
 */
import type { DayNumber, Transaction } from '../types';
import { customerSlotsOf, type CustomerSlots } from '../customers';
import { isPurchase } from '../rowRules';
import { isDayColumns, sortIndicesBy, type DayColumns, type ModelLines } from '../modelLines';

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
  /** Whether any of the customer's lines is a return (not isPurchase). */
  returned: Uint8Array;
}

/**
 * Each customer's lines folded into purchase days (DayColumns), once per transaction array: every
 * window a run needs (the analysis, auto's inner backtest, the model check and its holdout) is
 * then a scan of these days, instead of a fresh pass over every line with a string lookup each.
 */
interface DayIndex extends DayColumns {
  /** Transactions the index was built from (checked, so a changed array is rebuilt). */
  length: number;
  /** The fold's slots it was built from (customerSlotsOf), if any: a new fold means new lines. */
  slots: CustomerSlots | undefined;
}

/**
 * One index per transaction array. The engine never changes a transaction array after making it;
 * a caller that edits one in place (same length) and runs again must pass a new array, as the
 * index (and customerSlotsOf) would not see the edit.
 */
const dayIndexes = new WeakMap<readonly Transaction[], DayIndex>();

function dayIndexOf(lines: ModelLines): DayColumns {
  if (isDayColumns(lines)) return lines;
  const transactions = lines;
  const cached = dayIndexes.get(transactions);
  // a length change, or a new fold of the same array (new slots), means the lines changed: rebuild
  if (cached && cached.length === transactions.length && cached.slots === customerSlotsOf(transactions)) return cached;
  const built = buildDayIndex(transactions);
  dayIndexes.set(transactions, built);
  return built;
}

/** Groups the lines by customer (first-seen order), sorts each customer's lines by day (stable) and folds each day. */
function buildDayIndex(transactions: readonly Transaction[]): DayIndex {
  const slots = customerSlotsOf(transactions);
  const { ids, owner } = slots ?? slotsByLookup(transactions);
  const counts = new Int32Array(ids.length);
  for (let i = 0; i < owner.length; i++) counts[owner[i]]++;
  const lineOffsets = new Int32Array(ids.length + 1);
  for (let c = 0; c < ids.length; c++) lineOffsets[c + 1] = lineOffsets[c] + counts[c];
  const rows = new Int32Array(transactions.length);
  const fill = lineOffsets.slice(0, ids.length);
  for (let i = 0; i < transactions.length; i++) rows[fill[owner[i]]++] = i;
  const n = transactions.length;
  const out: DayIndex = {
    length: n, rows: n, slots, ids, offsets: new Int32Array(ids.length + 1), day: new Float64Array(n), net: new Float64Array(n),
    bought: new Uint8Array(n), cost: new Float64Array(n), hasCost: new Uint8Array(n), returned: new Uint8Array(n), firstRow: new Int32Array(n),
  };
  let d = 0;
  for (let c = 0; c < ids.length; c++) {
    const lines = rows.subarray(lineOffsets[c], lineOffsets[c + 1]);
    sortIndicesBy(lines, 0, lines.length, (row) => transactions[row].day);
    for (let k = 0; k < lines.length; ) {
      const day = transactions[lines[k]].day;
      let net = 0;
      let bought = 0;
      let cost = 0;
      let hasCost = 0;
      let returned = 0;
      // the lines are sorted by day, then by row: the day's first line is its earliest row
      const firstRow = lines[k];
      for (; k < lines.length && transactions[lines[k]].day === day; k++) {
        const t = transactions[lines[k]];
        net += t.amount;
        if (isPurchase(t)) bought = 1;
        else returned = 1;
        if (t.cost !== undefined && Number.isFinite(t.cost)) {
          cost += t.cost;
          hasCost = 1;
        }
      }
      out.day[d] = day;
      out.net[d] = net;
      out.bought[d] = bought;
      out.cost[d] = cost;
      out.hasCost[d] = hasCost;
      out.returned[d] = returned;
      out.firstRow[d] = firstRow;
      d++;
    }
    out.offsets[c + 1] = d;
  }
  return out;
}

/** Each line's customer slot by a map lookup of its id (first-seen order), for lines no fold has seen. */
function slotsByLookup(transactions: readonly Transaction[]): { ids: string[]; owner: Int32Array } {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(transactions.length);
  for (let i = 0; i < transactions.length; i++) {
    const id = transactions[i].customerId;
    let c = index.get(id);
    if (c === undefined) {
      c = ids.length;
      index.set(id, c);
      ids.push(id);
    }
    owner[i] = c;
  }
  return { ids, owner };
}

/**
 * Builds each customer's history from the lines dated in [startDay, endDay]. A purchase day is a
 * day with at least one purchase line (isPurchase: free items count, as in CDNOW); its spend is the day's net amount (same-day returns
 * included). Returns on days without a purchase lower revenue but not the repeat spend.
 * Customers come in the order of their first line in the window. Complexity O(n) plus a sort of
 * each customer's own lines, once per transaction array (dayIndexOf); each further window is
 * O(purchase days + customers log customers).
 * @param lines normalised lines, any order (not changed while a run uses them), or their days
 *   as a streaming reader folded them
 * @param endDay last day included (the calibration end)
 * @param startDay first day included (default: no lower limit)
 * @returns the histories of customers with at least one purchase day in the window
 */
export function buildHistories(lines: ModelLines, endDay: DayNumber, startDay = -Infinity): Histories {
  const index = dayIndexOf(lines);
  const customers = index.ids.length;
  const h = emptyHistories(customers);
  const firstSeen = new Float64Array(customers);
  let kept = 0;
  for (let c = 0; c < customers; c++) {
    let first = NaN;
    let last = NaN;
    let days = 0;
    let firstSpend = 0;
    let repeatSpend = 0;
    let revenue = 0;
    let cost = 0;
    let hasCost = 0;
    let returned = 0;
    let seen = Infinity;
    for (let d = index.offsets[c]; d < index.offsets[c + 1]; d++) {
      const day = index.day[d];
      if (day > endDay) break;
      if (day < startDay) continue;
      if (index.firstRow[d] < seen) seen = index.firstRow[d];
      const net = index.net[d];
      if (index.hasCost[d] === 1) {
        cost += index.cost[d];
        hasCost = 1;
      }
      revenue += net;
      returned |= index.returned[d];
      if (index.bought[d] === 0) continue;
      if (days === 0) {
        first = day;
        firstSpend = net;
      } else repeatSpend += net;
      last = day;
      days++;
    }
    if (days === 0) continue;
    h.ids.push(index.ids[c]);
    firstSeen[kept] = seen;
    h.firstDay[kept] = first;
    h.x[kept] = days - 1;
    h.recencyDays[kept] = last - first;
    h.ageDays[kept] = endDay - first;
    h.zbar[kept] = days > 1 ? repeatSpend / (days - 1) : 0;
    h.meanDaySpend[kept] = (firstSpend + repeatSpend) / days;
    h.revenue[kept] = revenue;
    h.cost[kept] = cost;
    h.hasCost[kept] = hasCost;
    h.returned[kept] = returned;
    kept++;
  }
  return inFirstSeenOrder(trim(h, kept), firstSeen.subarray(0, kept), index.rows);
}

function emptyHistories(n: number): Histories {
  return {
    ids: [], firstDay: new Float64Array(n), x: new Float64Array(n), recencyDays: new Float64Array(n),
    ageDays: new Float64Array(n), zbar: new Float64Array(n), meanDaySpend: new Float64Array(n),
    revenue: new Float64Array(n), cost: new Float64Array(n), hasCost: new Uint8Array(n), returned: new Uint8Array(n),
  };
}

/**
 * Reorders the histories by the row of each customer's first line in the window (unchanged when
 * already in order).
 */
function inFirstSeenOrder(h: Histories, firstSeen: Float64Array, rowCount: number): Histories {
  let sorted = true;
  for (let i = 1; i < firstSeen.length && sorted; i++) sorted = firstSeen[i - 1] < firstSeen[i];
  if (sorted) return h;
  const order = ascendingOrder(firstSeen, rowCount);
  const pick = (a: Float64Array): Float64Array => reorder(a, new Float64Array(a.length), order);
  const pickFlags = (a: Uint8Array): Uint8Array => reorder(a, new Uint8Array(a.length), order);
  return {
    ids: Array.from(order, (i) => h.ids[i]), firstDay: pick(h.firstDay), x: pick(h.x), recencyDays: pick(h.recencyDays),
    ageDays: pick(h.ageDays), zbar: pick(h.zbar), meanDaySpend: pick(h.meanDaySpend),
    revenue: pick(h.revenue), cost: pick(h.cost), hasCost: pickFlags(h.hasCost), returned: pickFlags(h.returned),
  };
}

/**
 * The positions of distinct whole numbers below `limit`, in ascending order of the numbers. Few
 * numbers against a large limit (customers against rows) are sorted: each number and its position
 * packed exactly into one double, number × 2^k + position, sorted as numbers, O(n log n); else a
 * bucket pass over [0, limit), O(limit).
 * @param values distinct whole numbers in [0, limit)
 * @param limit one past the largest possible value
 * @returns order[i] = the position of the i-th smallest value
 * @example ascendingOrder(Float64Array.of(7, 2, 5), 10) → Int32Array [1, 2, 0]
 */
export function ascendingOrder(values: Float64Array, limit: number): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  if (n * 32 < limit && limit * scale <= 2 ** 53) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = values[i] * scale + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i] % scale;
    return order;
  }
  const slotOf = new Int32Array(limit).fill(-1);
  for (let i = 0; i < n; i++) slotOf[values[i]] = i;
  let k = 0;
  for (let v = 0; v < limit; v++) if (slotOf[v] >= 0) order[k++] = slotOf[v];
  return order;
}

/** out[i] = from[order[i]]. */
function reorder<T extends Float64Array | Uint8Array>(from: T, out: T, order: Int32Array): T {
  for (let i = 0; i < order.length; i++) out[i] = from[order[i]];
  return out;
}

function trim(h: Histories, n: number): Histories {
  return {
    ids: h.ids, firstDay: h.firstDay.slice(0, n), x: h.x.slice(0, n), recencyDays: h.recencyDays.slice(0, n),
    ageDays: h.ageDays.slice(0, n), zbar: h.zbar.slice(0, n), meanDaySpend: h.meanDaySpend.slice(0, n),
    revenue: h.revenue.slice(0, n), cost: h.cost.slice(0, n), hasCost: h.hasCost.slice(0, n), returned: h.returned.slice(0, n),
  };
}
