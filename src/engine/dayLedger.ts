/**
 * Per customer and day, what the purchase models and cohorts read of a customer's lines (a day's
 * net amount, whether it holds a purchase or a return, its cost), kept as typed arrays so that a
 * reader folding a large file needs memory for customer-days, not rows. It hands them over as
 * DayColumns (engine/modelLines.ts), folded as clv/summary.ts folds the lines themselves, so the
 * histories are the same to the last bit, without a line object per customer-day.
 */
import type { Transaction } from './types';
import { sortIndicesBy, type DayColumns } from './modelLines';

/**
 * Customer-days kept at most: the arrays stay near 300 MB and the hash table at 64 MB. (The same
 * limit as when the table was a JS Map, which holds about 16.7 million entries.)
 */
export const MAX_LEDGER_DAYS = 8_000_000;

const HAS_PURCHASE = 1;
const HAS_RETURN = 2;
const HAS_COST = 4;

/** Entries per hash-table slot at most before it doubles (load factor ½). */
const LOAD_LIMIT = 0.5;

/** Hash of (customer slot, day) for the open-addressing table: integer mixing, then the low bits. */
function hashOf(customer: number, day: number, mask: number): number {
  let h = Math.imul(customer, 0x9e3779b1) ^ Math.imul(day | 0, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h & mask;
}

/**
 * (customer, day) → net amount, cost, and whether a purchase or a return line was among them.
 * Customers are the caller's slots (CustomerFold's, in first-seen order); a typed open-addressing
 * table finds a customer-day without a JS Map's boxed number keys (1,048,576 synthetic rows: the
 * ledger's share of the read fell from about 0.9 s to 0.1 s in a CPU profile).
 */
export class DayLedger {
  private customer: Int32Array = new Int32Array(1024);
  private day: Float64Array = new Float64Array(1024);
  private net: Float64Array = new Float64Array(1024);
  private cost: Float64Array = new Float64Array(1024);
  private flags: Uint8Array = new Uint8Array(1024);
  /** Entry index + 1 per table slot; 0 = empty. */
  private table: Int32Array = new Int32Array(4096);
  private size = 0;
  /** True once a line could not be kept (too many customer-days, or a day that is not a whole number): the ledger is then unusable. */
  overflowed = false;

  /**
   * Adds one normalised line.
   * @param t the line
   * @param isPurchase whether the line is a purchase (the engine's rule, decided by the caller)
   * @param customer the customer's slot (0, 1, 2, … in first-seen order; CustomerFold.add returns it)
   */
  add(t: Transaction, isPurchase: boolean, customer: number): void {
    if (this.overflowed) return;
    const day = t.day;
    if (!Number.isInteger(day) || Math.abs(day) > 2 ** 30) { this.drop(); return; }
    let e = this.find(customer, day);
    if (e < 0) {
      if (this.size >= MAX_LEDGER_DAYS) { this.drop(); return; }
      e = this.insert(customer, day);
    }
    this.net[e] += t.amount;
    this.flags[e] |= isPurchase ? HAS_PURCHASE : HAS_RETURN;
    if (t.cost !== undefined) { this.cost[e] += t.cost; this.flags[e] |= HAS_COST; }
  }

  /** The entry of (customer, day), or −1. */
  private find(customer: number, day: number): number {
    if (this.table.length === 0) return -1;
    const mask = this.table.length - 1;
    for (let i = hashOf(customer, day, mask); ; i = (i + 1) & mask) {
      const slot = this.table[i];
      if (slot === 0) return -1;
      const e = slot - 1;
      if (this.customer[e] === customer && this.day[e] === day) return e;
    }
  }

  /** Adds (customer, day) as a new entry and returns it. */
  private insert(customer: number, day: number): number {
    if (this.size === this.day.length) this.grow();
    if (this.size + 1 > this.table.length * LOAD_LIMIT) this.rehash(this.table.length * 2);
    const e = this.size++;
    this.customer[e] = customer;
    this.day[e] = day;
    this.place(e);
    return e;
  }

  private place(e: number): void {
    const mask = this.table.length - 1;
    let i = hashOf(this.customer[e], this.day[e], mask);
    while (this.table[i] !== 0) i = (i + 1) & mask;
    this.table[i] = e + 1;
  }

  private rehash(length: number): void {
    this.table = new Int32Array(length);
    for (let e = 0; e < this.size; e++) this.place(e);
  }

  /**
   * The customer-days as the purchase models and cohorts read them (engine/modelLines.ts): each
   * customer's days ascending. A day's entry index stands for its first row (entries are made in
   * row order); its net is its lines summed in row order from 0, as clv/summary.ts sums a day.
   * @param ids customer id of each slot
   * @returns the columns, the same buildHistories makes of the lines themselves
   */
  dayColumns(ids: readonly string[]): DayColumns {
    const n = this.size;
    const offsets = new Int32Array(ids.length + 1);
    for (let e = 0; e < n; e++) offsets[this.customer[e] + 1]++;
    for (let c = 0; c < ids.length; c++) offsets[c + 1] += offsets[c];
    const fill = offsets.slice(0, ids.length);
    const order = new Int32Array(n);
    for (let e = 0; e < n; e++) order[fill[this.customer[e]]++] = e;
    const day = this.day;
    for (let c = 0; c < ids.length; c++) sortIndicesBy(order, offsets[c], offsets[c + 1], (e) => day[e]);
    const out: DayColumns = {
      ids, offsets, day: new Float64Array(n), net: new Float64Array(n), bought: new Uint8Array(n), cost: new Float64Array(n),
      hasCost: new Uint8Array(n), returned: new Uint8Array(n), firstRow: order, rows: n,
    };
    for (let d = 0; d < n; d++) {
      const e = order[d];
      const f = this.flags[e];
      out.day[d] = this.day[e];
      out.net[d] = this.net[e];
      out.bought[d] = f & HAS_PURCHASE ? 1 : 0;
      // a day without a purchase is a return day; a purchase day's net is below 0 only with a return
      out.returned[d] = f & HAS_PURCHASE ? (f & HAS_RETURN ? 1 : 0) : 1;
      if (f & HAS_COST && Number.isFinite(this.cost[e])) {
        out.cost[d] = this.cost[e];
        out.hasCost[d] = 1;
      }
    }
    return out;
  }

  private drop(): void {
    this.overflowed = true;
    // unusable from here on: let the arrays go (up to ~300 MB at the limit)
    this.table = new Int32Array(0);
    this.customer = new Int32Array(0);
    this.day = new Float64Array(0);
    this.net = new Float64Array(0);
    this.cost = new Float64Array(0);
    this.flags = new Uint8Array(0);
    this.size = 0;
  }

  private grow(): void {
    const n = this.day.length * 2;
    const extend = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.customer = extend(this.customer, (k) => new Int32Array(k));
    this.day = extend(this.day, (k) => new Float64Array(k));
    this.net = extend(this.net, (k) => new Float64Array(k));
    this.cost = extend(this.cost, (k) => new Float64Array(k));
    this.flags = extend(this.flags, (k) => new Uint8Array(k));
  }
}
