/**
 * When the next purchase is expected: the number of days after the calibration end by which the
 * customer is more likely than not to have bought again (the median of the time to the next
 * purchase). A customer who more likely than not never buys again within NEXT_PURCHASE_MAX_DAYS
 * has none: "no purchase expected".
 */
import type { FittedPurchaseModel } from './models';
import { pnbdPurchaseIfAlive } from './paretonbd';

/** Furthest ahead a next purchase date is given (days): two years. */
export const NEXT_PURCHASE_MAX_DAYS = 730;

/**
 * P(no purchase in (T, T+h]) for a customer alive at T with probability `alive`.
 * @param fit model and parameters
 * @param alive P(alive at T)
 * @param x repeat purchases
 * @param T age (model units)
 * @param h horizon (model units)
 * @returns the probability
 */
export function pNoPurchaseFrom(fit: FittedPurchaseModel, alive: number, x: number, T: number, h: number): number {
  if (!(h > 0)) return 1;
  const buyIfAlive = fit.model === 'paretonbd'
    ? pnbdPurchaseIfAlive(fit.params, x, T, h)
    : -Math.expm1((fit.params.r + x) * (Math.log(fit.params.alpha + T) - Math.log(fit.params.alpha + T + h)));
  return Math.min(1, Math.max(0, 1 - alive * buyIfAlive));
}

/**
 * Whole days after the calibration end until P(a purchase by then) first reaches ½, or NaN when
 * it stays below ½ for NEXT_PURCHASE_MAX_DAYS.
 * BG family: P(buy by h | alive) = 1 − ((α+T)/(α+T+h))^(r+x) = q/alive at h = (α+T)((1 − ½/alive)^(−1/(r+x)) − 1).
 * Pareto/NBD: bisection on whole days (P(buy by h) increases with h).
 * @param fit model and parameters
 * @param alive P(alive at T)
 * @param x repeat purchases
 * @param T age (model units)
 * @param unitDays days per model unit
 * @returns days (≥ 1), or NaN
 */
export function nextPurchaseDays(fit: FittedPurchaseModel, alive: number, x: number, T: number, unitDays: number): number {
  const need = 0.5 / alive;
  if (!(need < 1)) return NaN;
  if (fit.model !== 'paretonbd') {
    const p = fit.params;
    const hUnits = (p.alpha + T) * Math.expm1(-Math.log1p(-need) / (p.r + x));
    const days = Math.max(1, Math.ceil(hUnits * unitDays - 1e-9));
    return days <= NEXT_PURCHASE_MAX_DAYS ? days : NaN;
  }
  const buys = (days: number): number => pnbdPurchaseIfAlive(fit.params, x, T, days / unitDays);
  if (buys(NEXT_PURCHASE_MAX_DAYS) < need) return NaN;
  let lo = 0;
  let hi = NEXT_PURCHASE_MAX_DAYS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (buys(mid) >= need) hi = mid;
    else lo = mid;
  }
  return hi;
}
