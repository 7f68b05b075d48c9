/**
 * The CLV stage's per-customer answers: each customer's prediction fields (P(alive), expected
 * purchases, spend, CLV, P(no purchase), next purchase, churn status and its reason) from the
 * fitted models, and the spend model behind the expected spend.
 */
import type { CustomerResult, Note } from '../types';
import { churnStatus } from './churn';
import { churnReason } from './churnReason';
import { profitFactor, type PatternForecast } from './clv';
import { expectedSpend } from './gammagamma';
import { fitSpendModel } from './spendGuard';
import type { PurchaseGroups } from './groups';
import { asReason, wrapping } from './reasons';
import type { Histories } from './summary';
import type { ClvReport, SpendModelReport } from './types';

/** Fills each customer's prediction fields (null for customers the model did not see) and sums them. */
export function fillCustomers(
  customers: CustomerResult[],
  d: {
    histories: Histories; groups: PurchaseGroups; spend: SpendModel; forecast: PatternForecast; thresholds: { active: number; churned: number };
    margin?: number; horizonDays: number; lastDay: number; bins: number;
  },
): { totals: ClvReport['totals']; keptNothingCount: number } {
  const rowOf = new Map<string, number>();
  d.histories.ids.forEach((id, i) => rowOf.set(id, i));
  const totals = { customersScored: 0, expectedPurchases30d: 0, expectedPurchases90d: 0, clv: 0 };
  let keptNothingCount = 0;
  const { histories: h, groups, forecast } = d;
  for (const c of customers) {
    const i = rowOf.get(c.id);
    if (i === undefined) {
      clearFields(c);
      continue;
    }
    const g = groups.groupOf[i];
    const nothingKept = keptNothing(c, h, i);
    if (nothingKept) keptNothingCount++;
    const averageSpend = nothingKept ? 0 : spendOf(d.spend, h, i);
    const pNo = forecast.pNoPurchase[g];
    const next = forecast.nextPurchaseDays[g];
    c.pAlive = forecast.pAlive[g];
    c.expectedPurchases30d = forecast.expected30d[g];
    c.expectedPurchases90d = forecast.expected90d[g];
    c.expectedAverageSpend = averageSpend;
    c.clv = averageSpend * profitFactor(d.margin, h.revenue[i], h.cost[i], h.hasCost[i] === 1) * forecast.discountedPurchases[g];
    c.pNoPurchase = pNo;
    c.expectedNextPurchase = Number.isFinite(next) ? d.lastDay + next : null;
    c.churnStatus = churnStatus(1 - pNo, d.thresholds);
    c.churnReason = churnReason({
      repeatPurchases: h.x[i], spanDays: h.recencyDays[i], silentDays: c.recencyDays, pNoPurchase: pNo, horizonDays: d.horizonDays,
      status: c.churnStatus, recencyScore: c.recencyScore, bins: d.bins,
    });
    totals.customersScored++;
    totals.expectedPurchases30d += c.expectedPurchases30d;
    totals.expectedPurchases90d += c.expectedPurchases90d;
    totals.clv += c.clv;
  }
  return { totals, keptNothingCount };
}

function clearFields(c: CustomerResult): void {
  c.pAlive = null;
  c.expectedPurchases30d = null;
  c.expectedPurchases90d = null;
  c.expectedAverageSpend = null;
  c.clv = null;
  c.churnStatus = null;
  c.pNoPurchase = null;
  c.expectedNextPurchase = null;
  c.churnReason = null;
}

export interface SpendModel {
  report: SpendModelReport;
  params: { p: number; q: number; v: number } | null;
}

/**
 * Fits Gamma-Gamma through its guard rails (fitSpendModel), or explains the fallback (each
 * customer's own mean spend per purchase day); the fallback's reason is also a note, so stderr,
 * the pane and the Summary say it.
 */
export function fitSpend(h: Histories, notes: Note[]): SpendModel {
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

/**
 * Whether a customer returned everything they bought: a return in the window and a net revenue
 * ≤ 0 (summed exactly, as the RFM monetary is). Their expected spend is 0: the spend model's
 * population mean would value a customer who keeps nothing. (Customers who only took free items,
 * as some in CDNOW, keep the model's spend, as in the published analyses and the formulas.)
 */
function keptNothing(c: CustomerResult, h: Histories, i: number): boolean {
  return h.returned[i] === 1 && c.revenue <= 0;
}
