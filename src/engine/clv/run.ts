/**
 * The CLV and churn stage: fit the purchase models and the spend model, forecast each customer,
 * classify churn, and answer "who is most valuable", "who is about to churn", "how many churned".
 */
import type { Analysis, AnalysisOptions, CustomerResult, Transaction } from '../types';
import { BGNBD, pAlive, type PurchaseModelSpec } from './bgnbd';
import { churnStatus, resolveChurnThresholds, summariseChurn, topCustomers } from './churn';
import { forecastPatterns, profitFactor, type PatternForecast } from './clv';
import { fitOrExplain, fitReport, type PurchaseFit } from './fit';
import { expectedSpend, fitGammaGamma } from './gammagamma';
import { groupPatterns, type PurchaseGroups } from './groups';
import { runHoldout } from './holdout';
import { MBGNBD } from './mbgnbd';
import { buildHistories, UNIT_DAYS, type Histories, type TimeUnit } from './summary';
import type { ClvAnalysis, ClvReport, SpendModelReport } from './types';

/** Mean dropout probability per purchase below which the churn answers get a caution note. */
export const LOW_DROPOUT = 0.01;

/** Fewest repeat customers with positive spend for the Gamma-Gamma fit. */
export const MIN_SPEND_CUSTOMERS = 10;

/** The settings after defaults and checks. */
interface Resolved {
  model: 'bgnbd' | 'mbgnbd';
  timeUnit: TimeUnit;
  unitDays: number;
  horizonMonths: number;
  discountRate: number;
  margin?: number;
  notes: string[];
}

function resolve(options: AnalysisOptions): Resolved {
  const notes: string[] = [];
  const timeUnit: TimeUnit = options.timeUnit && options.timeUnit in UNIT_DAYS ? options.timeUnit : 'weeks';
  let horizonMonths = options.horizonMonths ?? 12;
  if (!Number.isFinite(horizonMonths) || horizonMonths < 1 || horizonMonths > 600) {
    notes.push(`horizon of ${options.horizonMonths} months is outside 1..600; 12 months used`);
    horizonMonths = 12;
  }
  let discountRate = options.discountRate ?? 0.01;
  if (!Number.isFinite(discountRate) || discountRate < 0 || discountRate >= 1) {
    notes.push(`monthly discount rate ${options.discountRate} is outside 0..1; 0.01 used`);
    discountRate = 0.01;
  }
  let margin = options.margin;
  if (margin !== undefined && !(Number.isFinite(margin) && margin >= 0 && margin <= 1)) {
    notes.push(`margin ${margin} is outside 0..1 (give 0.3 for 30%); CLV is on revenue`);
    margin = undefined;
  }
  const model = options.model === 'mbgnbd' ? 'mbgnbd' : 'bgnbd';
  return { model, timeUnit, unitDays: UNIT_DAYS[timeUnit], horizonMonths: Math.round(horizonMonths), discountRate, margin, notes };
}

/**
 * Runs the stage and fills the customers' prediction fields in place.
 * @param analysis the scored analysis (its customers are updated)
 * @param transactions normalised lines (empty for customer-level input)
 * @param options the user's options
 * @returns Analysis.clv
 */
