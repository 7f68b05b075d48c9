/**
 * Churn status from P(alive) and the answers built on it: who is about to churn, how much value
 * is at risk, how many have churned, and the most loyal and profitable customers.
 */
import type { ChurnStatus, CustomerResult } from '../types';
import type { ChurnSummary, CustomerFigures } from './types';

/**
 * Default thresholds: Active at P(alive) ≥ 0.7, Churned below 0.3, At risk between.
 * Why: 0.5 is the point where the model finds "still buying" and "gone" equally likely; a band
 * of ±0.2 around it keeps the two confident calls (Active, Churned) for customers the model is
 * at least 70% sure about, and the band itself is the "about to churn" group worth a retention
 * action: their P(alive) has fallen well below that of an active buyer but they are not yet lost.
 */
export const DEFAULT_CHURN_THRESHOLDS = { active: 0.7, churned: 0.3 } as const;

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
 * @param pAlive probability the customer is still active
 * @param thresholds `active` and `churned` cut points
 * @returns Active when pAlive ≥ active, Churned when pAlive < churned, else At risk
 */
export function churnStatus(pAlive: number, thresholds: { active: number; churned: number }): ChurnStatus {
  if (pAlive >= thresholds.active) return 'Active';
  if (pAlive < thresholds.churned) return 'Churned';
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
  // one pass keeping the best `count` in order: O(n) for a short list, where sorting everyone was O(n log n)
  const top: CustomerResult[] = [];
  for (const c of customers) {
    if (c.clv == null || (top.length === count && byValue(c, top[count - 1]) >= 0)) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && byValue(c, top[at - 1]) < 0) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = c;
  }
  return top.map(customerFigures);
}

/**
 * Counts statuses and lists the customers about to churn with the value at risk.
 * @param customers customers with churnStatus filled where scored
 * @param thresholds the thresholds used
 * @param pAliveModel the model P(alive) came from
 * @returns the churn answers
 */
export function summariseChurn(customers: readonly CustomerResult[], thresholds: { active: number; churned: number }, pAliveModel: 'bgnbd' | 'mbgnbd'): ChurnSummary {
  const summary: ChurnSummary = {
    thresholds, pAliveModel, active: 0, atRisk: 0, churned: 0, notScored: 0, atRiskRevenue: 0, atRiskClv: 0, atRiskCustomers: [], atRiskListTruncated: false,
  };
  const atRisk: CustomerResult[] = [];
  for (const c of customers) {
    if (c.churnStatus === 'Active') summary.active++;
    else if (c.churnStatus === 'Churned') summary.churned++;
    else if (c.churnStatus === 'At risk') {
      summary.atRisk++;
      summary.atRiskRevenue += c.revenue;
      summary.atRiskClv += c.clv ?? 0;
      atRisk.push(c);
    } else summary.notScored++;
  }
  atRisk.sort(byValue);
  summary.atRiskListTruncated = atRisk.length > AT_RISK_LIST_MAX;
  summary.atRiskCustomers = atRisk.slice(0, AT_RISK_LIST_MAX).map(customerFigures);
  return summary;
}
