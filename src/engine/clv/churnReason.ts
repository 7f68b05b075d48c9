/**
 * Each customer's churn status in plain words: what the customer did (how often, how long silent,
 * compared with the usual gap), what the model expects over the churn horizon, and, where the RFM
 * segment seems to say otherwise, why the two differ.
 */
import { note } from '../messages';
import type { ChurnStatus, Note } from '../types';

/** What the reason is built from, in days. */
export interface ReasonFacts {
  /** Repeat purchase days x (0 = bought on one day only). */
  repeatPurchases: number;
  /** Days from the first to the last purchase. */
  spanDays: number;
  /** Days since the last purchase (to the analysis date). */
  silentDays: number;
  /** P(no purchase within the horizon). */
  pNoPurchase: number;
  horizonDays: number;
  status: ChurnStatus;
  /** The RFM recency score (1 = longest ago … bins = most recent). */
  recencyScore: number;
  /** Number of score bins (5 by default). */
  bins: number;
}

/** Status → the key of the verdict clause. */
const VERDICT: Record<ChurnStatus, string> = {
  Active: 'predict.churnReason.verdict.active',
  'At risk': 'predict.churnReason.verdict.atRisk',
  Churned: 'predict.churnReason.verdict.churned',
};

/**
 * The sentence of one customer.
 * "bought on 6 different days, about every 40 days; silent for 205 days, 5× the usual gap; 8% likely to buy
 * within 90 days" and, when segment and status disagree, a clause on why.
 * @param f the facts
 * @returns a note (English text, key and params)
 */
export function churnReason(f: ReasonFacts): Note {
  const silentDays = Math.max(0, Math.round(f.silentDays));
  const pBuy = Math.round((1 - f.pNoPurchase) * 100);
  const pNo = 100 - pBuy;
  const params: Record<string, string | number> = { silentDays, horizon: f.horizonDays, pBuy, pNo, times: f.repeatPurchases + 1 };
  if (f.repeatPurchases > 0) {
    const gapDays = Math.max(1, Math.round(f.spanDays / f.repeatPurchases));
    params.gapDays = gapDays;
    params.ratio = silentDays > 0 ? Math.max(0.1, formatRatio(silentDays / gapDays)) : 0;
    params.factsKey = 'predict.churnReason.repeat';
  } else {
    params.factsKey = 'predict.churnReason.once';
  }
  params.verdictKey = VERDICT[f.status];
  const recentBySegment = f.recencyScore > Math.ceil(f.bins / 2);
  const oldBySegment = f.recencyScore <= Math.floor(f.bins / 2);
  const segmentKey = f.status === 'Active' && oldBySegment ? 'predict.churnReason.segment.activeButOld'
    : f.status !== 'Active' && recentBySegment ? 'predict.churnReason.segment.riskButRecent' : null;
  if (segmentKey === null) return note('predict.churnReason', params);
  return note('predict.churnReason.withSegment', { ...params, segmentKey });
}

/** 0.54 → 0.5, 4.96 → 5, 12.3 → 12: one decimal below 2, whole numbers above. */
function formatRatio(ratio: number): number {
  if (!Number.isFinite(ratio)) return 0;
  return ratio < 1.95 ? Math.round(ratio * 10) / 10 : Math.round(ratio);
}
