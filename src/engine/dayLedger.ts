/**
 * Per customer and day, what the purchase models read of a customer's lines (engine/clv/summary.ts:
 * a day's net amount, whether it holds a purchase, its cost), kept as typed arrays so that a reader
 * folding a large file needs memory for customer-days, not rows. It hands the models at most three
 * lines per customer and day: on a day with a purchase, a zero-amount purchase (so the day counts),
 * the day's net amount, and a zero-amount return when the day also had a return; on a day with
 * returns only, the net as a return. The net is summed in
 * row order from 0, as summary.ts sums a day's lines, so the histories are the same to the last bit.
 */
import type { DayNumber, Transaction } from './types';

/** Customer-days kept at most (a JS Map holds about 16.7 million entries; the arrays stay near 300 MB). */
export const MAX_LEDGER_DAYS = 8_000_000;

/** Days are stored offset by this, so that (customer, day) makes one exact number key. */
const DAY_OFFSET = 2 ** 20;
const DAY_SPAN = 2 ** 21;

const HAS_PURCHASE = 1;
const HAS_RETURN = 2;
const HAS_COST = 4;

/** (customer, day) → net amount, cost, and whether a purchase line was among them. */
export class DayLedger {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly entries = new Map<number, number>();
  private customer: Int32Array = new Int32Array(1024);
  private day: Float64Array = new Float64Array(1024);
  private net: Float64Array = new Float64Array(1024);
  private cost: Float64Array = new Float64Array(1024);
  private flags: Uint8Array = new Uint8Array(1024);
  private size = 0;
  private lastId: string | undefined;
  private lastSlot = -1;
  /** True once a line could not be kept (too many customer-days, or a day out of range): the ledger is then unusable. */
  overflowed = false;

  /**
   * Adds one normalised line.
   * @param t the line
   * @param isPurchase whether the line is a purchase (the engine's rule, decided by the caller)
   */
  add(t: Transaction, isPurchase: boolean): void {
    if (this.overflowed) return;
    if (t.customerId !== this.lastId) {
      this.lastId = t.customerId;
      let slot = this.ids.get(t.customerId);
      if (slot === undefined) {
        slot = this.names.length;
        this.ids.set(t.customerId, slot);
        this.names.push(t.customerId);
      }
      this.lastSlot = slot;
    }
    const offsetDay = t.day + DAY_OFFSET;
    if (offsetDay < 0 || offsetDay >= DAY_SPAN) { this.drop(); return; }
    const key = this.lastSlot * DAY_SPAN + offsetDay;
    let e = this.entries.get(key);
    if (e === undefined) {
      if (this.size >= MAX_LEDGER_DAYS) { this.drop(); return; }
      if (this.size === this.day.length) this.grow();
      e = this.size++;
      this.entries.set(key, e);
      this.customer[e] = this.lastSlot;
      this.day[e] = t.day;
    }
    this.net[e] += t.amount;
    this.flags[e] |= isPurchase ? HAS_PURCHASE : HAS_RETURN;
    if (t.cost !== undefined) { this.cost[e] += t.cost; this.flags[e] |= HAS_COST; }
  }

  /**
   * The lines the purchase models need, per customer and day in this order: a zero-amount purchase
   * when the day has a purchase (carrying the day's cost), then the day's net amount (on a day
   * without a purchase: a return, carrying the cost).
   * @returns the lines (row numbers are 0: they stand for several rows)
   */
  lines(): Transaction[] {
    const out: Transaction[] = [];
    for (let e = 0; e < this.size; e++) {
      const customerId = this.names[this.customer[e]];
      const day: DayNumber = this.day[e];
      const f = this.flags[e];
      const net = this.net[e];
      const costed = (line: Transaction): Transaction => {
        if (f & HAS_COST) line.cost = this.cost[e];
        return line;
      };
      if (f & HAS_PURCHASE) {
        out.push(costed({ customerId, day, amount: 0, rowNumber: 0 }));
        if (net !== 0) out.push({ customerId, day, amount: net, rowNumber: 0 });
        // a return on a purchase day: a zero-amount return keeps that fact (summary.ts `returned`)
        if (f & HAS_RETURN) out.push({ customerId, day, amount: 0, isReturn: true, rowNumber: 0 });
      } else {
        const line: Transaction = costed({ customerId, day, amount: net, rowNumber: 0 });
        if (net === 0) line.isReturn = true; // a zero-amount return (negative quantity) stays a return
        out.push(line);
      }
    }
    return out;
  }

  private drop(): void {
    this.overflowed = true;
    this.entries.clear();
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
