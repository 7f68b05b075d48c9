/**
 * What the purchase-model stage adds to an Analysis (`Analysis.clv`): plain JSON data.
 * Every figure that is a time or a rate says its unit: model parameters and t_x/T are in
 * `timeUnit`; "30d"/"90d" are days; the CLV horizon is in months of 365.25/12 days.
 */
import type { ChurnStatus, DayNumber, Note } from '../types';
import type { BgParams } from './bgnbd';
import type { GammaGammaParams } from './gammagamma';
import type { ModelChoice } from './modelFit';
import type { PurchaseModelName } from './models';
import type { PnbdParams } from './paretonbd';
import type { TimeUnit } from './summary';
import type { TrackingPoint } from './tracking';

/**
 * Why a stage or part did not run, readable in any language: `reason` is the English text (for
 * the JSON and the CLI), `key` and `params` the same message in the string tables (messageIn).
 */
export interface KeyedReason {
  reason: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** A fitted purchase model as reported: BG/NBD family (r, α, a, b) or Pareto/NBD (r, α, s, β). */
export type PurchaseFitReport = (
  | { model: 'bgnbd' | 'mbgnbd'; /** r, α (α in `timeUnit`), a, b. */ params: BgParams }
  | { model: 'paretonbd'; /** r, α, s, β (α and β in `timeUnit`). */ params: PnbdParams }
) & PurchaseFitFigures;

/** What every fitted model reports beside its parameters. */
export interface PurchaseFitFigures {
  /** Summed log-likelihood (depends on the time unit). */
  logLikelihood: number;
  customers: number;
  converged: boolean;
  /** λ of the ridge penalty on log-parameters; 0 = plain maximum likelihood (the usual case). */
  penalty: number;
}

/** Gamma-Gamma spend model as reported, or why it was not used. */
export type SpendModelReport =
  | { status: 'ok'; params: GammaGammaParams; logLikelihood: number; customers: number; converged: boolean; populationMeanSpend: number }
  | ({ status: 'fallback' } & KeyedReason);

/** One customer in the top or at-risk lists. */
export interface CustomerFigures {
  id: string;
  pAlive: number;
  expectedPurchases90d: number;
  expectedAverageSpend: number;
  clv: number;
  /** Historic net revenue. */
  revenue: number;
  frequency: number;
  segment: string;
  churnStatus: ChurnStatus;
  /** P(no purchase within the churn horizon). */
  pNoPurchase: number;
  /** Days since the last purchase. */
  recencyDays: number;
}

/** The churn answers for the Summary sheet and the JSON. */
export interface ChurnSummary {
  /** Cut points on P(a purchase within the horizon) = 1 − p_no_purchase: ≥ active Active, < churned Churned. */
  thresholds: { active: number; churned: number };
  /** Days ahead the statuses and P(no purchase) look. */
  horizonDays: number;
  /** The model P(alive) and P(no purchase) come from (the one behind every figure). */
  pAliveModel: PurchaseModelName;
  /** Σ P(no purchase within the horizon): the expected number of customers who buy nothing in it. */
  expectedNoPurchase: number;
  /**
   * True when under 1% of the scored customers have P(alive) < ½: the model cannot tell customers
   * who left from slow buyers (BG/NBD a → 0), so answers rest on P(no purchase) alone.
   */
  dropoutUnseparated: boolean;
  /** The customers likeliest to buy nothing within the horizon (highest p_no_purchase first, at most LIKELIEST_MAX). */
  likeliestNoPurchase: CustomerFigures[];
  active: number;
  atRisk: number;
  churned: number;
  /** Customers the model could not score (no purchase before the calibration end). */
  notScored: number;
  /** Value at risk: the at-risk customers' historic revenue and their CLV. */
  atRiskRevenue: number;
  atRiskClv: number;
  /** At-risk customers by CLV, highest first (at most `AT_RISK_LIST_MAX`). */
  atRiskCustomers: CustomerFigures[];
  /** True when the at-risk list was cut to its maximum length. */
  atRiskListTruncated: boolean;
}

/** Predicted against actual repeat purchases over the holdout period. */
export interface HoldoutReport {
  /** First holdout day; the model was fitted on days before it. */
  holdoutFrom: DayNumber;
  /** Last holdout day. */
  holdoutTo: DayNumber;
  /** Holdout length in `timeUnit`. */
  durationUnits: number;
  fit: PurchaseFitReport;
  totals: { customers: number; predicted: number; actual: number };
  /** Mean predicted and actual holdout purchases by calibration repeat purchases (0..6, "7+"): the chart. */
  byFrequency: { frequency: string; customers: number; meanPredicted: number; meanActual: number }[];
  /**
   * Cumulative repeat purchases, predicted against actual, weekly (monthly for a model in months),
   * the last point at the holdout end: the tracking chart. Always filled by the engine (optional in
   * the type only so that hand-written fixtures may leave it out).
   */
  tracking?: TrackingPoint[];
  /** Per customer present before the holdout. */
  customers: { id: string; frequency: number; predicted: number; actual: number }[];
}

/**
 * The backtest scorecard (issue 10): the last `horizonDays` of the history held out, the model
 * fitted on the rest with the same settings, and its churn answers compared with what customers did.
 * Positive = a customer who bought nothing in the holdout. Figures cover the customers with a
 * purchase before the holdout.
 */
export interface BacktestReport {
  status: 'ok';
  /** Last calibration day (inclusive); the holdout is the days after it up to `holdoutTo`. */
  calibrationEnd: DayNumber;
  holdoutFrom: DayNumber;
  holdoutTo: DayNumber;
  horizonDays: number;
  /** The purchase model fitted on the calibration days. */
  model: string;
  /** Customers with a purchase before the holdout. */
  customers: number;
  /**
   * Areas under the ROC curve (0.5 = chance, 1 = perfect) for finding the customers who bought
   * nothing: by the probability of no purchase in the horizon, by days since the last purchase
   * alone, and by 1 − P(alive). null when everyone (or no one) bought.
   */
  auc: { pNoPurchase: number | null; recency: number | null; pAlive: number | null };
  /** Customers called Churned at the calibration end, how many bought nothing, and the share (null when none was called). */
  churned: { called: number; boughtNothing: number; precision: number | null };
  /** Customers with no purchase in the holdout: expected (sum of p_no_purchase) and seen. */
  noPurchase: { predicted: number; actual: number };
  /** Purchase days in the holdout: expected and seen in total, and the mean absolute error per customer. */
  purchases: { predicted: number; actual: number; meanAbsoluteError: number };
  /** Mean expected and seen holdout purchases by calibration repeat purchases: the chart. */
  byFrequency: HoldoutReport['byFrequency'];
}

/** Why the backtest did not run (turned off, history too short, too few customers, no fit). */
export interface BacktestSkipped extends KeyedReason {
  status: 'skipped';
}

/** Result of the CLV/churn stage when it ran. */
export interface ClvReport {
  status: 'ok';
  /** The model behind P(alive), P(no purchase), expected purchases and CLV. */
  model: PurchaseModelName;
  /** Under `--model auto`: which model was chosen, by which rule, and the candidates' log-likelihoods. */
  modelChoice?: ModelChoice;
  timeUnit: TimeUnit;
  unitDays: number;
  /** Last day the model saw (inclusive). */
  calibrationEnd: DayNumber;
  horizonMonths: number;
  discountRate: number;
  /** 'revenue' = CLV on spend; 'margin' = the user's margin applied; 'cost' = per-customer cost lines. */
  profitBasis: 'revenue' | 'margin' | 'cost';
  margin?: number;
  fits: Partial<Record<PurchaseModelName, PurchaseFitReport>>;
  spend: SpendModelReport;
  /** Notes on fallbacks taken (e.g. the modified model could not be fitted), in English. */
  notes: string[];
  /** The same notes in the same order with their keys, for hosts that show them in another language. */
  keyedNotes?: Note[];
  totals: { customersScored: number; expectedPurchases30d: number; expectedPurchases90d: number; clv: number };
  /** The 10 customers with the highest CLV: the most loyal and profitable. */
  topCustomers: CustomerFigures[];
  churn: ChurnSummary;
  holdout?: HoldoutReport | ({ status: 'skipped' } & KeyedReason);
  /** The backtest scorecard, or why it was not made. */
  backtest?: BacktestReport | BacktestSkipped;
}

/** Why the stage did not run; the rest of the analysis stands. */
export interface ClvSkipped extends KeyedReason {
  status: 'skipped';
  timeUnit?: TimeUnit;
}

/** `Analysis.clv`. */
export type ClvAnalysis = ClvReport | ClvSkipped;
