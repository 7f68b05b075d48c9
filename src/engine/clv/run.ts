/**
 * The CLV and churn stage: fit the purchase models and the spend model, forecast each customer,
 * classify churn, and answer "who is most valuable", "who is about to churn", "how many churned".
 */
import type { Analysis, AnalysisOptions, CustomerResult, Note, Transaction } from '../types';
import { runBacktest, type WindowScorer } from './backtest';
import { BGNBD, conditionalExpected, pAlive, type PurchaseModelSpec } from './bgnbd';
import { churnStatus, resolveChurnThresholds, summariseChurn, topCustomers } from './churn';
import { forecastPatterns, profitFactor, type PatternForecast } from './clv';
import { fitOrExplain, fitReport, type PurchaseFit } from './fit';
import { expectedSpend } from './gammagamma';
import { fitSpendModel } from './spendGuard';
import { groupPatterns, type PurchaseGroups } from './groups';
import { runHoldout } from './holdout';
import { MBGNBD } from './mbgnbd';
import { pNoPurchase, type FittedPurchaseModel } from './models';
import { asReason, keyedReason, note, wrapping } from './reasons';
import { buildHistories, UNIT_DAYS, type Histories, type TimeUnit } from './summary';
import type { ClvAnalysis, ClvReport, SpendModelReport } from './types';
import { CHURN_HORIZON_DAYS_LIMIT, DISCOUNT_RATE_LIMIT, HORIZON_MONTHS_LIMIT, MARGIN_LIMIT, withinLimit, type NumberLimit } from '../optionLimits';

/** Mean dropout probability per purchase below which the churn answers get a caution note. */
export const LOW_DROPOUT = 0.01;

export { MIN_SPEND_CUSTOMERS } from './spendGuard';

/** The settings after defaults and checks. */
interface Resolved {
  model: 'bgnbd' | 'mbgnbd';
  timeUnit: TimeUnit;
  unitDays: number;
  horizonMonths: number;
  discountRate: number;
  margin?: number;
  notes: Note[];
}

/** A note's placeholders for a value outside its limit. */
function limitParams(value: number | undefined, limit: NumberLimit & { fallback: number }): { value: string; min: number; max: number; fallback: number } {
  return { value: String(value), min: limit.min, max: limit.max, fallback: limit.fallback };
}

function resolve(options: AnalysisOptions): Resolved {
  const notes: Note[] = [];
  const timeUnit: TimeUnit = options.timeUnit && options.timeUnit in UNIT_DAYS ? options.timeUnit : 'weeks';
  // Callers that check options first (CLI, pane, functions) never reach these notes: same limits.
  let horizonMonths: number = options.horizonMonths ?? HORIZON_MONTHS_LIMIT.fallback;
  if (!withinLimit(HORIZON_MONTHS_LIMIT, horizonMonths)) {
    notes.push(note('predict.note.horizon', limitParams(options.horizonMonths, HORIZON_MONTHS_LIMIT)));
    horizonMonths = HORIZON_MONTHS_LIMIT.fallback;
  }
  let discountRate: number = options.discountRate ?? DISCOUNT_RATE_LIMIT.fallback;
  if (!withinLimit(DISCOUNT_RATE_LIMIT, discountRate)) {
    notes.push(note('predict.note.discountRate', limitParams(options.discountRate, DISCOUNT_RATE_LIMIT)));
    discountRate = DISCOUNT_RATE_LIMIT.fallback;
  }
  let margin = options.margin;
  if (margin !== undefined && !withinLimit(MARGIN_LIMIT, margin)) {
    notes.push(note('predict.note.margin', { value: String(margin) }));
    margin = undefined;
  }
  const model = options.model === 'mbgnbd' ? 'mbgnbd' : 'bgnbd';
  return { model, timeUnit, unitDays: UNIT_DAYS[timeUnit], horizonMonths, discountRate, margin, notes };
}

/**
 * Runs the stage and fills the customers' prediction fields in place.
 * @param analysis the scored analysis (its customers are updated)
 * @param transactions normalised lines (empty for customer-level input)
 * @param options the user's options
 * @param given histories from customer-level input that carries the model summary
 * @returns Analysis.clv
 */
