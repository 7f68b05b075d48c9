/**
 * Guard rails of the Gamma-Gamma spend model: its assumptions are checked before its figures are
 * used, and when one fails the caller falls back to each customer's own mean spend with a note in
 * plain words. The one place that decides whether the spend model is used, for the analysis
 * (run.ts) and the =RFM.FIT formula alike.
 *
 * Why the checks (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value", §2; lifetimes'
 * docs, "Estimating customer lifetime value using the Gamma-Gamma model"):
 * - the model assumes a customer's mean spend does not depend on how often they buy: the Pearson
 *   correlation of zbar and x among repeat buyers must be near zero;
 * - it needs enough repeat buyers to fit three parameters;
 * - when customers' spend levels do not differ beyond the chance variation of single purchases, the
 *   likelihood has no maximum: q and v run off to infinity together along a ridge where only
 *   v·p/(q − 1) (the mean spend) is pinned down. Where the optimiser stops on that ridge depends on
 *   the order of the rows and the scale of the money (the R sample gives q = 35,914,345 and, reversed,
 *   q = 208,406,427; a rial file gave v ≈ 10^19 in one host and 10^7 in the other), so such a fit is
 *   reported as a fallback, never as parameters.
 */
import type { Note } from '../types';
import { fitGammaGamma, type GammaGammaFit } from './gammagamma';
import { note } from './reasons';

/** Fewest repeat customers with positive spend for the Gamma-Gamma fit. */
export const MIN_SPEND_CUSTOMERS = 10;

/** Largest |correlation| of mean spend and repeat purchases among repeat buyers the model accepts. */
export const MAX_SPEND_CORRELATION = 0.3;

/**
 * Largest p or q taken as a real fit. Beyond it the model says every customer spends at the same
 * level (q) or every purchase costs the same (p): the fit sits on the ridge described above.
 * Fits on real data are far below (CDNOW: p 6.25, q 3.74).
 */
export const MAX_SPEND_SHAPE = 1000;

/**
 * The fit stops once p or q passes this (a hundred times MAX_SPEND_SHAPE, so a real fit's search
 * never meets it on its way): the result is rejected anyway, and on the ridge the search would
 * otherwise creep on (52,428 customers of the pane's full-sheet bench: q 6·10⁷ after 153
 * evaluations).
 */
export const SPEND_RIDGE_STOP = 100 * MAX_SPEND_SHAPE;

/** What fitSpendModel returns: the fit to use, or why not. */
export type SpendModelResult = { status: 'ok'; fit: GammaGammaFit } | { status: 'fallback'; reason: Note };

/**
 * Pearson correlation of two equally long series.
 * @returns the correlation in [−1, 1]; 0 when either series is constant
 * O(n).
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** A parameter for a message: whole above 1,000, else 3 significant digits (a number, so Persian gets Persian digits). */
function shown(value: number): number {
  return Math.abs(value) >= 1000 ? Math.round(value) : Number(value.toPrecision(3));
}

/**
 * Fits Gamma-Gamma on the repeat customers with positive mean spend, after checking its
 * assumptions, and checks the fit.
 * @param x repeat purchases of every customer (customers with x = 0 or zbar ≤ 0 are left out)
 * @param zbar their mean spend per repeat purchase
 * @returns `{ status: 'ok', fit }`, or `{ status: 'fallback', reason }` when there are fewer than
 *   MIN_SPEND_CUSTOMERS repeat buyers, |correlation(x, zbar)| > MAX_SPEND_CORRELATION, the fit ran
 *   to its bound or beyond MAX_SPEND_SHAPE, or it gives no finite mean (q ≤ 1)
 * O(n) per likelihood evaluation.
 */
export function fitSpendModel(x: ArrayLike<number>, zbar: ArrayLike<number>): SpendModelResult {
  const xs: number[] = [];
  const zs: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 0 && zbar[i] > 0) {
      xs.push(x[i]);
      zs.push(zbar[i]);
    }
  }
  const fallback = (key: string, params?: Record<string, string | number>): SpendModelResult => ({ status: 'fallback', reason: note(key, params) });
  if (xs.length < MIN_SPEND_CUSTOMERS) return fallback('predict.spend.fewCustomers', { customers: xs.length, min: MIN_SPEND_CUSTOMERS });
  const correlation = pearson(xs, zs);
  if (Math.abs(correlation) > MAX_SPEND_CORRELATION) {
    return fallback('predict.spend.correlated', { customers: xs.length, correlation: Number(correlation.toFixed(2)), max: MAX_SPEND_CORRELATION });
  }
  const fit = fitGammaGamma(xs, zs, { stopAboveShape: SPEND_RIDGE_STOP });
  const { p, q, v } = fit.params;
  if (![p, q, v, fit.logLikelihood].every(Number.isFinite)) return fallback('predict.spend.noMean');
  if (p > MAX_SPEND_SHAPE || q > MAX_SPEND_SHAPE) return fallback('predict.spend.ridge', { p: shown(p), q: shown(q), max: MAX_SPEND_SHAPE });
  if (q <= 1) return fallback('predict.spend.noMean');
  return { status: 'ok', fit };
}
