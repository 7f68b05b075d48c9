/**
 * Fitting any of the three purchase models, and the rule `--model auto` uses to choose among them.
 *
 * `auto` chooses by an inner backtest (autoChoice.ts); this likelihood rule is its fallback when the
 * history is too short for one. The rule: all three have four parameters and are fitted by maximum likelihood on the same
 * (x, t_x, T) histories, so any penalised-likelihood criterion (AIC = 2k − 2 ln L, BIC = k ln n − 2 ln L)
 * ranks them exactly as their log-likelihoods do: the model that makes the customers' observed
 * histories most probable is chosen. A fit that needed a ridge penalty (its plain maximum lies at
 * a boundary) is only chosen when no plain fit exists. Ties (within 0.01) go to the earlier model
 * in MODEL_ORDER. It costs the three fits and nothing else (a backtest would refit on a shorter history).
 * Above AUTO_SAMPLE_CUSTOMERS customers the three are compared on a systematic sample of that many
 * (every k-th customer in input order) and only the chosen model is fitted on everyone, starting
 * from its sample fit: the Pareto/NBD's ₂F₁ terms make its fit far dearer than the BG/NBD family's.
 */
import type { Note } from '../types';
import { BGNBD } from './bgnbd';
import { dataProblem, fitOrExplain, type PurchaseFit } from './fit';
import { groupPatterns, totalWeight, type PurchaseGroups } from './groups';
import { MBGNBD } from './mbgnbd';
import type { PurchaseModelName } from './models';
import { fitParetoNbd, type ParetoFit } from './pnbdFit';
import { note } from './reasons';

/** A fitted purchase model of any of the three kinds. */
export type AnyPurchaseFit = PurchaseFit | ParetoFit;

/** Order of the candidates (and of ties) under `--model auto`. */
export const MODEL_ORDER: readonly PurchaseModelName[] = ['bgnbd', 'mbgnbd', 'paretonbd'];

/** Most customers the three candidates are compared on (a systematic sample above it). */
export const AUTO_SAMPLE_CUSTOMERS = 2500;

/**
 * Every k-th customer's pattern, regrouped (k = ⌈customers / max⌉), or the groups themselves when
 * there are at most `max` customers.
 * @param groups all patterns (their `groupOf` gives each customer's pattern)
 * @param max most customers to keep
 * @returns the sample's patterns and its size
 */
export function samplePatterns(groups: PurchaseGroups, max: number): { groups: PurchaseGroups; customers: number } {
  const n = groups.groupOf.length;
  if (n <= max) return { groups, customers: totalWeight(groups) };
  const step = Math.ceil(n / max);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < n; i += step) {
    const g = groups.groupOf[i];
    x.push(groups.x[g]);
    tx.push(groups.tx[g]);
    T.push(groups.T[g]);
  }
  // t_x and T are already in model units: a unit of one "day" keeps them as they are
  return { groups: groupPatterns(x, tx, T, 1), customers: x.length };
}

/** Log-likelihoods closer than this count as a tie. */
const TIE = 0.01;

/**
 * Fits one model when the data allows and the result is usable.
 * @param name the model
 * @param groups the patterns (model units)
 * @param start BG-family starting point (see fitOrExplain)
 * @returns the fit, or the reason there is none
 */
export function fitModelOrExplain(name: PurchaseModelName, groups: PurchaseGroups, start?: AnyPurchaseFit['params']): AnyPurchaseFit | { reason: Note } {
  if (name !== 'paretonbd') return fitOrExplain(name === 'bgnbd' ? BGNBD : MBGNBD, groups, start && 'a' in start ? start : undefined);
  const problem = dataProblem(groups);
  if (problem) return { reason: problem };
  const fit = fitParetoNbd(groups, start && 's' in start ? start : undefined);
  const finite = [fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta, fit.logLikelihood].every(Number.isFinite);
  if (!finite || fit.atBoundary) return { reason: note('predict.reason.boundaryPareto') };
  return fit;
}

/** Which model `auto` chose and why (in the JSON as `clv.modelChoice`). */
export interface ModelChoice {
  /** `innerBacktest` (autoChoice.ts), or `likelihood` when the history is too short for it. */
  rule: 'innerBacktest' | 'likelihood';
  chosen: PurchaseModelName;
  /**
   * Why the winner won: the highest inner-backtest AUC, a tie within AUC_TIE broken by MODEL_ORDER,
   * the only candidate fitted, or (rule `likelihood`) the highest log-likelihood.
   */
  why: 'highestAuc' | 'tieOrder' | 'onlyCandidate' | 'highestLikelihood';
  /** Under the likelihood rule: why the inner backtest could not be made (English). */
  fallback?: string;
  /** The inner backtest: its days, customers, non-buyers and each candidate's AUC of P(no purchase). */
  innerBacktest?: {
    calibrationEnd: number;
    holdoutFrom: number;
    holdoutTo: number;
    holdoutDays: number;
    customers: number;
    nonBuyers: number;
    auc: Partial<Record<PurchaseModelName, number>>;
    /** Sum of each candidate's P(no purchase) over the held-out days. */
    predictedNonBuyers: Partial<Record<PurchaseModelName, number>>;
    aucTie: number;
  };
  /** Summed log-likelihood of each candidate that could be fitted (same data, same unit; under innerBacktest, on its calibration days). */
  logLikelihoods: Partial<Record<PurchaseModelName, number>>;
  /** Candidates that could not be fitted, with the reason in English. */
  failed: Partial<Record<PurchaseModelName, string>>;
  /** Customers the candidates were compared on (all of them, or the systematic sample). */
  customers: number;
}

/**
 * The `auto` rule: highest log-likelihood among the candidates fitted without a penalty (all with
 * a penalty when none was fitted plainly); ties go to the earlier model in MODEL_ORDER.
 * @param fits the candidates' fits (or reasons), by model
 * @returns the chosen model, or null when none could be fitted
 */
export function chooseModel(fits: Partial<Record<PurchaseModelName, AnyPurchaseFit | { reason: Note }>>): ModelChoice | null {
  const ok: AnyPurchaseFit[] = [];
  const choice: ModelChoice = { rule: 'likelihood', chosen: 'bgnbd', why: 'highestLikelihood', logLikelihoods: {}, failed: {}, customers: 0 };
  for (const name of MODEL_ORDER) {
    const fit = fits[name];
    if (!fit) continue;
    if ('reason' in fit) choice.failed[name] = fit.reason.text;
    else {
      ok.push(fit);
      choice.logLikelihoods[name] = fit.logLikelihood;
      choice.customers = fit.customers;
    }
  }
  const plain = ok.filter((f) => f.penalty === 0);
  const pool = plain.length > 0 ? plain : ok;
  if (pool.length === 0) return null;
  let best = pool[0];
  for (const fit of pool.slice(1)) if (fit.logLikelihood > best.logLikelihood + TIE) best = fit;
  choice.chosen = best.model;
  if (pool.length === 1) choice.why = 'onlyCandidate';
  return choice;
}
