/**
 * Maximum-likelihood fit of the Pareto/NBD on weighted (x, t_x, T) patterns: Nelder–Mead on
 * log-parameters with time rescaled so that max T = 10 (as fit.ts does for the BG/NBD family),
 * which keeps the simplex well scaled whatever the time unit.
 */
import type { PurchaseGroups } from './groups';
import { totalWeight } from './groups';
import { bfgs, nelderMead } from './optimize';
import { aliveBranch, diedBranch, joinBranches, logPowerTail, type PnbdParams } from './paretonbd';
import { lgamma } from './special';
import type { FitOutcome } from './fit';

/** A fitted Pareto/NBD (the counterpart of fit.ts's PurchaseFit); its penalty is always 0 (plain maximum likelihood). */
export interface ParetoFit extends FitOutcome {
  model: 'paretonbd';
  params: PnbdParams;
}

/** |ln θ| beyond this counts as a boundary solution (θ outside 1e-5..1e5, time rescaled). */
const BOUNDARY_LOG = Math.log(1e5);

/**
 * |ln(α/β)| beyond this (one rate scale over 1,000 times the other) counts as a boundary solution
 * too: the fit is heading for a degenerate dropout distribution (no dropout, or every customer the
 * same dropout rate), and there the ₂F₁ argument nears 1, where each likelihood costs ten times more.
 */
const SCALE_RATIO_LOG = Math.log(1e3);

/**
 * The fit counts as having run off to the no-dropout limit once the model expects fewer than this
 * share of customers to drop out over the longest history (1 − (β/(β+T_max))^s): one in 10,000.
 * On data without measurable dropout (UCI, the 1,048,576-row bench) the search otherwise crawls
 * on (s → 0, β → ∞) until a parameter passes 10⁻⁵…10⁵: 280 likelihoods instead of about 170.
 */
const NO_DROPOUT_SHARE = 1e-4;

/**
 * Share of customers the Gamma(s, β) dropout rates make leave within `t`: 1 − (β/(β+t))^s.
 * @param s shape
 * @param beta rate (same time unit as t)
 * @param t time
 * @returns the share in [0, 1]
 */
export function dropoutShareWithin(s: number, beta: number, t: number): number {
  return -Math.expm1(-s * Math.log1p(t / beta));
}

/**
 * BFGS also stops once three steps in a row each improve the mean log-likelihood by less than this
 * share of it (as R's optim `reltol`, 1e-8 by default, with which BTYD fits the published CDNOW
 * values). Without it, a likelihood that keeps creeping along a ridge toward a limit (every
 * customer the same dropout rate: s, β → ∞ together) is followed for hundreds of evaluations to
 * gain 10⁻⁵ in total log-likelihood.
 */
const RELATIVE_TOLERANCE = 1e-10;

/** Thrown by the objective to stop the search at the scale-ratio boundary (caught in fitParetoNbd). */
class ScaleRatioBoundary extends Error {
  constructor(readonly theta: number[]) {
    super('scale ratio boundary');
  }
}

/**
 * Σ w · ln L over the patterns, as pnbdLogLikelihood gives each (the same numbers to the last bit).
 * Each ₂F₁ tail of the died branch depends on x and one time only, so it is computed once per
 * distinct (x, t_x) and (x, T) rather than once per pattern (days give nearly one pattern per
 * customer, but far fewer such pairs); ln Γ(r+x) once per distinct x.
 * @param p parameters (α, β in the groups' unit)
 * @param groups the patterns
 * @returns the summed log-likelihood
 */
export function pnbdTotalLogLikelihood(p: PnbdParams, groups: PurchaseGroups): number {
  const pairs = tailPairsOf(groups);
  const lgOfX = Array.from(groups.xValues, (x) => lgamma(p.r + x));
  const tail = (x: number, t: number) => logPowerTail(p.alpha, p.beta, p.r + x, p.s + 1, t);
  const lower = Array.from(pairs.lower.x, (x, k) => tail(x, pairs.lower.t[k]));
  const upper = Array.from(pairs.upper.x, (x, k) => tail(x, pairs.upper.t[k]));
  const alive = Array.from(pairs.upper.x, (x, k) => aliveBranch(p, x, pairs.upper.t[k]));
  let sum = 0;
  for (let g = 0; g < groups.w.length; g++) {
    const lo = pairs.lower.of[g];
    const up = pairs.upper.of[g];
    const died = diedBranch(p, lower[lo], upper[up], groups.tx[g], groups.T[g]);
    sum += groups.w[g] * joinBranches(p, lgOfX[groups.xOf[g]], alive[up], died);
  }
  return sum;
}

/** Distinct (x, time) pairs of the patterns and each pattern's pair. */
interface Pairs {
  x: Float64Array;
  t: Float64Array;
  of: Int32Array;
}

/** Each pattern's (x, t_x) pair and (x, T) pair, made once per groups object (a fit evaluates hundreds of times). */
const tailPairs = new WeakMap<PurchaseGroups, { lower: Pairs; upper: Pairs }>();

