/**
 * One entry point per customer figure for the three purchase models (BG/NBD, modified BG/NBD,
 * Pareto/NBD): P(alive), expected purchases and the probability of no purchase in a horizon.
 * Times (t_x, T, horizons) are in the model's time unit, the unit α (and β) were fitted in.
 */
import { BGNBD, conditionalExpected, expectedIfAlive, pAlive, type BgParams } from './bgnbd';
import { MBGNBD } from './mbgnbd';
import { pnbdExpectedIfAlive, pnbdPAlive, pnbdPurchaseIfAlive, type PnbdParams } from './paretonbd';

/** The purchase models the product can fit. */
export type PurchaseModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd';

/** A model with its parameters (a `PurchaseFit` or a `PurchaseFitReport` is one). */
export type FittedPurchaseModel = { model: 'bgnbd' | 'mbgnbd'; params: BgParams } | { model: 'paretonbd'; params: PnbdParams };

/**
 * P(the customer is still alive at T | x, t_x, T).
 * @param fit model and parameters
 * @param x repeat purchases
 * @param tx recency: time from the first to the last purchase (model units)
 * @param T age: time from the first purchase to the end of calibration (model units)
 * @returns the probability in (0, 1]
 */
export function modelPAlive(fit: FittedPurchaseModel, x: number, tx: number, T: number): number {
  if (fit.model === 'paretonbd') return pnbdPAlive(fit.params, x, tx, T);
  return pAlive(fit.model === 'bgnbd' ? BGNBD : MBGNBD, fit.params, x, tx, T);
}

/**
 * Expected repeat purchases in (T, T+t] for a customer known to be alive at T (does not depend on
 * t_x): E[X(T, T+t) | x, t_x, T] = modelExpectedIfAlive × P(alive).
 * @param fit model and parameters
 * @param t horizon (model units)
 * @param x repeat purchases
 * @param T age (model units)
 * @returns expected purchases if alive
 */
export function modelExpectedIfAlive(fit: FittedPurchaseModel, t: number, x: number, T: number): number {
  if (fit.model === 'paretonbd') return pnbdExpectedIfAlive(fit.params, t, x, T);
  return expectedIfAlive(fit.model === 'bgnbd' ? BGNBD : MBGNBD, fit.params, t, x, T);
}

/**
 * Expected repeat purchases in (T, T+t] given the history.
 * @param fit model and parameters
 * @param t horizon (model units)
 * @param x repeat purchases
 * @param tx recency (model units)
 * @param T age (model units)
 * @returns E[X(T, T+t) | x, t_x, T]
 */
export function modelExpected(fit: FittedPurchaseModel, t: number, x: number, tx: number, T: number): number {
  if (fit.model === 'paretonbd') return pnbdExpectedIfAlive(fit.params, t, x, T) * pnbdPAlive(fit.params, x, tx, T);
  return conditionalExpected(fit.model === 'bgnbd' ? BGNBD : MBGNBD, fit.params, t, x, tx, T);
}

/**
 * P(no purchase in (T, T+h] | x, t_x, T): the churn probability over a horizon.
 *
 * Both branches condition on "alive at T" (probability P(alive)); a customer already gone never buys:
 *   P0 = 1 − P(alive) · P(a purchase in (T, T+h] | alive at T).
 * Given alive at T the purchase rate's posterior is Gamma(r+x, α+T) in all three models (FHL 2005
 * §3 for BG/NBD; Fader & Hardie 2005 note 009 eq. 16 for Pareto/NBD).
 * - BG/NBD and modified BG/NBD: dropout can only follow a purchase, so an alive customer makes no
 *   purchase in h with probability e^−λh, whose Gamma(r+x, α+T) mean is ((α+T)/(α+T+h))^(r+x):
 *   P0 = 1 − P(alive) + P(alive)·((α+T)/(α+T+h))^(r+x)  (the n = 0 case of the conditional PMF,
 *   Fader, Hardie & Lee 2005, "Counting your customers the easy way", eq. 8 with the posterior).
 * - Pareto/NBD: the lifetime runs on in continuous time (μ ~ Gamma(s, β+T) given alive), so the
 *   first purchase must come before death: see `pnbdPurchaseIfAlive`.
 * @param fit model and parameters
 * @param x repeat purchases
 * @param tx recency (model units)
 * @param T age (model units)
 * @param h horizon (model units), e.g. 90 days / 7 for a model in weeks
 * @returns the probability in [0, 1]
 * @example pNoPurchase({ model: 'bgnbd', params: { r: 1, alpha: 1, a: 1, b: 1 } }, 0, 0, 1, 1) // 2/3: P(alive) = 1, ((1+1)/(1+1+1))^1
 */
export function pNoPurchase(fit: FittedPurchaseModel, x: number, tx: number, T: number, h: number): number {
  if (!(h > 0)) return 1;
  if (fit.model === 'paretonbd') {
    return clamp01(1 - pnbdPAlive(fit.params, x, tx, T) * pnbdPurchaseIfAlive(fit.params, x, T, h));
  }
  const p = fit.params;
  const alive = pAlive(fit.model === 'bgnbd' ? BGNBD : MBGNBD, p, x, tx, T);
  const quiet = Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + T + h)));
  return clamp01(1 - alive + alive * quiet);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
