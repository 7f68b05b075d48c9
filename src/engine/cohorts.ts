/**
 * Cohort retention: customers grouped by the calendar month of their first purchase, and for each
 * later month the number of them with a purchase in it. Months are Gregorian or Jalali (Persian
 * output groups by Jalali months, whose boundaries differ).
 */
import { dayNumberToGregorian } from './civil';
import { dayNumberToJalali } from './jalali';
import type { DayNumber } from './types';
import { forEachPurchaseDay, type ModelLines } from './modelLines';

/** The calendar months are counted in. */
export type CohortCalendar = 'gregorian' | 'jalali';

/** One cohort: its month, its size, and how many of it bought in each month since. */
export interface CohortRow {
  /** The month of first purchase, `YYYY-MM` in the cohort's calendar. */
  cohort: string;
  customers: number;
  /** active[k] = customers of the cohort with a purchase in month cohort + k (active[0] = customers). */
  active: number[];
}

/** Month index (year · 12 + month − 1) of a day, in a calendar. */
function monthIndexOf(day: DayNumber, calendar: CohortCalendar): number {
  const d = calendar === 'jalali' ? dayNumberToJalali(day) : dayNumberToGregorian(day);
  return d.year * 12 + (d.month - 1);
}

/** `YYYY-MM` of a month index. */
function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The cohort table of purchases dated before the analysis date.
 * @param transactions normalised lines (returns are not purchases and count nowhere)
 * @param analysisDate lines on or after it are left out
 * @param calendar the months' calendar
 * @returns one row per month that has new customers, oldest first; each `active` runs to the month
 *   of the latest purchase. O(lines) with one calendar conversion per distinct day.
 * @example cohortTable([{ customerId: 'a', day: 0, amount: 5, rowNumber: 2 }], 1, 'gregorian') // [{ cohort: '1970-01', customers: 1, active: [1] }]
 */
export function cohortTable(transactions: ModelLines, analysisDate: DayNumber, calendar: CohortCalendar): CohortRow[] {
  const monthOfDay = new Map<DayNumber, number>();
  const monthsOf = new Map<string, Set<number>>();
  let lastMonth = -Infinity;
  forEachPurchaseDay(transactions, (customerId, day) => {
    if (day >= analysisDate) return;
    let month = monthOfDay.get(day);
    if (month === undefined) {
      month = monthIndexOf(day, calendar);
      monthOfDay.set(day, month);
    }
    let months = monthsOf.get(customerId);
    if (!months) monthsOf.set(customerId, (months = new Set()));
    months.add(month);
    if (month > lastMonth) lastMonth = month;
  });
  const byCohort = new Map<number, number[]>();
  for (const months of monthsOf.values()) {
    const first = Math.min(...months);
    let active = byCohort.get(first);
    if (!active) byCohort.set(first, (active = new Array<number>(lastMonth - first + 1).fill(0)));
    for (const m of months) active[m - first]++;
  }
  return [...byCohort.keys()].sort((a, b) => a - b).map((first) => {
    const active = byCohort.get(first)!;
    return { cohort: monthLabel(first), customers: active[0], active };
  });
}
