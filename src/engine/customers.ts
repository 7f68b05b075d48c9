/**
 * Customers: one row of metrics per customer, from transactions or from customer-level input.
 *
 * Purchases (amount ≥ 0, see isPurchase: free items count) give first and last purchase, length,
 * recency and frequency; returns (amount < 0, or a zero line with a negative quantity) only reduce revenue. Customers with returns but no purchase are reported, not scored.
 * Output is sorted by id (see compareIds) so that the order of input rows never changes the result.
 */
import { InputError, type CustomerInput, type CustomerResult, type DayNumber, type Transaction } from './types';
import { inputError } from './messages';
import { sortIds } from './customerIds';
import { isPurchase } from './rowRules';

export { compareIds, sortIds } from './customerIds';

/**
 * The metrics of one customer before scoring (the CustomerResult fields this stage fills):
 * frequency = distinct orders among purchases (purchase rows without order ids); revenue = net of
 * returns; lengthDays null for customer-level input; monetary = revenue or average order value.
 */
export type CustomerMetrics = Pick<
  CustomerResult,
  'id' | 'firstPurchase' | 'lastPurchase' | 'lengthDays' | 'recencyDays' | 'frequency' | 'revenue' | 'averageOrderValue' | 'monetary'
>;

/** Customers and the facts about the data that later stages and the totals need. */
export interface CustomerTable {
  /** Sorted by id. */
  customers: CustomerMetrics[];
  analysisDate: DayNumber;
  /** Transactions of scored customers (purchases and returns); customer-level input: rows used. */
  transactionsUsed: number;
  firstDay: DayNumber | null;
  lastDay: DayNumber | null;
  returnsOnlyCustomers: { count: number; examples: string[] };
}

/** Options of the customer stage. */
export interface CustomerOptions {
  /** Default: the day after the latest transaction (customer-level: after the latest last purchase). */
  analysisDate?: DayNumber;
  monetaryBasis?: 'total' | 'average';
}

const EXAMPLES = 10;

function makeMetrics(
  id: string,
  first: DayNumber | null,
  last: DayNumber | null,
  analysisDate: DayNumber,
  recencyDays: number,
  frequency: number,
  revenue: number,
  basis: 'total' | 'average',
): CustomerMetrics {
  const averageOrderValue = frequency > 0 ? revenue / frequency : 0;
  return {
    id,
    firstPurchase: first,
    lastPurchase: last,
    lengthDays: first === null ? null : analysisDate - first,
    recencyDays,
    frequency,
    revenue,
    averageOrderValue,
    monetary: basis === 'average' ? averageOrderValue : revenue,
  };
}

/** Per-customer accumulators in typed arrays, indexed by the order customers first appear. */
class Accumulator {
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  first: Float64Array;
  last: Float64Array;
  /** Revenue in ten-thousandths where the amount is exact at that scale: integer sums, order-independent. */
  revenueUnits: Float64Array;
  /** Revenue of amounts with more decimals than that. */
  revenueRest: Float64Array;
  orders: Float64Array;
  rows: Float64Array;
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.first = new Float64Array(n).fill(Infinity);
    this.last = new Float64Array(n).fill(-Infinity);
    this.revenueUnits = new Float64Array(n);
    this.revenueRest = new Float64Array(n);
    this.orders = new Float64Array(n);
    this.rows = new Float64Array(n);
  }
  /** Index of a customer, adding it when new. */
  slot(id: string): number {
    let k = this.index.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.index.set(id, k);
      this.ids.push(id);
    }
    return k;
  }
}

/**
 * The number an order id stands for when it is a plain decimal integer below 2^31 without leading
 * zeros ("536365"), else −1: such ids are kept under number keys, which a Map hashes far faster
 * than fresh strings (1,048,576 synthetic rows: 0.60 s → see the commit).
 */