function tailPairsOf(groups: PurchaseGroups): { lower: Pairs; upper: Pairs } {
  let pairs = tailPairs.get(groups);
  if (!pairs) {
    pairs = { lower: pairsOf(groups, groups.txOf, groups.txValues.length, groups.tx), upper: pairsOf(groups, groups.TOf, groups.TValues.length, groups.T) };
    tailPairs.set(groups, pairs);
  }
  return pairs;
}

/** The distinct (x, time) pairs, keyed by the patterns' indices into the distinct x and time values (`times` of them). */
function pairsOf(groups: PurchaseGroups, timeOf: Int32Array, times: number, time: Float64Array): Pairs {
  const index = new Map<number, number>();
  const x: number[] = [];
  const t: number[] = [];
  const of = new Int32Array(groups.w.length);
  for (let g = 0; g < of.length; g++) {
    const key = groups.xOf[g] * times + timeOf[g];
    let k = index.get(key);
    if (k === undefined) {
      k = x.length;
      index.set(key, k);
      x.push(groups.x[g]);
      t.push(time[g]);
    }
    of[g] = k;
  }
  return { x: Float64Array.from(x), t: Float64Array.from(t), of };
}

/**
 * Fits the Pareto/NBD by maximum likelihood.
 * @param groups the patterns in model units
 * @param start parameters to start from (α, β in the groups' unit); default all 1 on the rescaled time
 * @returns the fit
 */
export function fitParetoNbd(groups: PurchaseGroups, start?: PnbdParams): ParetoFit {
  let maxT = 0;
  for (const T of groups.TValues) maxT = Math.max(maxT, T);
  const scale = maxT > 0 ? 10 / maxT : 1;
  const scaled: PurchaseGroups = {
    ...groups, tx: groups.tx.map((v) => v * scale), T: groups.T.map((v) => v * scale),
    txValues: groups.txValues.map((v) => v * scale), TValues: groups.TValues.map((v) => v * scale),
  };
  const weight = totalWeight(groups);
  const fromLog = (theta: number[]): PnbdParams => ({ r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) });
  let calls = 0;
  const objective = (theta: number[]): number => {
    calls++;
    if (Math.abs(theta[1] - theta[3]) > SCALE_RATIO_LOG) throw new ScaleRatioBoundary(theta.slice());
    return theta.every((v) => Math.abs(v) < 2 * BOUNDARY_LOG) ? -pnbdTotalLogLikelihood(fromLog(theta), scaled) / weight : Infinity;
  };
  const theta0 = start ? [start.r, start.alpha * scale, start.s, start.beta * scale].map((v) => (v > 0 && Number.isFinite(v) ? Math.log(v) : 0)) : [0, 0, 0, 0];
  // BFGS on a central-difference gradient (the ₂F₁ terms have no cheap parameter derivatives),
  // then Nelder–Mead from where it stopped when it did not converge
  const withGradient = (theta: number[], grad: number[]): number => {
    const value = objective(theta);
    for (let i = 0; i < theta.length; i++) {
      const step = 1e-5;
      const up = theta.slice();
      const down = theta.slice();
      up[i] += step;
      down[i] -= step;
      grad[i] = (objective(up) - objective(down)) / (2 * step);
    }
    return value;
  };
  // escapeBound: a maximum at infinity (no dropout: s → 0 or β → ∞) is reported at once as a
  // boundary fit instead of being chased, where the ₂F₁ terms are dearest
  let result: { x: number[]; evaluations: number; converged: boolean };
  let ratioBoundary = false;
  try {
    // rescaled time: the longest history is 10
    const noDropout = (theta: readonly number[]): boolean => dropoutShareWithin(Math.exp(theta[2]), Math.exp(theta[3]), 10) < NO_DROPOUT_SHARE;
    result = bfgs(withGradient, theta0, { gradientTolerance: 1e-7, maxIterations: 200, escapeBound: BOUNDARY_LOG, escapes: noDropout, relativeTolerance: RELATIVE_TOLERANCE });
    const bfgsEvaluations = result.evaluations * (1 + 2 * theta0.length);
    if (!result.converged && !(result as { escaped?: boolean }).escaped) {
      const polished = nelderMead(objective, result.x, { maxEvaluations: 2000, restarts: 3, step: 0.1, fTolerance: 1e-11, xTolerance: 1e-7 });
      result = { ...polished, evaluations: polished.evaluations + bfgsEvaluations };
    } else {
      result = { ...result, evaluations: bfgsEvaluations };
    }
  } catch (error) {
    if (!(error instanceof ScaleRatioBoundary)) throw error;
    ratioBoundary = true;
    result = { x: error.theta, evaluations: calls, converged: false };
  }
  const fitted = fromLog(result.x);
  const params = { ...fitted, alpha: fitted.alpha / scale, beta: fitted.beta / scale };
  return {
    model: 'paretonbd',
    params,
    logLikelihood: pnbdTotalLogLikelihood(params, groups),
    customers: weight,
    evaluations: result.evaluations,
    converged: result.converged,
    penalty: 0,
    atBoundary: ratioBoundary || result.x.some((theta) => !(Math.abs(theta) <= BOUNDARY_LOG)) || dropoutShareWithin(params.s, params.beta, maxT) < NO_DROPOUT_SHARE,
  };
}
