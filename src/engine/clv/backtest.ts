/**
 * The backtest scorecard (issue 10): hold out the last part of the history (the churn horizon),
 * fit on the rest with the same settings, and compare the churn answers with what customers did
 * in the holdout. The model side is pluggable (a WindowScorer), so the harness does not depend on
 * which model or churn rule made the answers.
 */
import type { DayNumber, Note } from '../types';
import { rocAuc } from './auc';
import { frequencyClasses } from './holdout';
import { keyedReason } from './reasons';
import { buildHistories, type Histories } from './summary';
import type { BacktestReport, BacktestSkipped } from './types';
import type { ModelLines } from '../modelLines';

/** The history must span at least this many horizons (calibration ≥ holdout) for the backtest to run by default. */
export const BACKTEST_HISTORY_FACTOR = 2;

/** Fewest customers with a purchase before the holdout for the backtest to run by default. */
export const BACKTEST_MIN_CUSTOMERS = 100;

/** The model's answers for each calibration customer (same order as the histories). */
export interface WindowScores {
  /** The purchase model that made them. */
  model: string;
  /** P(no purchase in the horizon). */
  pNoPurchase: ArrayLike<number>;
  /** P(alive) at the calibration end. */
  pAlive: ArrayLike<number>;
  /** Expected purchase days in the horizon. */
  expected: ArrayLike<number>;
  /** 1 when the churn rules call the customer Churned. */
  churned: ArrayLike<number | boolean>;
}

/**
 * Fits the model on calibration histories and scores their customers over the next `horizonDays`,
 * or says why it cannot.
 */
export type WindowScorer = (calibration: Histories, horizonDays: number) => WindowScores | { reason: Note };

/**
 * Why the backtest should not run by default, or null when it should: the history (first purchase
 * to the last day) must cover at least BACKTEST_HISTORY_FACTOR horizons, and at least
 * BACKTEST_MIN_CUSTOMERS customers must have bought before the holdout.
 * @param historyDays days from the first purchase to the last day, both included
 * @param horizonDays the churn horizon (the holdout length)
 * @param customers customers with a purchase before the holdout
 * @returns the skipped result, or null
 */
export function backtestSkipReason(historyDays: number, horizonDays: number, customers: number): BacktestSkipped | null {
  const needDays = BACKTEST_HISTORY_FACTOR * horizonDays;
  if (historyDays < needDays) return { status: 'skipped', ...keyedReason('predict.backtest.short', { days: historyDays, need: needDays, horizon: horizonDays }) };
  if (customers < BACKTEST_MIN_CUSTOMERS) return { status: 'skipped', ...keyedReason('predict.backtest.fewCustomers', { customers, min: BACKTEST_MIN_CUSTOMERS }) };
  return null;
}

/**
 * Runs the backtest when the history allows it (see backtestSkipReason).
 * @param transactions all normalised lines
 * @param window first purchase day, last day observed (inclusive) and the horizon in days
 * @param scorer fits and scores the calibration customers with the run's settings
 * @returns the scorecard, or why it was not made
 */
export function runBacktest(
  transactions: ModelLines,
  window: { firstDay: DayNumber; lastDay: DayNumber; horizonDays: number },
  scorer: WindowScorer,
): BacktestReport | BacktestSkipped {
  const { firstDay, lastDay, horizonDays } = window;
  const calibrationEnd = lastDay - horizonDays;
  const calibration = buildHistories(transactions, calibrationEnd);
  const skip = backtestSkipReason(lastDay - firstDay + 1, horizonDays, calibration.ids.length);
  return skip ?? scoreBacktest(transactions, calibration, { calibrationEnd, lastDay }, scorer);
}

/**
 * Scores a backtest whatever the history's length: the scorer's answers for the customers of
 * `calibration` against their purchase days in (calibration end, lastDay].
 * @param transactions all normalised lines
 * @param calibration histories up to the calibration end (buildHistories)
 * @param days the calibration end and the last holdout day (both inclusive)
 * @param scorer the model side
 * @returns the scorecard, or why the model could not be fitted
 */
export function scoreBacktest(
  transactions: ModelLines,
  calibration: Histories,
  days: { calibrationEnd: DayNumber; lastDay: DayNumber },
  scorer: WindowScorer,
): BacktestReport | BacktestSkipped {
  const n = calibration.ids.length;
  const { calibrationEnd, lastDay } = days;
  const horizonDays = lastDay - calibrationEnd;
  const scores = scorer(calibration, horizonDays);
  if ('reason' in scores) return { status: 'skipped', ...keyedReason('predict.backtest.noFit', { ...scores.reason.params, reasonKey: scores.reason.key }) };
  const actual = holdoutPurchaseDays(transactions, calibration.ids, calibrationEnd + 1, lastDay);
  const none = new Uint8Array(n);
  const daysSilent = new Float64Array(n);
  const notAlive = new Float64Array(n);
  const perCustomer: { frequency: number; predicted: number; actual: number }[] = [];
  const churned = { called: 0, boughtNothing: 0, precision: null as number | null };
  const noPurchase = { predicted: 0, actual: 0 };
  const purchases = { predicted: 0, actual: 0, meanAbsoluteError: 0 };
  for (let i = 0; i < n; i++) {
    none[i] = actual[i] === 0 ? 1 : 0;
    daysSilent[i] = calibration.ageDays[i] - calibration.recencyDays[i];
    notAlive[i] = 1 - scores.pAlive[i];
    noPurchase.predicted += scores.pNoPurchase[i];
    noPurchase.actual += none[i];
    purchases.predicted += scores.expected[i];
    purchases.actual += actual[i];
    purchases.meanAbsoluteError += Math.abs(scores.expected[i] - actual[i]);
    if (scores.churned[i]) {
      churned.called++;
      churned.boughtNothing += none[i];
    }
    perCustomer.push({ frequency: calibration.x[i], predicted: scores.expected[i], actual: actual[i] });
  }
  if (n > 0) purchases.meanAbsoluteError /= n;
  if (churned.called > 0) churned.precision = churned.boughtNothing / churned.called;
  return {
    status: 'ok', calibrationEnd, holdoutFrom: calibrationEnd + 1, holdoutTo: lastDay, horizonDays, model: scores.model, customers: n,
    auc: { pNoPurchase: rocAuc(scores.pNoPurchase, none), recency: rocAuc(daysSilent, none), pAlive: rocAuc(notAlive, none) },
    churned, noPurchase, purchases, byFrequency: frequencyClasses(perCustomer),
  };
}

/**
 * Distinct purchase days (a day with a non-negative line, as buildHistories counts them) of each
 * customer in [from, to].
 * @param transactions all lines
 * @param ids the customers, in order
 * @param from first holdout day
 * @param to last holdout day
 * @returns purchase days per customer, in the order of ids
 */
export function holdoutPurchaseDays(transactions: ModelLines, ids: readonly string[], from: DayNumber, to: DayNumber): Float64Array {
  const holdout = buildHistories(transactions, to, from);
  const byId = new Map<string, number>();
  holdout.ids.forEach((id, i) => byId.set(id, holdout.x[i] + 1));
  return Float64Array.from(ids, (id) => byId.get(id) ?? 0);
}