export function runClv(analysis: Analysis, transactions: readonly Transaction[], options: AnalysisOptions): ClvAnalysis {
  const s = resolve(options);
  if (transactions.length === 0) {
    return { status: 'skipped', reason: 'customer-level input has no dated purchases, so the purchase model cannot be fitted', timeUnit: s.timeUnit };
  }
  const lastDay = analysis.settings.analysisDate - 1;
  const histories = buildHistories(transactions, lastDay);
  const groups = groupPatterns(histories.x, histories.recencyDays, histories.ageDays, s.unitDays);
  const models = fitModels(groups, s);
  if ('reason' in models) return { status: 'skipped', reason: models.reason, timeUnit: s.timeUnit };
  const spend = fitSpend(histories);
  const forecast = forecastPatterns(models.spec, models.main.params, groups, s);
  if (![forecast.pAlive, forecast.expected30d, forecast.expected90d, forecast.discountedPurchases].every((a) => a.every(Number.isFinite))) {
    return { status: 'skipped', reason: 'the fitted model gives no finite forecast for some customers', timeUnit: s.timeUnit };
  }
  const thresholds = resolveChurnThresholds(options.churnThresholds);
  const totals = fillCustomers(analysis.customers, { histories, groups, models, spend, forecast, thresholds, margin: s.margin });
  const report: ClvReport = {
    status: 'ok', model: s.model, timeUnit: s.timeUnit, unitDays: s.unitDays, calibrationEnd: lastDay,
    horizonMonths: s.horizonMonths, discountRate: s.discountRate,
    profitBasis: s.margin !== undefined ? 'margin' : histories.hasCost.some((v) => v === 1) ? 'cost' : 'revenue',
    fits: models.fits, spend: spend.report, notes: s.notes, totals,
    topCustomers: topCustomers(analysis.customers),
    churn: summariseChurn(analysis.customers, thresholds, models.aliveSpec.name),
  };
  if (s.margin !== undefined) report.margin = s.margin;
  if (options.holdoutFrom !== undefined) report.holdout = runHoldout(transactions, models.spec, options.holdoutFrom, lastDay, s.unitDays);
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
function fitModels(groups: PurchaseGroups, s: Resolved): FittedModels | { reason: string } {
  const spec = s.model === 'bgnbd' ? BGNBD : MBGNBD;
  const main = fitOrExplain(spec, groups);
  if ('reason' in main) return main;
  // the modified model's r and α are close to the BG/NBD's (its a and b are not): starting from them
  // halves its iterations on simulated data
  const warm = main.penalty === 0 ? { ...main.params, a: 1, b: 1 } : undefined;
  const churnFit = s.model === 'mbgnbd' ? main : fitOrExplain(MBGNBD, groups, warm);
  const fits: ClvReport['fits'] = { [s.model]: fitReport(main) };
  if ('reason' in churnFit) s.notes.push(`P(alive) comes from the BG/NBD (one-time buyers count as alive) because ${churnFit.reason}`);
  else fits.mbgnbd = fitReport(churnFit);
  const aliveFit = 'reason' in churnFit ? main : churnFit;
  for (const fit of new Set([main, aliveFit])) {
    if (fit.penalty > 0) s.notes.push(`the ${fit.model === 'bgnbd' ? 'BG/NBD' : 'modified BG/NBD'} maximum lies at a boundary, so it was fitted with a ridge penalty ${fit.penalty} on log-parameters`);
  }
  const dropout = aliveFit.params.a / (aliveFit.params.a + aliveFit.params.b);
  if (dropout < LOW_DROPOUT) {
    s.notes.push(`the model finds almost no dropout (mean ${(dropout * 100).toPrecision(2)}% per purchase), so P(alive) stays near 1 and few customers are called churned; quiet customers are read as slow buyers, and a longer history would separate the two`);
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
 * Fits Gamma-Gamma on repeat customers with positive mean repeat spend, or explains the fallback
 * (each customer's own mean spend per purchase day).
 */
function fitSpend(h: Histories): SpendModel {
  const x: number[] = [];
  const z: number[] = [];
  for (let i = 0; i < h.ids.length; i++) {
    if (h.x[i] > 0 && h.zbar[i] > 0) {
      x.push(h.x[i]);
      z.push(h.zbar[i]);
    }
  }
  const fallback = (reason: string): SpendModel => ({ report: { status: 'fallback', reason: `${reason}; expected spend is each customer's own mean spend per purchase day` }, params: null });
  if (x.length < MIN_SPEND_CUSTOMERS) return fallback(`only ${x.length} repeat customer(s) with positive spend; Gamma-Gamma needs ${MIN_SPEND_CUSTOMERS}`);
  const fit = fitGammaGamma(x, z);
  const { p, q, v } = fit.params;
  if (![p, q, v, fit.logLikelihood].every(Number.isFinite) || q <= 1) return fallback('the Gamma-Gamma fit gave no finite mean spend (q ≤ 1)');
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
