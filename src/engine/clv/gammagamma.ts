/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"; lifetimes' GammaGammaFitter), fitted on repeat customers' mean spend zbar.
 */
import { lgamma } from './special';
import { distinct } from './groups';
import { nelderMead } from './optimize';

/** Gamma-Gamma parameters: spend ~ Gamma(p, ν), ν ~ Gamma(q, v). */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Repeat customers with positive mean spend the fit used. */
  customers: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Summed log-likelihood of (x, zbar) pairs (Fader & Hardie 2013, eq. 1a).
 * @param params p, q, v
 * @param x repeat purchase counts (all > 0)
 * @param zbar mean spend per repeat purchase (all > 0)
 * @returns Σ ln L
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: ArrayLike<number>, zbar: ArrayLike<number>): number {
  const xs = distinct(Array.from(x));
  return sumLogLikelihood(params, prepare(x, zbar), xs);
}

interface Prepared {
  x: Float64Array;
  m: Float64Array;
  logM: Float64Array;
  logX: Float64Array;
}

function prepare(x: ArrayLike<number>, zbar: ArrayLike<number>): Prepared {
  const xa = Float64Array.from(x);
  const m = Float64Array.from(zbar);
  return { x: xa, m, logM: m.map(Math.log), logX: xa.map(Math.log) };
}

function sumLogLikelihood(params: GammaGammaParams, d: Prepared, xs: { values: Float64Array; of: Int32Array }): number {
  const { p, q, v } = params;
  const perX = xs.values.map((x) => lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * Math.log(v));
  let sum = 0;
  for (let i = 0; i < d.x.length; i++) {
    const px = p * d.x[i];
    sum += perX[xs.of[i]] + (px - 1) * d.logM[i] + px * d.logX[i] - (px + q) * Math.log(d.x[i] * d.m[i] + v);
  }
  return sum;
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood (no penalty), Nelder–Mead on log-parameters.
 * @param x repeat purchase counts of repeat customers (> 0)
 * @param zbar their mean spend per repeat purchase (> 0)
 * @returns the fit
 */
export function fitGammaGamma(x: ArrayLike<number>, zbar: ArrayLike<number>): GammaGammaFit {
  const d = prepare(x, zbar);
  const xs = distinct(Array.from(d.x));
  let meanSpend = 0;
  for (let i = 0; i < d.m.length; i++) meanSpend += d.m[i] / d.m.length;
  // Rescale money so that the mean spend is 1: v scales with money, p and q do not.
  const scale = meanSpend > 0 ? 1 / meanSpend : 1;
  const scaled = prepare(d.x, d.m.map((m) => m * scale));
  const objective = (t: number[]): number => -sumLogLikelihood(toParams(t), scaled, xs) / d.x.length;
  const result = nelderMead(objective, [0, 0, 0], { maxEvaluations: 3000, restarts: 4 });
  const fitted = toParams(result.x);
  const params = { ...fitted, v: fitted.v / scale };
  return { params, logLikelihood: sumLogLikelihood(params, d, xs), customers: d.x.length, evaluations: result.evaluations, converged: result.converged };
}

function toParams(t: number[]): GammaGammaParams {
  return { p: Math.exp(t[0]), q: Math.exp(t[1]), v: Math.exp(t[2]) };
}

/**
 * Expected mean spend per purchase of a customer (Fader & Hardie 2013, eq. 5): a weighted
 * average of the population mean v·p/(q − 1) and the customer's own mean spend.
 * @param params fitted parameters (q > 1)
 * @param x repeat purchases (0 gives the population mean)
 * @param zbar the customer's mean spend per repeat purchase
 * @returns E[Z | x, zbar]
 */
export function expectedSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, v } = params;
  const populationMean = (v * p) / (q - 1);
  if (x <= 0) return populationMean;
  const weight = (p * x) / (p * x + q - 1);
  return (1 - weight) * populationMean + weight * zbar;
}
