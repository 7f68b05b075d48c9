/**
 * Forecasts per purchase pattern: P(alive), expected purchases over 30 and 90 days, and the
 * discounted expected purchases month by month that CLV multiplies by expected spend.
 * CLV = Σ_{m=1..H} spend × (E[X(m·month)] − E[X((m−1)·month)]) / (1 + d)^m, a month being
 * 365.25/12 days whatever the model's unit (lifetimes' customer_lifetime_value with an exact month).
 */
import { pAlive, type BgParams, type PurchaseModelSpec } from './bgnbd';
import type { PurchaseGroups } from './groups';
import { modelExpectedIfAlive, modelPAlive, type FittedPurchaseModel } from './models';
import { nextPurchaseDays, pNoPurchaseFrom } from './nextPurchase';
import { MONTH_DAYS } from './summary';

/** Default churn horizon (days) of `--churn-horizon-days`. */
export const DEFAULT_CHURN_HORIZON_DAYS = 90;

/** Horizon and discounting of the forecast. */
export interface ForecastSettings {
  /** Days per model time unit. */
  unitDays: number;
  /** Whole months of the CLV horizon. */
  horizonMonths: number;
  /** Monthly discount rate, e.g. 0.01. */
  discountRate: number;
  /** Days of the churn horizon (P(no purchase) is over it); default 90. */
  churnHorizonDays?: number;
}

/** Per-pattern forecasts, indexed like the patterns. */
export interface PatternForecast {
  pAlive: Float64Array;
  expected30d: Float64Array;
  expected90d: Float64Array;
  /** Σ over months of expected purchases in the month, discounted: CLV per unit of spend. */
  discountedPurchases: Float64Array;
  /** P(no purchase within the churn horizon). */
  pNoPurchase: Float64Array;
  /** Days after the calibration end by which a purchase is more likely than not; NaN when never within NEXT_PURCHASE_MAX_DAYS. */
  nextPurchaseDays: Float64Array;
}

/**
 * Forecasts every pattern of a BG/NBD-family model (see forecastModel).
 * @param spec the model
 * @param params its fitted parameters (α in model units)
 * @param groups the patterns (model units)
 * @param settings horizon, discount rate and unit
 * @returns the forecasts per pattern
 */
export function forecastPatterns(spec: PurchaseModelSpec, params: BgParams, groups: PurchaseGroups, settings: ForecastSettings): PatternForecast {
  return forecastModel({ model: spec.name, params }, groups, settings);
}

/**
 * Forecasts every pattern. The ₂F₁ terms depend on (x, T) only, so they are computed once per
 * distinct (x, T) pair and shared by patterns that differ only in t_x.
 * @param fit the model and its fitted parameters (α, β in model units)
 * @param groups the patterns (model units)
 * @param settings horizon, discount rate, unit and churn horizon
 * @returns the forecasts per pattern
 */
export function forecastModel(fit: FittedPurchaseModel, groups: PurchaseGroups, settings: ForecastSettings): PatternForecast {
  const n = groups.w.length;
  const out: PatternForecast = {
    pAlive: new Float64Array(n), expected30d: new Float64Array(n), expected90d: new Float64Array(n), discountedPurchases: new Float64Array(n),
    pNoPurchase: new Float64Array(n), nextPurchaseDays: new Float64Array(n),
  };
  const months = Math.max(0, Math.round(settings.horizonMonths));
  const monthUnits = MONTH_DAYS / settings.unitDays;
  const horizonUnits = (settings.churnHorizonDays ?? DEFAULT_CHURN_HORIZON_DAYS) / settings.unitDays;
  const nT = groups.TValues.length;
  const cache = new Map<number, [number, number, number, number]>();
  for (let g = 0; g < n; g++) {
    const x = groups.x[g];
    const T = groups.T[g];
    const key = groups.xOf[g] * nT + groups.TOf[g];
    let ifAlive = cache.get(key);
    if (ifAlive === undefined) {
      const e30 = modelExpectedIfAlive(fit, 30 / settings.unitDays, x, T);
      const e90 = modelExpectedIfAlive(fit, 90 / settings.unitDays, x, T);
      ifAlive = [e30, e90, discountedSum(fit, x, T, months, monthUnits, settings.discountRate), pNoPurchaseFrom(fit, 1, x, T, horizonUnits)];
      cache.set(key, ifAlive);
    }
    const alive = modelPAlive(fit, x, groups.tx[g], T);
    out.pAlive[g] = alive;
    out.expected30d[g] = alive * ifAlive[0];
    out.expected90d[g] = alive * ifAlive[1];
    out.discountedPurchases[g] = alive * ifAlive[2];
    // P0 = 1 − P(alive)·P(buy | alive); ifAlive[3] is P0 for a customer alive for sure
    out.pNoPurchase[g] = Math.min(1, Math.max(0, 1 - alive * (1 - ifAlive[3])));
    out.nextPurchaseDays[g] = nextPurchaseDays(fit, alive, x, T, settings.unitDays);
  }
  return out;
}

/**
 * CLV of one customer (for a cell formula such as RFM.CLV): expected spend × margin × the
 * discounted expected purchases month by month over the horizon.
 * @param spec the model
 * @param params its fitted parameters (α in model units)
 * @param history the customer's x, t_x and T in model units
 * @param spendPerPurchase expected spend per purchase (e.g. from `expectedSpend`)
 * @param settings unit, horizon and discount rate
 * @param margin share of spend that is profit (default 1)
 * @returns the discounted expected value over the horizon
 * @example customerClv(BGNBD, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 2, tx: 30.43, T: 38.86 }, 35, { unitDays: 7, horizonMonths: 12, discountRate: 0.01 })
 */
export function customerClv(
  spec: PurchaseModelSpec,
  params: BgParams,
  history: { x: number; tx: number; T: number },
  spendPerPurchase: number,
  settings: ForecastSettings,
  margin = 1,
): number {
  const months = Math.max(0, Math.round(settings.horizonMonths));
  const perUnit = discountedSum({ model: spec.name, params }, history.x, history.T, months, MONTH_DAYS / settings.unitDays, settings.discountRate);
  return spendPerPurchase * margin * perUnit * pAlive(spec, params, history.x, history.tx, history.T);
}

function discountedSum(fit: FittedPurchaseModel, x: number, T: number, months: number, monthUnits: number, rate: number): number {
  let previous = 0;
  let sum = 0;
  for (let m = 1; m <= months; m++) {
    const cumulative = modelExpectedIfAlive(fit, m * monthUnits, x, T);
    sum += (cumulative - previous) / Math.pow(1 + rate, m);
    previous = cumulative;
  }
  return sum;
}

/**
 * The share of spend that is profit for one customer: the user's margin when given, else
 * (revenue − cost) / revenue when the customer's lines carry costs, else 1 (CLV on revenue).
 * @param margin the user's margin 0..1, if any
 * @param revenue the customer's net revenue
 * @param cost the customer's summed cost
 * @param hasCost whether any of the customer's lines carries a cost
 * @returns the factor applied to expected spend
 */
export function profitFactor(margin: number | undefined, revenue: number, cost: number, hasCost: boolean): number {
  if (margin !== undefined) return margin;
  if (hasCost) return revenue > 0 ? (revenue - cost) / revenue : 0;
  return 1;
}
