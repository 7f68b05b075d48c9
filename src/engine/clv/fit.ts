/**
 * Maximum-likelihood fit of a BG/NBD-family model on weighted (x, t_x, T) patterns.
 * Nelder–Mead on log-parameters; time is rescaled internally so that max T = 10 (as lifetimes
 * does), which keeps the optimiser well conditioned whatever the unit.
 */
import type { BgParams, PurchaseModelSpec } from './bgnbd';
import type { PurchaseGroups } from './groups';
import { totalWeight } from './groups';
import { bfgs, ESCAPE_LOG, nelderMead } from './optimize';
import type { Note } from '../types';
import { note } from './reasons';
import type { ParetoFit } from './pnbdFit';
import type { PurchaseFitReport } from './types';

/** What every fitted purchase model reports besides its name and parameters. */
export interface FitOutcome {
  /** Summed log-likelihood over customers, in the model's time unit. */
  logLikelihood: number;
  customers: number;
  evaluations: number;
  converged: boolean;
  /** λ of the ridge penalty on log-parameters; 0 for plain maximum likelihood. */
  penalty: number;
  /** True when a (rescaled) parameter ran outside 1e-5..1e5. */
  atBoundary: boolean;
}

/** A fitted purchase model. */
export interface PurchaseFit extends FitOutcome {
  model: 'bgnbd' | 'mbgnbd';
  params: BgParams;
}

/**
 * Summed log-likelihood of the patterns (each weighted by its customer count).
 * Cost per call: O(distinct x) log-gammas plus O(distinct t_x + distinct T + patterns) logs.
 * @param spec the model
 * @param p parameters
 * @param groups the patterns (t_x and T in the time unit of α)
 * @returns Σ w · ln L
 */
export function logLikelihood(spec: PurchaseModelSpec, p: BgParams, groups: PurchaseGroups): number {
  return logLikelihoodWithGradient(spec, p, groups, null);
}

/**
 * Summed log-likelihood and, when `grad` is given, its gradient in (r, α, a, b): one pass over
 * the patterns with one exp and one log1p each.
 * @param spec the model
 * @param p parameters
 * @param groups the patterns
 * @param grad receives ∂/∂(r, α, a, b), or null
 * @returns Σ w · ln L
 */
export function logLikelihoodWithGradient(spec: PurchaseModelSpec, p: BgParams, groups: PurchaseGroups, grad: number[] | null): number {
  const terms = Array.from(groups.xValues, (x) => spec.xTerms(p, x));
  const logTx = groups.txValues.map((v) => Math.log(p.alpha + v));
  const logT = groups.TValues.map((v) => Math.log(p.alpha + v));
  const weightOfX = new Float64Array(terms.length);
  const dropWeightOfX = new Float64Array(terms.length);
  let sum = 0;
  let dR = 0;
  let dAlpha = 0;
  for (let g = 0; g < groups.w.length; g++) {
    const w = groups.w[g];
    const xi = groups.xOf[g];
    const t = terms[xi];
    const rx = p.r + groups.x[g];
    const lT = logT[groups.TOf[g]];
    const alive = -rx * lT;
    let ll = t.base + alive;
    let w4 = 0;
    let lTx = 0;
    if (t.dropout !== null) {
      lTx = logTx[groups.txOf[g]];
      const died = t.dropout - rx * lTx;
      const e = Math.exp(-Math.abs(alive - died));
      ll = t.base + Math.max(alive, died) + Math.log1p(e);
      w4 = died >= alive ? 1 / (1 + e) : e / (1 + e);
    }
    sum += w * ll;
    if (grad === null) continue;
    const w3 = 1 - w4;
    weightOfX[xi] += w;
    dropWeightOfX[xi] += w * w4;
    dR -= w * (w3 * lT + w4 * lTx);
    dAlpha -= w * rx * (w3 / (p.alpha + groups.T[g]) + (w4 === 0 ? 0 : w4 / (p.alpha + groups.tx[g])));
  }
  if (grad !== null) {
    grad[0] = dR;
    grad[1] = dAlpha;
    grad[2] = 0;
    grad[3] = 0;
    terms.forEach((t, xi) => {
      for (let k = 0; k < 4; k++) grad[k] += weightOfX[xi] * t.dBase[k];
      grad[2] += dropWeightOfX[xi] * t.dDropoutA;
      grad[3] += dropWeightOfX[xi] * t.dDropoutB;
    });
  }
  return sum;
}

/**
 * Fits the model by maximum likelihood (no penalty, like lifetimes with penalizer_coef = 0):
 * BFGS with the analytic gradient on log-parameters, polished by Nelder–Mead if BFGS stalls.
 * @param spec BGNBD or MBGNBD
 * @param groups the patterns in model units
 * @param penalty λ of an optional ridge penalty λ·Σ ln(param)² on the per-customer objective (time
 *   rescaled), used only when the plain maximum lies at a boundary; 0 = plain maximum likelihood
 * @param start parameters to start from (α in the groups' unit), e.g. the other model's r and α,
 *   which are usually close; default r = α = a = b = 1 on the rescaled time
 * @returns the fitted parameters and summed log-likelihood
 */
