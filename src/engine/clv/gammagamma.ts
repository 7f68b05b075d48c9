/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"; lifetimes' GammaGammaFitter), fitted on repeat customers' mean spend zbar.
 */
import { digamma, lgamma } from './special';
import { distinct } from './groups';
import { bfgs, ESCAPE_LOG, nelderMead } from './optimize';

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

function sumLogLikelihood(params: GammaGammaParams, d: Prepared, xs: { values: Float64Array; of: Int32Array }, grad: number[] | null = null): number {
  const { p, q, v } = params;
  const perX = xs.values.map((x) => lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * Math.log(v));
  const psiPXQ = grad ? xs.values.map((x) => digamma(p * x + q)) : null;
  const psiPX = grad ? xs.values.map((x) => digamma(p * x)) : null;
  const psiQ = grad ? digamma(q) : 0;
  const logV = Math.log(v);
  let sum = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    const px = p * x;
    const logXMV = Math.log(x * d.m[i] + v);
    sum += perX[xs.of[i]] + (px - 1) * d.logM[i] + px * d.logX[i] - (px + q) * logXMV;
    if (psiPXQ === null || psiPX === null) continue;
    const k = xs.of[i];
    dp += x * (psiPXQ[k] - psiPX[k] + d.logM[i] + d.logX[i] - logXMV);
    dq += psiPXQ[k] - psiQ + logV - logXMV;
    dv += q / v - (px + q) / (x * d.m[i] + v);
  }
  if (grad) {
    grad[0] = dp;
    grad[1] = dq;
    grad[2] = dv;
  }
  return sum;
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood (no penalty): BFGS with the analytic gradient
 * on log-parameters, polished by Nelder–Mead if BFGS stalls.
 * @param x repeat purchase counts of repeat customers (> 0)
 * @param zbar their mean spend per repeat purchase (> 0)
 * @param options `stopAboveShape`: stop (not converged, as at the escape bound) once p or q passes
 *   it, for a caller that rejects such fits anyway (the ridge to no spend heterogeneity, where the
 *   search otherwise creeps on for a hundred evaluations); default: no such stop
 * @returns the fit
 */
export function fitGammaGamma(x: ArrayLike<number>, zbar: ArrayLike<number>, options: { stopAboveShape?: number } = {}): GammaGammaFit {
  const d = prepare(x, zbar);
  const xs = distinct(Array.from(d.x));
  let meanSpend = 0;
  for (let i = 0; i < d.m.length; i++) meanSpend += d.m[i] / d.m.length;
  // Rescale money so that the mean spend is 1: v scales with money, p and q do not.
  const scale = meanSpend > 0 ? 1 / meanSpend : 1;
  const scaled = prepare(d.x, d.m.map((m) => m * scale));
  const n = d.x.length;
  const objective = (t: number[], gradT: number[]): number => {
    const params = toParams(t);
    const grad = [0, 0, 0];
    const value = -sumLogLikelihood(params, scaled, xs, grad) / n;
    gradT[0] = (-grad[0] * params.p) / n;
    gradT[1] = (-grad[1] * params.q) / n;
    gradT[2] = (-grad[2] * params.v) / n;
    return value;
  };
  // start at p = 1, q = 2, v = 1: the population mean v·p/(q − 1) is then the data's (1 after
  // rescaling); q = 1 (infinite mean) started 3-4 times more iterations away
  const stopLog = Math.log(options.stopAboveShape ?? Infinity);
  const escapes = (t: readonly number[]): boolean => t[0] > stopLog || t[1] > stopLog;
  let result = bfgs(objective, [0, Math.LN2, 0], { gradientTolerance: 1e-9, maxIterations: 300, escapeBound: ESCAPE_LOG, escapes });
  if (!result.converged && !result.escaped) {
    const polished = nelderMead((t) => -sumLogLikelihood(toParams(t), scaled, xs) / n, result.x, { maxEvaluations: 3000, restarts: 4, step: 0.1 });
    result = { ...polished, evaluations: polished.evaluations + result.evaluations };
  }
  const fitted = toParams(result.x);
  const params = { ...fitted, v: fitted.v / scale };
  return { params, logLikelihood: sumLogLikelihood(params, d, xs), customers: n, evaluations: result.evaluations, converged: result.converged };
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
