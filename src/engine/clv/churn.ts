/**
 * Churn status from the probability of a purchase within the churn horizon, and the answers built
 * on it: who is about to churn, how much value is at risk, how many have churned, and the most
 * loyal and profitable customers.
 */
import { firstBy } from './firstBy';
import type { ChurnStatus, CustomerResult } from '../types';
import type { PurchaseModelName } from './models';
import type { ChurnSummary, CustomerFigures } from './types';

/**
 * Default thresholds on P(a purchase within the churn horizon) = 1 − p_no_purchase: Active at
 * ≥ 0.5 (a purchase is more likely than not), Churned below 0.1 (nine chances in ten of no
 * purchase), At risk between.
 * Why this and not P(alive): P(alive) cannot tell a customer who left from a slow buyer when the
 * data show little dropout (UCI: every P(alive) ≈ 1), and ranking by it did worse than plain
 * recency on time splits; P(no purchase) is what a backtest can check (did the customer buy in the
 * horizon?), so a Churned call says "at least 90% sure of no purchase" and its precision can be
 * measured. Active means the model expects a purchase within the horizon.
 */
export const DEFAULT_CHURN_THRESHOLDS = { active: 0.5, churned: 0.1 } as const;

/** Longest list of customers likeliest to buy nothing within the horizon. */
export const LIKELIEST_MAX = 100;

/** Longest at-risk list kept in the Analysis (the Customers sheet has everyone's status). */
export const AT_RISK_LIST_MAX = 1000;

/** How many customers the "most loyal and profitable" answer lists. */
export const TOP_CUSTOMERS = 10;

/**
 * Checks user thresholds and falls back to the defaults for what is missing or out of range.
 * @param given the user's thresholds, if any
 * @returns thresholds with 0 ≤ churned ≤ active ≤ 1
 */
export function resolveChurnThresholds(given?: { active?: number; churned?: number }): { active: number; churned: number } {
  const ok = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
  const active = ok(given?.active) ? given.active : DEFAULT_CHURN_THRESHOLDS.active;
  const churned = ok(given?.churned) ? given.churned : DEFAULT_CHURN_THRESHOLDS.churned;
  return churned <= active ? { active, churned } : { active: churned, churned: active };
}

/**
 * Churn status of one customer.
 * @param pPurchase probability of a purchase within the churn horizon (1 − p_no_purchase)
 * @param thresholds `active` and `churned` cut points
 * @returns Active when pPurchase ≥ active, Churned when pPurchase < churned, else At risk
 */
export function churnStatus(pPurchase: number, thresholds: { active: number; churned: number }): ChurnStatus {
  if (pPurchase >= thresholds.active) return 'Active';
  if (pPurchase < thresholds.churned) return 'Churned';
  return 'At risk';
}

/**
 * The figures of one scored customer for the lists.
 * @param c a customer with the prediction fields filled
 * @returns the figures
 */
export function customerFigures(c: CustomerResult): CustomerFigures {
  return {
    id: c.id,
    pAlive: c.pAlive ?? 0,
    expectedPurchases90d: c.expectedPurchases90d ?? 0,
    expectedAverageSpend: c.expectedAverageSpend ?? 0,
    clv: c.clv ?? 0,
    revenue: c.revenue,
    frequency: c.frequency,
    segment: c.segment,
    churnStatus: c.churnStatus ?? 'Churned',
    pNoPurchase: c.pNoPurchase ?? 1,
    recencyDays: c.recencyDays,
  };
}

/** Highest CLV first; then revenue; then id, so ties are stable across hosts. */
function byValue(a: CustomerResult, b: CustomerResult): number {
  return (b.clv ?? 0) - (a.clv ?? 0) || b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The most loyal and profitable customers: highest CLV (which already weighs P(alive),
 * expected purchases and expected spend).
 * @param customers scored customers
 * @param count how many (default 10)
 * @returns their figures, best first
 */
export function topCustomers(customers: readonly CustomerResult[], count = TOP_CUSTOMERS): CustomerFigures[] {
  return firstBy(customers.filter((c) => c.clv != null), count, byValue).map(customerFigures);
}

/**
 * Counts statuses and lists the customers about to churn with the value at risk.
 * @param customers customers with churnStatus filled where scored
 * @param thresholds the thresholds used
 * @param pAliveModel the model P(alive) and P(no purchase) came from
 * @param horizonDays the churn horizon
 * @returns the churn answers
 */
export function summariseChurn(
  customers: readonly CustomerResult[],
  thresholds: { active: number; churned: number },
  pAliveModel: PurchaseModelName,
  horizonDays: number,
): ChurnSummary {
  const summary: ChurnSummary = {
    thresholds, horizonDays, pAliveModel, expectedNoPurchase: 0, dropoutUnseparated: false, likeliestNoPurchase: [], active: 0, atRisk: 0, churned: 0, notScored: 0, atRiskRevenue: 0, atRiskClv: 0, atRiskCustomers: [], atRiskListTruncated: false,
  };
  const atRisk: CustomerResult[] = [];
  let scored = 0;
  let left = 0;
  for (const c of customers) {
    if (c.pNoPurchase != null) {
      scored++;
      summary.expectedNoPurchase += c.pNoPurchase;
      if ((c.pAlive ?? 1) < 0.5) left++;
    }
    if (c.churnStatus === 'Active') summary.active++;
    else if (c.churnStatus === 'Churned') summary.churned++;
    else if (c.churnStatus === 'At risk') {
      summary.atRisk++;
      summary.atRiskRevenue += c.revenue;
      summary.atRiskClv += c.clv ?? 0;
      atRisk.push(c);
    } else summary.notScored++;
  }
  summary.atRiskListTruncated = atRisk.length > AT_RISK_LIST_MAX;
  summary.atRiskCustomers = firstBy(atRisk, AT_RISK_LIST_MAX, byValue).map(customerFigures);
  summary.dropoutUnseparated = scored > 0 && left < DROPOUT_SEEN_SHARE * scored;
  summary.likeliestNoPurchase = likeliest(customers, LIKELIEST_MAX).map(customerFigures);
  return summary;
}

/** Share of scored customers with P(alive) < ½ below which dropout counts as unseparated from slow buying. */
export const DROPOUT_SEEN_SHARE = 0.01;

/** Highest P(no purchase) first; then longest silence; then id. */
function byNoPurchase(a: CustomerResult, b: CustomerResult): number {
  return (b.pNoPurchase ?? 0) - (a.pNoPurchase ?? 0) || b.recencyDays - a.recencyDays || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The customers likeliest to buy nothing within the horizon.
 * @param customers customers (unscored ones are left out)
 * @param count how many
 * @returns the first `count` by byNoPurchase
 */
export function likeliest(customers: readonly CustomerResult[], count: number): CustomerResult[] {
  return firstBy(customers.filter((c) => c.pNoPurchase != null), count, byNoPurchase);
}
