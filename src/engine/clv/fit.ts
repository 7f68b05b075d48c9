/**
 * Maximum-likelihood fit of a BG/NBD-family model on weighted (x, t_x, T) patterns.
 * Nelder–Mead on log-parameters; time is rescaled internally so that max T = 10 (as lifetimes
 * does), which keeps the optimiser well conditioned whatever the unit.
 */
import { historyLogLikelihood, type BgParams, type PurchaseModelSpec } from './bgnbd';
import type { PurchaseGroups } from './groups';
import { totalWeight } from './groups';
import { nelderMead } from './optimize';

/** A fitted purchase model. */
export interface PurchaseFit {
  model: 'bgnbd' | 'mbgnbd';
  params: BgParams;
  /** Summed log-likelihood over customers, in the model's time unit. */
  logLikelihood: number;
  customers: number;
  evaluations: number;
  converged: boolean;
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
  const terms = Array.from(groups.xValues, (x) => spec.xTerms(p, x));
  const logTx = groups.txValues.map((v) => Math.log(p.alpha + v));
  const logT = groups.TValues.map((v) => Math.log(p.alpha + v));
  let sum = 0;
  for (let g = 0; g < groups.w.length; g++) {
    sum += groups.w[g] * historyLogLikelihood(p, groups.x[g], terms[groups.xOf[g]], logTx[groups.txOf[g]], logT[groups.TOf[g]]);
  }
  return sum;
}

/**
 * Fits the model by maximum likelihood (no penalty, like lifetimes with penalizer_coef = 0).
 * @param spec BGNBD or MBGNBD
 * @param groups the patterns in model units
 * @returns the fitted parameters and summed log-likelihood
 */
export function fitPurchaseModel(spec: PurchaseModelSpec, groups: PurchaseGroups): PurchaseFit {
  let maxT = 0;
  for (const T of groups.TValues) maxT = Math.max(maxT, T);
  const scale = maxT > 0 ? 10 / maxT : 1;
  const scaled: PurchaseGroups = { ...groups, txValues: groups.txValues.map((v) => v * scale), TValues: groups.TValues.map((v) => v * scale) };
  const weight = totalWeight(groups);
  const objective = (theta: number[]): number => -logLikelihood(spec, fromLog(theta), scaled) / weight;
  const result = nelderMead(objective, [0, 0, 0, 0], { maxEvaluations: 3000, restarts: 4 });
  const fitted = fromLog(result.x);
  const params = { ...fitted, alpha: fitted.alpha / scale };
  return {
    model: spec.name,
    params,
    logLikelihood: logLikelihood(spec, params, groups),
    customers: weight,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

function fromLog(theta: number[]): BgParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}

/** Fewest customers a purchase model is fitted on. */
export const MIN_MODEL_CUSTOMERS = 10;

/**
 * Why the data cannot support a purchase model, or null when it can.
 * @param groups the patterns
 * @returns a plain reason, or null
 */
export function dataProblem(groups: PurchaseGroups): string | null {
  const customers = totalWeight(groups);
  if (customers < MIN_MODEL_CUSTOMERS) return `only ${customers} customer(s) with purchases; the purchase model needs at least ${MIN_MODEL_CUSTOMERS}`;
  let repeat = 0;
  let maxT = 0;
  for (let g = 0; g < groups.w.length; g++) {
    if (groups.x[g] > 0) repeat += groups.w[g];
    maxT = Math.max(maxT, groups.T[g]);
  }
  if (maxT <= 0) return 'all purchases fall on one day, so there is no time to learn purchase rates from';
  if (repeat === 0) return 'no customer bought on more than one day, so repeat purchasing cannot be estimated';
  return null;
}

/**
 * Fits the model when the data allows and the result is usable.
 * @param spec the model
 * @param groups the patterns
 * @returns the fit, or the reason there is none
 */
export function fitOrExplain(spec: PurchaseModelSpec, groups: PurchaseGroups): PurchaseFit | { reason: string } {
  const problem = dataProblem(groups);
  if (problem) return { reason: problem };
  const fit = fitPurchaseModel(spec, groups);
  const values = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.logLikelihood];
  if (!values.every(Number.isFinite) || [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b].some((v) => v < 1e-8 || v > 1e8)) {
    return { reason: `the ${spec.name === 'bgnbd' ? 'BG/NBD' : 'modified BG/NBD'} fit did not settle on finite parameters` };
  }
  return fit;
}

/**
 * The fit as reported in the Analysis.
 * @param fit a fit
 * @returns its public summary
 */
export function fitReport(fit: PurchaseFit): { model: 'bgnbd' | 'mbgnbd'; params: BgParams; logLikelihood: number; customers: number; converged: boolean } {
  return { model: fit.model, params: fit.params, logLikelihood: fit.logLikelihood, customers: fit.customers, converged: fit.converged };
}