export function runClv(analysis: Analysis, transactions: readonly Transaction[], options: AnalysisOptions, given?: Histories): ClvAnalysis {
  const s = resolve(options);
  if (transactions.length === 0 && !given) {
    return { status: 'skipped', ...keyedReason('predict.reason.customerInput'), timeUnit: s.timeUnit };
  }
  const lastDay = analysis.settings.analysisDate - 1;
  const histories = given ?? buildHistories(transactions, lastDay);
  const groups = groupPatterns(histories.x, histories.recencyDays, histories.ageDays, s.unitDays);
  const models = fitModels(groups, s);
  if ('reason' in models) return { status: 'skipped', ...asReason(models.reason), timeUnit: s.timeUnit };
  const spend = fitSpend(histories, s.notes);
  const forecast = forecastPatterns(models.spec, models.main.params, groups, s);
  if (![forecast.pAlive, forecast.expected30d, forecast.expected90d, forecast.discountedPurchases].every((a) => a.every(Number.isFinite))) {
    return { status: 'skipped', ...keyedReason('predict.reason.notFinite'), timeUnit: s.timeUnit };
  }
  const thresholds = resolveChurnThresholds(options.churnThresholds);
  const totals = fillCustomers(analysis.customers, { histories, groups, models, spend, forecast, thresholds, margin: s.margin });
  const report: ClvReport = {
    status: 'ok', model: s.model, timeUnit: s.timeUnit, unitDays: s.unitDays, calibrationEnd: lastDay,
    horizonMonths: s.horizonMonths, discountRate: s.discountRate,
    profitBasis: s.margin !== undefined ? 'margin' : histories.hasCost.some((v) => v === 1) ? 'cost' : 'revenue',
    fits: models.fits, spend: spend.report, notes: s.notes.map((n) => n.text), keyedNotes: s.notes, totals,
    topCustomers: topCustomers(analysis.customers),
    churn: summariseChurn(analysis.customers, thresholds, models.aliveSpec.name),
  };
  if (s.margin !== undefined) report.margin = s.margin;
  if (options.holdoutFrom !== undefined) report.holdout = runHoldout(transactions, models.spec, options.holdoutFrom, lastDay, s.unitDays);
  report.backtest = backtestStage(transactions, histories, lastDay, options, windowScorer(s, thresholds));
  return report;
}

/** The fitted purchase models: `main` forecasts purchases, `alive*` gives P(alive). */
interface FittedModels {
  spec: PurchaseModelSpec;
  main: PurchaseFit;
  aliveSpec: PurchaseModelSpec;
  aliveFit: PurchaseFit;
  fits: ClvReport['fits'];
}

/**
 * Fits the chosen model and, for P(alive), the modified BG/NBD; adds notes on fallbacks,
 * penalised fits and near-zero dropout.
 */
function fitModels(groups: PurchaseGroups, s: Resolved): FittedModels | { reason: Note } {
  const spec = s.model === 'bgnbd' ? BGNBD : MBGNBD;
  const main = fitOrExplain(spec, groups);
  if ('reason' in main) return main;
  // the modified model's r and α are close to the BG/NBD's (its a and b are not): starting from them
  // halves its iterations on simulated data
  const warm = main.penalty === 0 ? { ...main.params, a: 1, b: 1 } : undefined;
  const churnFit = s.model === 'mbgnbd' ? main : fitOrExplain(MBGNBD, groups, warm);
  const fits: ClvReport['fits'] = { [s.model]: fitReport(main) };
  if ('reason' in churnFit) s.notes.push(wrapping('predict.note.aliveFromBgnbd', churnFit.reason));
  else fits.mbgnbd = fitReport(churnFit);
  const aliveFit = 'reason' in churnFit ? main : churnFit;
  for (const fit of new Set([main, aliveFit])) {
    if (fit.penalty > 0) s.notes.push(note('predict.note.penalised', { modelKey: `predict.model.${fit.model}`, penalty: fit.penalty }));
  }
  const dropout = aliveFit.params.a / (aliveFit.params.a + aliveFit.params.b);
  if (dropout < LOW_DROPOUT) {
    s.notes.push(note('predict.note.lowDropout', { percent: (dropout * 100).toPrecision(2) }));
  }
  return { spec, main, aliveSpec: 'reason' in churnFit ? spec : MBGNBD, aliveFit, fits };
}

/** Fills each customer's prediction fields (null for customers the model did not see) and sums them. */
function fillCustomers(
  customers: CustomerResult[],
  d: { histories: Histories; groups: PurchaseGroups; models: FittedModels; spend: SpendModel; forecast: PatternForecast; thresholds: { active: number; churned: number }; margin?: number },
): ClvReport['totals'] {
  const rowOf = new Map<string, number>();
  d.histories.ids.forEach((id, i) => rowOf.set(id, i));
  const totals = { customersScored: 0, expectedPurchases30d: 0, expectedPurchases90d: 0, clv: 0 };
  const { histories: h, groups, forecast } = d;
  for (const c of customers) {
    const i = rowOf.get(c.id);
    if (i === undefined) {
      clearFields(c);
      continue;
    }
    const g = groups.groupOf[i];
    const alive = pAlive(d.models.aliveSpec, d.models.aliveFit.params, groups.x[g], groups.tx[g], groups.T[g]);
    const averageSpend = spendOf(d.spend, h, i);
    c.pAlive = alive;
    c.expectedPurchases30d = forecast.expected30d[g];
    c.expectedPurchases90d = forecast.expected90d[g];
    c.expectedAverageSpend = averageSpend;
    c.clv = averageSpend * profitFactor(d.margin, h.revenue[i], h.cost[i], h.hasCost[i] === 1) * forecast.discountedPurchases[g];
    c.churnStatus = churnStatus(alive, d.thresholds);
    totals.customersScored++;
    totals.expectedPurchases30d += c.expectedPurchases30d;
    totals.expectedPurchases90d += c.expectedPurchases90d;
    totals.clv += c.clv;
  }
  return totals;
}

