/**
 * Cumulative repeat purchases over the holdout, predicted against actual, period by period: the
 * tracking chart of Fader, Hardie & Lee (2005, Figure 3), for the customers seen before the holdout.
 */
import type { DayNumber } from '../types';
import { modelExpectedIfAlive, modelPAlive, type FittedPurchaseModel } from './models';
import type { PurchaseGroups } from './groups';
import { MONTH_DAYS } from './summary';
import { forEachPurchaseDay, type ModelLines } from '../modelLines';

/** One point of the tracking chart. */
export interface TrackingPoint {
  /** Days since the holdout start at the end of the period. */
  day: number;
  /** The same in the model's unit. */
  period: number;
  /** Cumulative repeat purchases predicted by then. */
  predicted: number;
  /** Cumulative purchase days seen by then. */
  actual: number;
}

/**
 * Builds the tracking series: one point per week (per month when the model counts in months),
 * the last at the holdout end.
 * @param fit the model with its calibration fit
 * @param groups the calibration patterns (model units)
 * @param eligible calibration customers by id
 * @param transactions all lines
 * @param holdoutFrom first holdout day
 * @param lastDay last holdout day
 * @param unitDays days per model unit
 * @returns the points in time order
 */
export function trackingSeries(
  fit: FittedPurchaseModel,
  groups: PurchaseGroups,
  eligible: ReadonlyMap<string, number>,
  transactions: ModelLines,
  holdoutFrom: DayNumber,
  lastDay: DayNumber,
  unitDays: number,
): TrackingPoint[] {
  const durationDays = lastDay - holdoutFrom + 1;
  const stepDays = unitDays >= MONTH_DAYS ? MONTH_DAYS : 7;
  const ends: number[] = [];
  for (let d = stepDays; d < durationDays; d += stepDays) ends.push(Math.round(d));
  ends.push(durationDays);
  const actualByDay = purchaseDaysByOffset(transactions, eligible, holdoutFrom, durationDays);
  const alive = Array.from(groups.x, (x, g) => modelPAlive(fit, x, groups.tx[g], groups.T[g]));
  const nT = groups.TValues.length;
  let cumulativeActual = 0;
  let counted = 0;
  return ends.map((endDay) => {
    for (; counted < endDay; counted++) cumulativeActual += actualByDay[counted];
    const t = endDay / unitDays;
    const cache = new Map<number, number>();
    let predicted = 0;
    for (let g = 0; g < groups.w.length; g++) {
      const key = groups.xOf[g] * nT + groups.TOf[g];
      let ifAlive = cache.get(key);
      if (ifAlive === undefined) {
        ifAlive = modelExpectedIfAlive(fit, t, groups.x[g], groups.T[g]);
        cache.set(key, ifAlive);
      }
      predicted += groups.w[g] * alive[g] * ifAlive;
    }
    return { day: endDay, period: t, predicted, actual: cumulativeActual };
  });
}

/** Distinct purchase days of eligible customers, counted by day offset from the holdout start. */
function purchaseDaysByOffset(transactions: ModelLines, eligible: ReadonlyMap<string, number>, from: DayNumber, days: number): Float64Array {
  const seen = new Set<number>();
  const counts = new Float64Array(days);
  forEachPurchaseDay(transactions, (customerId, day) => {
    const offset = day - from;
    if (offset < 0 || offset >= days) return;
    const customer = eligible.get(customerId);
    if (customer === undefined) return;
    const key = customer * days + offset;
    if (seen.has(key)) return;
    seen.add(key);
    counts[offset]++;
  });
  return counts;
}