export function fitPurchaseModel(spec: PurchaseModelSpec, groups: PurchaseGroups, penalty = 0, start?: BgParams): PurchaseFit {
  let maxT = 0;
  for (const T of groups.TValues) maxT = Math.max(maxT, T);
  const scale = maxT > 0 ? 10 / maxT : 1;
  const scaled: PurchaseGroups = {
    ...groups, tx: groups.tx.map((v) => v * scale), T: groups.T.map((v) => v * scale),
    txValues: groups.txValues.map((v) => v * scale), TValues: groups.TValues.map((v) => v * scale),
  };
  const weight = totalWeight(groups);
  const objective = (theta: number[], gradTheta: number[]): number => {
    const p = fromLog(theta);
    const grad = [0, 0, 0, 0];
    const value = -logLikelihoodWithGradient(spec, p, scaled, grad) / weight + ridge(theta, penalty);
    [p.r, p.alpha, p.a, p.b].forEach((v, i) => (gradTheta[i] = (-grad[i] * v) / weight + 2 * penalty * theta[i]));
    return value;
  };
  const theta0 = start ? [start.r, start.alpha * scale, start.a, start.b].map((v) => (v > 0 && Number.isFinite(v) ? Math.log(v) : 0)) : [0, 0, 0, 0];
  let result = bfgs(objective, theta0, { gradientTolerance: 1e-9, maxIterations: 300, escapeBound: ESCAPE_LOG });
  if (!result.converged && !result.escaped) {
    const polished = nelderMead((theta) => -logLikelihood(spec, fromLog(theta), scaled) / weight + ridge(theta, penalty), result.x, { maxEvaluations: 3000, restarts: 4, step: 0.1 });
    result = { ...polished, evaluations: polished.evaluations + result.evaluations };
  }
  const fitted = fromLog(result.x);
  const params = { ...fitted, alpha: fitted.alpha / scale };
  return {
    model: spec.name,
    params,
    logLikelihood: logLikelihood(spec, params, groups),
    customers: weight,
    evaluations: result.evaluations,
    converged: result.converged,
    penalty,
    atBoundary: result.x.some((theta) => !(Math.abs(theta) <= BOUNDARY_LOG)),
  };
}

/** |ln θ| beyond this (θ outside 1e-5..1e5, time rescaled) counts as a boundary solution. */
const BOUNDARY_LOG = ESCAPE_LOG / 2;

/** Penalties tried, in order, when the plain fit lies at a boundary. */
const PENALTIES = [1e-3, 1e-2, 1e-1];

function ridge(theta: number[], penalty: number): number {
  return penalty === 0 ? 0 : penalty * theta.reduce((s, v) => s + v * v, 0);
}

function fromLog(theta: number[]): BgParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}

/** Fewest customers a purchase model is fitted on. */
export const MIN_MODEL_CUSTOMERS = 10;

/**
 * Why the data cannot support a purchase model, or null when it can.
 * @param groups the patterns
 * @returns the reason (a keyed note), or null
 */
export function dataProblem(groups: PurchaseGroups): Note | null {
  const customers = totalWeight(groups);
  if (customers < MIN_MODEL_CUSTOMERS) return note('predict.reason.fewCustomers', { customers, min: MIN_MODEL_CUSTOMERS });
  let repeat = 0;
  let maxT = 0;
  for (let g = 0; g < groups.w.length; g++) {
    if (groups.x[g] > 0) repeat += groups.w[g];
    maxT = Math.max(maxT, groups.T[g]);
  }
  if (maxT <= 0) return note('predict.reason.oneDay');
  if (repeat === 0) return note('predict.reason.noRepeat');
  return null;
}

/**
 * Fits the model when the data allows and the result is usable.
 * @param spec the model
 * @param groups the patterns
 * @param start parameters the unpenalised fit starts from (default: all 1 on the rescaled time)
 * @returns the fit, or the reason there is none
 */
export function fitOrExplain(spec: PurchaseModelSpec, groups: PurchaseGroups, start?: BgParams): PurchaseFit | { reason: Note } {
  const problem = dataProblem(groups);
  if (problem) return { reason: problem };
  for (const penalty of [0, ...PENALTIES]) {
    const fit = fitPurchaseModel(spec, groups, penalty, penalty === 0 ? start : undefined);
    const finite = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.logLikelihood].every(Number.isFinite);
    if (finite && !fit.atBoundary) return fit;
  }
  return { reason: note('predict.reason.boundary', { modelKey: `predict.model.${spec.name}` }) };
}

/**
 * The fit as reported in the Analysis.
 * @param fit a fit
 * @returns its public summary
 */
export function fitReport(fit: PurchaseFit | ParetoFit): PurchaseFitReport {
  const figures = { logLikelihood: fit.logLikelihood, customers: fit.customers, converged: fit.converged, penalty: fit.penalty };
  return fit.model === 'paretonbd' ? { model: fit.model, params: fit.params, ...figures } : { model: fit.model, params: fit.params, ...figures };
}