function clearFields(c: CustomerResult): void {
  c.pAlive = null;
  c.expectedPurchases30d = null;
  c.expectedPurchases90d = null;
  c.expectedAverageSpend = null;
  c.clv = null;
  c.churnStatus = null;
}

interface SpendModel {
  report: SpendModelReport;
  params: { p: number; q: number; v: number } | null;
}

/**
 * Fits Gamma-Gamma through its guard rails (fitSpendModel), or explains the fallback (each
 * customer's own mean spend per purchase day); the fallback's reason is also a note, so stderr,
 * the pane and the Summary say it.
 */
function fitSpend(h: Histories, notes: Note[]): SpendModel {
  const result = fitSpendModel(h.x, h.zbar);
  if (result.status === 'fallback') {
    const reason = wrapping('predict.spend.fallback', result.reason);
    notes.push(reason);
    return { report: { status: 'fallback', ...asReason(reason) }, params: null };
  }
  const { fit } = result;
  const { p, q, v } = fit.params;
  const populationMeanSpend = (v * p) / (q - 1);
  return {
    report: { status: 'ok', params: fit.params, logLikelihood: fit.logLikelihood, customers: fit.customers, converged: fit.converged, populationMeanSpend },
    params: fit.params,
  };
}

function spendOf(spend: SpendModel, h: Histories, i: number): number {
  if (spend.params === null) return Math.max(0, h.meanDaySpend[i]);
  return expectedSpend(spend.params, h.x[i], h.zbar[i] > 0 ? h.zbar[i] : 0);
}

/** Default churn horizon in days (`--churn-horizon-days`). */
export const DEFAULT_CHURN_HORIZON_DAYS = 90;

/** The backtest unless turned off or the input has no dated lines (a customer-level summary). */
function backtestStage(transactions: readonly Transaction[], histories: Histories, lastDay: number, options: AnalysisOptions, scorer: WindowScorer): ClvReport['backtest'] {
  if (options.backtest === false) return { status: 'skipped', ...keyedReason('predict.backtest.off') };
  if (transactions.length === 0) return { status: 'skipped', ...keyedReason('predict.backtest.noLines') };
  const firstDay = histories.firstDay.reduce((a, b) => Math.min(a, b), Infinity);
  return runBacktest(transactions, { firstDay, lastDay, horizonDays: churnHorizonDays(options) }, scorer);
}

function churnHorizonDays(options: AnalysisOptions): number {
  const days = options.churnHorizonDays;
  return days !== undefined && Number.isInteger(days) && days >= 1 ? days : DEFAULT_CHURN_HORIZON_DAYS;
}

/**
 * The backtest's model side: the same settings as the run (model, time unit, churn thresholds)
 * fitted on the calibration histories, scored over the horizon.
 */
function windowScorer(s: Resolved, thresholds: { active: number; churned: number }): WindowScorer {
  return (calibration: Histories, horizonDays: number) => {
    const groups = groupPatterns(calibration.x, calibration.recencyDays, calibration.ageDays, s.unitDays);
    const models = fitModels(groups, { ...s, notes: [] });
    if ('reason' in models) return models;
    const t = horizonDays / s.unitDays;
    const aliveOf = Array.from(groups.x, (x, g) => pAlive(models.aliveSpec, models.aliveFit.params, x, groups.tx[g], groups.T[g]));
    const expectedOf = Array.from(groups.x, (x, g) => conditionalExpected(models.spec, models.main.params, t, x, groups.tx[g], groups.T[g]));
    const aliveModel: FittedPurchaseModel = { model: models.aliveSpec.name, params: models.aliveFit.params };
    const noPurchaseOf = Array.from(groups.x, (x, g) => pNoPurchase(aliveModel, x, groups.tx[g], groups.T[g], t));
    const perCustomer = (of: number[]): Float64Array => Float64Array.from(groups.groupOf, (g) => of[g]);
    const alive = perCustomer(aliveOf);
    return {
      model: s.model,
      pAlive: alive,
      // from the model that gives P(alive), as the churn answers use it
      pNoPurchase: perCustomer(noPurchaseOf),
      expected: perCustomer(expectedOf),
      churned: alive.map((a) => (churnStatus(a, thresholds) === 'Churned' ? 1 : 0)),
    };
  };
}
