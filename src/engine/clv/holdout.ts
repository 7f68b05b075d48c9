/**
 * Holdout check: fit on the days before a holdout start, then compare each customer's predicted
 * repeat purchases over the holdout with the purchase days actually seen there.
 */
import type { DayNumber } from '../types';
import { fitReport } from './fit';
import { fitModelOrExplain } from './modelFit';
import { modelExpected, type PurchaseModelName } from './models';
import { groupPatterns } from './groups';
import { buildHistories } from './summary';
import { trackingSeries } from './tracking';
import { asReason, keyedReason, wrapping } from './reasons';
import type { HoldoutReport, KeyedReason } from './types';
import type { ModelLines } from '../modelLines';

/** Calibration repeat-purchase classes of the chart: 0..6 and 7+. */
const FREQUENCY_CLASSES = 8;

/**
 * Runs the holdout check.
 * @param transactions all normalised lines
 * @param model the model to check
 * @param holdoutFrom first holdout day
 * @param lastDay last day observed (holdout end, inclusive)
 * @param unitDays days per model unit
 * @returns the comparison, or why it could not be made
 */
export function runHoldout(
  transactions: ModelLines,
  model: PurchaseModelName,
  holdoutFrom: DayNumber,
  lastDay: DayNumber,
  unitDays: number,
): HoldoutReport | ({ status: 'skipped' } & KeyedReason) {
  if (!(holdoutFrom <= lastDay)) return { status: 'skipped', ...keyedReason('predict.holdout.afterEnd') };
  const calibration = buildHistories(transactions, holdoutFrom - 1);
  const groups = groupPatterns(calibration.x, calibration.recencyDays, calibration.ageDays, unitDays);
  const fit = fitModelOrExplain(model, groups);
  if ('reason' in fit) return { status: 'skipped', ...asReason(wrapping('predict.holdout.beforeStart', fit.reason)) };
  const holdout = buildHistories(transactions, lastDay, holdoutFrom);
  const actualById = new Map<string, number>();
  holdout.ids.forEach((id, i) => actualById.set(id, holdout.x[i] + 1));
  const durationUnits = (lastDay - holdoutFrom + 1) / unitDays;
  const perGroup = Array.from(groups.x, (x, g) => modelExpected(fit, durationUnits, x, groups.tx[g], groups.T[g]));
  const customers: HoldoutReport['customers'] = [];
  const totals = { customers: 0, predicted: 0, actual: 0 };
  calibration.ids.forEach((id, i) => {
    const predicted = perGroup[groups.groupOf[i]];
    const actual = actualById.get(id) ?? 0;
    customers.push({ id, frequency: calibration.x[i], predicted, actual });
    totals.customers++;
    totals.predicted += predicted;
    totals.actual += actual;
  });
  const classes = frequencyClasses(customers);
  const eligible = new Map<string, number>();
  calibration.ids.forEach((id, i) => eligible.set(id, i));
  const tracking = trackingSeries(fit, groups, eligible, transactions, holdoutFrom, lastDay, unitDays);
  return { holdoutFrom, holdoutTo: lastDay, durationUnits, fit: fitReport(fit), totals, byFrequency: classes, tracking, customers };
}

/**
 * Mean predicted and actual holdout purchases by calibration repeat purchases (0..6 and "7+"): the
 * data of the calibration-vs-holdout chart (lifetimes' plot_calibration_purchases_vs_holdout_purchases).
 * @param customers each customer's calibration repeat purchases and holdout figures
 * @returns the eight classes in order; a class without customers has means 0
 */
export function frequencyClasses(customers: readonly { frequency: number; predicted: number; actual: number }[]): HoldoutReport['byFrequency'] {
  const classes = Array.from({ length: FREQUENCY_CLASSES }, (_, k) => ({ frequency: k === FREQUENCY_CLASSES - 1 ? `${k}+` : String(k), customers: 0, meanPredicted: 0, meanActual: 0 }));
  for (const c of customers) {
    const cls = classes[Math.min(c.frequency, FREQUENCY_CLASSES - 1)];
    cls.customers++;
    cls.meanPredicted += c.predicted;
    cls.meanActual += c.actual;
  }
  for (const cls of classes) {
    if (cls.customers === 0) continue;
    cls.meanPredicted /= cls.customers;
    cls.meanActual /= cls.customers;
  }
  return classes;
}
