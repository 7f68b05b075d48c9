/**
 * What the purchase models and the cohort tables read of a customer's lines: either the
 * normalised transactions themselves, or a streaming reader's per-customer-day columns
 * (engine/dayLedger.ts), which hold every fact those stages use (a day's net amount, whether it
 * holds a purchase or a return, its cost) without a line object per day.
 */
import type { DayNumber, Transaction } from './types';
import { isPurchase } from './rowRules';

/**
 * Each customer's purchase and return days, ascending, folded: what clv/summary.ts builds from the
 * lines once per transaction array, or what a reader folded while reading.
 */
export interface DayColumns {
  /** Customer ids by slot (first-seen order). */
  ids: readonly string[];
  /** Customer c's days are [offsets[c], offsets[c + 1]). */
  offsets: Int32Array;
  day: Float64Array;
  /** The day's net amount (its lines summed in row order from 0). */
  net: Float64Array;
  /** 1 when a line of the day is a purchase (isPurchase). */
  bought: Uint8Array;
  cost: Float64Array;
  hasCost: Uint8Array;
  /** 1 when a line of the day is a return. */
  returned: Uint8Array;
  /**
   * The row of the day's first line, or any numbers below `rows` in the same order (keeps
   * first-seen order in any window).
   */
  firstRow: Int32Array;
  /** Every firstRow is below this. */
  rows: number;
}

/** Normalised transactions, or the same customers' days folded (DayColumns). */
export type ModelLines = readonly Transaction[] | DayColumns;

/**
 * Whether the lines come folded by day.
 * @param lines the lines
 * @returns true for DayColumns
 */
export function isDayColumns(lines: ModelLines): lines is DayColumns {
  return !Array.isArray(lines);
}

/**
 * Whether there are no lines at all (customer-level input hands none).
 * @param lines the lines
 * @returns true when empty
 */
export function hasNoLines(lines: ModelLines): boolean {
  return isDayColumns(lines) ? lines.rows === 0 : lines.length === 0;
}

/**
 * Calls `visit` for each purchase: every purchase line, or every day holding one (the callers
 * count distinct days, so a day seen twice counts once either way).
 * @param lines the lines
 * @param visit called with the customer id and the day
 */
export function forEachPurchaseDay(lines: ModelLines, visit: (customerId: string, day: DayNumber) => void): void {
  if (!isDayColumns(lines)) {
    for (const t of lines) if (isPurchase(t)) visit(t.customerId, t.day);
    return;
  }
  for (let c = 0; c < lines.ids.length; c++) {
    const id = lines.ids[c];
    for (let d = lines.offsets[c]; d < lines.offsets[c + 1]; d++) if (lines.bought[d] === 1) visit(id, lines.day[d]);
  }
}

/**
 * Sorts indices[from, to) by key, ties by the index itself (so the order is stable in the indices'
 * own order): insertion sort for the usual handful (a customer's lines or days), the built-in sort
 * beyond that.
 * @param indices the indices, sorted in place
 * @param from first position
 * @param to one past the last position
 * @param key the sort key of an index
 */
export function sortIndicesBy(indices: Int32Array, from: number, to: number, key: (index: number) => number): void {
  if (to - from > 32) {
    const sorted = Array.from(indices.subarray(from, to)).sort((a, b) => key(a) - key(b) || a - b);
    indices.set(sorted, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const index = indices[i];
    const k = key(index);
    let j = i - 1;
    while (j >= from && key(indices[j]) > k) {
      indices[j + 1] = indices[j];
      j--;
    }
    indices[j + 1] = index;
  }
}