function smallOrderNumber(orderId: string): number {
  const n = orderId.length;
  if (n === 0 || n > 9 || (n > 1 && orderId.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = orderId.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The owners of one order id: one customer (a number) or, when several customers use it, a set. */
type Owners = number | Set<number>;

/**
 * Counts an order once per customer. An order id normally belongs to one customer (stored as a
 * number); ids that several customers use (e.g. per-customer order numbers) hold a set of them.
 */
class OrderCounter {
  private readonly byText = new Map<string, Owners>();
  private readonly byNumber = new Map<number, Owners>();
  /** True when this (customer, order) pair is seen for the first time. */
  isNew(customer: number, orderId: string): boolean {
    const number = smallOrderNumber(orderId);
    return number >= 0 ? firstTime(this.byNumber, number, customer) : firstTime(this.byText, orderId, customer);
  }
}

/** Records `customer` as an owner of `key`; true when it was not one before. */
function firstTime<K>(owners: Map<K, Owners>, key: K, customer: number): boolean {
  const o = owners.get(key);
  if (o === undefined) {
    owners.set(key, customer);
    return true;
  }
  if (o === customer) return false;
  if (typeof o === 'number') {
    owners.set(key, new Set([o, customer]));
    return true;
  }
  if (o.has(customer)) return false;
  o.add(customer);
  return true;
}

/**
 * Aggregates transactions into customer metrics. O(rows) with one map lookup per row, plus one sort
 * of the customer ids.
 * @param transactions normalised transactions (purchases ≥ 0, returns < 0; see isPurchase)
 * @param options analysis date and monetary basis
 * @returns customers sorted by id, with returns-only customers reported apart
 * @throws InputError when the analysis date or a row's day is not a whole day number, or an amount
 *   is not a finite number (normalisation never hands those over)
 */
export function customersFromTransactions(transactions: readonly Transaction[], options: CustomerOptions = {}): CustomerTable {
  const fold = new CustomerFold(transactions.length >>> 3);
  const owner = new Int32Array(transactions.length);
  for (let i = 0; i < transactions.length; i++) owner[i] = fold.add(transactions[i]);
  customerSlots.set(transactions, { ids: fold.customerIds, owner });
  return fold.table(options);
}

/** Each line's customer slot and the ids by slot (first-seen order), as the fold found them. */
export interface CustomerSlots {
  ids: readonly string[];
  owner: Int32Array;
}

/** The slots customersFromTransactions found, by transaction array (read-only for a run). */
const customerSlots = new WeakMap<readonly Transaction[], CustomerSlots>();

/**
 * The customer slot of every line of an array customersFromTransactions has folded, so that a
 * later stage grouping the same lines by customer (the purchase models' histories) need not look
 * every id up again; undefined for any other array, or one whose length has changed since.
 * @param transactions the lines
 * @returns the ids by slot and each line's slot, or undefined
 */
export function customerSlotsOf(transactions: readonly Transaction[]): CustomerSlots | undefined {
  const slots = customerSlots.get(transactions);
  return slots && slots.owner.length === transactions.length ? slots : undefined;
}

/**
 * customersFromTransactions one transaction at a time, for a reader that folds a file's rows as
 * they arrive (memory grows with customers and order ids, not rows). Same rules, same result.
 */
export class CustomerFold {
  private readonly acc: Accumulator;
  private readonly orders = new OrderCounter();
  private maxDay = -Infinity;
  private lastId: string | undefined;
  private k = -1;
  private lastOrder: string | undefined;
  private lastOrderCustomer = -1;

  /** @param capacity expected customers (grows as needed) */
  constructor(capacity = 16) {
    this.acc = new Accumulator(capacity);
  }

  /** Customers seen so far (returns-only ones included). */
  get customerCount(): number {
    return this.acc.ids.length;
  }

  /** Customer ids by slot (first-seen order; returns-only customers included). */
  get customerIds(): readonly string[] {
    return this.acc.ids;
  }

  /**
   * Adds one normalised transaction.
   * @returns the customer's slot (0, 1, 2, … in first-seen order)
   * @throws InputError when its day is not a whole day number or its amount not finite
   */
  add(t: Transaction): number {
    const acc = this.acc;
    if (!Number.isInteger(t.day) || !Number.isFinite(t.amount)) throw badTransaction(t);
    if (acc.ids.length === acc.first.length) grow(acc);
    // rows of one customer usually come together: skip the map look-up then
    if (t.customerId !== this.lastId) {
      this.lastId = t.customerId;
      this.k = acc.slot(t.customerId);
    }
    const k = this.k;
    addRevenue(acc, k, t.amount);
    acc.rows[k]++;
    if (t.day > this.maxDay) this.maxDay = t.day;
    if (!isPurchase(t)) return k;
    if (t.day < acc.first[k]) acc.first[k] = t.day;
    if (t.day > acc.last[k]) acc.last[k] = t.day;
    if (t.orderId === undefined) acc.orders[k]++;
    else if (t.orderId !== this.lastOrder || k !== this.lastOrderCustomer) {
      // lines of one order usually come together: only the first one asks the counter
      this.lastOrder = t.orderId;
      this.lastOrderCustomer = k;
      if (this.orders.isNew(k, t.orderId)) acc.orders[k]++;
    }
    return k;
  }

  /**
   * The customer table of everything added.
   * @param options analysis date (default: the day after the latest transaction) and monetary basis
   */
  table(options: CustomerOptions = {}): CustomerTable {
    const analysisDate = resolveAnalysisDate(options.analysisDate, this.maxDay);
    return buildTable(this.acc, analysisDate, options.monetaryBasis ?? 'total');
  }
}

function badTransaction(t: Transaction): InputError {
  return Number.isInteger(t.day)
    ? inputError('engine.error.badAmount', { row: t.rowNumber, value: String(t.amount) })
    : inputError('engine.error.badDay', { row: t.rowNumber, value: String(t.day) });
}

/** Scale at which amounts are summed as integers (four decimals). */
const REVENUE_SCALE = 10000;

/**
 * Adds an amount to a customer's revenue so that the sum does not depend on row order: amounts
 * with at most four decimals (nearly all money) are summed exactly as integers of 1/10000.
 */
function addRevenue(acc: Accumulator, k: number, amount: number): void {
  const scaled = amount * REVENUE_SCALE;
  const units = Math.round(scaled);
  if (Math.abs(scaled - units) < 1e-6) acc.revenueUnits[k] += units;
  else acc.revenueRest[k] += amount;
}

function grow(acc: Accumulator): void {
  const n = acc.first.length * 2;
  const extend = (a: Float64Array, fill: number): Float64Array => {
    const b = new Float64Array(n).fill(fill);
    b.set(a);
    return b;
  };
  acc.first = extend(acc.first, Infinity);
  acc.last = extend(acc.last, -Infinity);
  acc.revenueUnits = extend(acc.revenueUnits, 0);
  acc.revenueRest = extend(acc.revenueRest, 0);
  acc.orders = extend(acc.orders, 0);
  acc.rows = extend(acc.rows, 0);
}

function resolveAnalysisDate(given: DayNumber | undefined, latestDay: number, implied?: DayNumber): DayNumber {
  if (given !== undefined) {
    if (!Number.isInteger(given)) throw inputError('engine.error.analysisDateNotWhole', { value: String(given) });
    return given;
  }
  if (implied !== undefined) return implied;
  return Number.isFinite(latestDay) ? latestDay + 1 : NaN;
}

/** The latest last purchase of customer rows (−Infinity when none has one). */
function latestLastPurchase(inputs: readonly CustomerInput[]): number {
  let latest = -Infinity;
  for (const row of inputs) if (row.lastPurchase !== undefined && row.lastPurchase > latest) latest = row.lastPurchase;
  return latest;
}

/**
 * The analysis date a summary table was computed at (the table of `rfm sql`: every row has first
 * purchase and T = analysis date − 1 − first purchase), when all rows agree; else undefined.
 */
function summaryAnalysisDate(inputs: readonly CustomerInput[]): DayNumber | undefined {
  let date: number | undefined;
  for (const row of inputs) {
    if (row.firstPurchase === undefined || row.history === undefined) return undefined;
    const implied = row.firstPurchase + row.history.ageDays + 1;
    if (date !== undefined && implied !== date) return undefined;
    date = implied;
  }
  return date;
}

/**
 * Amounts that each fit a double can add up to more than one holds (two of 1e308): the revenue
 * would become Infinity, shown as an empty monetary with the top score. Refused instead.
 * @throws InputError naming the customer, or the total over all customers
 */
function assertFiniteRevenue(customers: readonly CustomerMetrics[]): void {
  let total = 0;
  for (const c of customers) {
    if (!Number.isFinite(c.revenue) || !Number.isFinite(c.monetary)) throw inputError('engine.error.revenueOverflow', { customer: c.id });
    total += Math.abs(c.revenue);
  }
  if (!Number.isFinite(total)) throw inputError('engine.error.totalOverflow');
}

function buildTable(acc: Accumulator, analysisDate: DayNumber, basis: 'total' | 'average'): CustomerTable {
  const customers: CustomerMetrics[] = [];
  const returnsOnly: string[] = [];
  let used = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const id of sortIds(acc.ids)) {
    const k = acc.index.get(id)!;
    if (acc.orders[k] === 0) {
      returnsOnly.push(id);
      continue;
    }
    used += acc.rows[k];
    const first = acc.first[k];
    const last = acc.last[k];
    if (first < firstDay) firstDay = first;
    if (last > lastDay) lastDay = last;
    customers.push(makeMetrics(id, first, last, analysisDate, analysisDate - last, acc.orders[k], acc.revenueUnits[k] / REVENUE_SCALE + acc.revenueRest[k], basis));
  }
  assertFiniteRevenue(customers);
  return {
    customers,
    analysisDate,
    transactionsUsed: used,
    firstDay: customers.length ? firstDay : null,
    lastDay: customers.length ? lastDay : null,
    returnsOnlyCustomers: { count: returnsOnly.length, examples: returnsOnly.slice(0, EXAMPLES) },
  };
}

/**
 * Builds customer metrics from customer-level input (as R's `rfm_table_customer`): recency from
 * recencyDays, else analysisDate − lastPurchase; length and first purchase are null. Rows with the
 * same customer id are merged (orders and revenue summed, the most recent purchase kept).
 * Default analysis date: the day after the latest last purchase; NaN when the input has only
 * recency days and no analysis date is given (recency is then taken as given).
 * @param inputs normalised customer rows
 * @param options analysis date and monetary basis
 * @returns customers sorted by id
 * @throws InputError naming the row when a row has neither recency nor last purchase, or when a
 *   last purchase needs an analysis date that cannot be known
 */
export function customersFromInputs(inputs: readonly CustomerInput[], options: CustomerOptions = {}): CustomerTable {
  const analysisDate = resolveAnalysisDate(options.analysisDate, latestLastPurchase(inputs), summaryAnalysisDate(inputs));
  const merged = new Map<string, { recency: number; last: number | null; first: number | null; frequency: number; revenue: number }>();
  for (const row of inputs) {
    const recency = row.recencyDays ?? (row.lastPurchase !== undefined ? analysisDate - row.lastPurchase : NaN);
    if (!Number.isFinite(recency)) throw inputError('engine.error.noRecency', { row: row.rowNumber, customer: row.customerId });
    if (!Number.isFinite(row.frequency) || !Number.isFinite(row.monetary)) {
      throw inputError('engine.error.customerNumbers', { row: row.rowNumber });
    }
    const last = row.lastPurchase ?? (Number.isFinite(analysisDate) ? analysisDate - recency : null);
    const first = row.firstPurchase ?? null;
    const seen = merged.get(row.customerId);
    if (!seen) {
      merged.set(row.customerId, { recency, last, first, frequency: row.frequency, revenue: row.monetary });
      continue;
    }
    seen.frequency += row.frequency;
    seen.revenue += row.monetary;
    seen.first = seen.first === null || first === null ? null : Math.min(seen.first, first);
    if (recency < seen.recency) {
      seen.recency = recency;
      seen.last = last;
    }
  }
  const basis = options.monetaryBasis ?? 'total';
  const customers: CustomerMetrics[] = [];
  let lastDay = -Infinity;
  for (const id of sortIds(merged.keys())) {
    const m = merged.get(id)!;
    if (m.last !== null && m.last > lastDay) lastDay = m.last;
    const first = m.first !== null && Number.isFinite(analysisDate) ? m.first : null;
    customers.push(makeMetrics(id, first, m.last, analysisDate, m.recency, m.frequency, m.revenue, basis));
  }
  assertFiniteRevenue(customers);
  return {
    customers,
    analysisDate,
    transactionsUsed: inputs.length,
    firstDay: customers.length && customers.every((c) => c.firstPurchase !== null) ? Math.min(...customers.map((c) => c.firstPurchase as number)) : null,
    lastDay: Number.isFinite(lastDay) ? lastDay : null,
    returnsOnlyCustomers: { count: 0, examples: [] },
  };
}
