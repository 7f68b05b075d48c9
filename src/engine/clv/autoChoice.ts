/**
 * The `--model auto` rule (issue 10): choose the purchase model by a backtest inside the history the
 * model is given. Hold out its last part (the churn horizon, or INNER_HOLDOUT_SHARE of the history
 * when that is shorter than BACKTEST_HISTORY_FACTOR horizons), fit each candidate on the days before
 * (on a systematic sample of AUTO_SAMPLE_CUSTOMERS customers when there are more), and score each
 * one's P(no purchase in the held-out days) ranking by its AUC (rocAuc, as the model check does)
 * against who bought nothing there. The highest AUC wins; AUCs within AUC_TIE of the best count as
 * a tie, which goes to the earlier model in MODEL_ORDER (BG/NBD, modified BG/NBD, Pareto/NBD: the
 * cheaper fits first). A fit that needed a ridge penalty is only chosen when no plain fit exists.
 * When the history is too short or too few customers bought before the held-out days, the caller
 * falls back to the likelihood rule (chooseModel) and says so.
 */
import type { DayNumber, Note } from '../types';
import { rocAuc } from './auc';
import { BACKTEST_HISTORY_FACTOR, BACKTEST_MIN_CUSTOMERS, holdoutPurchaseDays } from './backtest';
import { groupPatterns } from './groups';
import { AUTO_SAMPLE_CUSTOMERS, fitModelOrExplain, MODEL_ORDER, type AnyPurchaseFit, type ModelChoice } from './modelFit';
import { pNoPurchase, type PurchaseModelName } from './models';
import { note } from './reasons';
import { buildHistories } from './summary';
import type { ModelLines } from '../modelLines';

/** AUCs within this of the best count as a tie (broken by MODEL_ORDER). */
export const AUC_TIE = 0.002;

/**
 * Whether two AUCs are a tie: within AUC_TIE of each other, both ends included (auto's choice and
 * the model check's verdict use this one rule).
 * @param a an AUC
 * @param b another
 * @returns true when tied
 */
export function aucsTied(a: number, b: number): boolean {
  return Math.min(a, b) >= Math.max(a, b) - AUC_TIE;
}

/** Share of the history held out when it is shorter than BACKTEST_HISTORY_FACTOR churn horizons. */
export const INNER_HOLDOUT_SHARE = 1 / 3;

/** Shortest inner held-out period, in days. */
export const INNER_MIN_HOLDOUT_DAYS = 7;

/** The history the model is given: its lines, the first purchase day and the last day observed. */
export interface ChoiceData {
  transactions: ModelLines;
  firstDay: DayNumber;
  lastDay: DayNumber;
  horizonDays: number;
  unitDays: number;
}

/**
 * Days held out by the inner backtest: the churn horizon when the history covers
 * BACKTEST_HISTORY_FACTOR horizons, else ⌊history × INNER_HOLDOUT_SHARE⌋, or null below
 * INNER_MIN_HOLDOUT_DAYS.
 * @param historyDays first purchase to the last day, both included
 * @param horizonDays the churn horizon
 * @returns the held-out days, or null when the history is too short
 */
export function innerHoldoutDays(historyDays: number, horizonDays: number): number | null {
  if (historyDays >= BACKTEST_HISTORY_FACTOR * horizonDays) return horizonDays;
  const days = Math.floor(historyDays * INNER_HOLDOUT_SHARE);
  return days >= INNER_MIN_HOLDOUT_DAYS ? days : null;
}

/**
 * Indices of every k-th item (k = ⌈n / max⌉), or all of them when n ≤ max (as samplePatterns).
 * @param n items
 * @param max most to keep
 * @returns the kept indices, ascending
 */
export function systematicSample(n: number, max: number): number[] {
  const step = n <= max ? 1 : Math.ceil(n / max);
  const kept: number[] = [];
  for (let i = 0; i < n; i += step) kept.push(i);
  return kept;
}

/** The inner backtest's candidates and how each ranked the held-out non-buyers. */
export interface InnerBacktest {
  choice: ModelChoice;
  /** The candidates' fits on the inner calibration days (or why not). */
  fits: Partial<Record<PurchaseModelName, AnyPurchaseFit | { reason: Note }>>;
}

/**
 * Runs the inner backtest and chooses, or says why it cannot (the caller then uses likelihood).
 * @param data the history given to the model
 * @returns the choice with every candidate's AUC, or the reason for the fallback
 */
export function chooseByInnerBacktest(data: ChoiceData): InnerBacktest | { fallback: Note } {
  const holdoutDays = innerHoldoutDays(data.lastDay - data.firstDay + 1, data.horizonDays);
  if (holdoutDays === null) return { fallback: note('predict.autoFallback.short', { days: data.lastDay - data.firstDay + 1 }) };
  const calibrationEnd = data.lastDay - holdoutDays;
  const all = buildHistories(data.transactions, calibrationEnd);
  if (all.ids.length < BACKTEST_MIN_CUSTOMERS) return { fallback: note('predict.autoFallback.few', { customerCount: all.ids.length, min: BACKTEST_MIN_CUSTOMERS }) };
  const kept = systematicSample(all.ids.length, AUTO_SAMPLE_CUSTOMERS);
  const pick = (a: ArrayLike<number>): number[] => kept.map((i) => a[i]);
  const groups = groupPatterns(pick(all.x), pick(all.recencyDays), pick(all.ageDays), data.unitDays);
  const ids = kept.map((i) => all.ids[i]);
  const bought = holdoutPurchaseDays(data.transactions, ids, calibrationEnd + 1, data.lastDay);
  const none = Uint8Array.from(bought, (d) => (d === 0 ? 1 : 0));
  const nonBuyers = none.reduce((a, b) => a + b, 0 as number);
  if (nonBuyers === 0 || nonBuyers === ids.length) return { fallback: note('predict.autoFallback.oneSided', { customerCount: ids.length, nonBuyerCount: nonBuyers }) };
  const t = holdoutDays / data.unitDays;
  const fits: InnerBacktest['fits'] = {};
  const auc: Partial<Record<PurchaseModelName, number>> = {};
  const predictedNonBuyers: Partial<Record<PurchaseModelName, number>> = {};
  const choice: ModelChoice = { rule: 'innerBacktest', chosen: 'bgnbd', why: 'highestAuc', logLikelihoods: {}, failed: {}, customers: ids.length };
  for (const name of MODEL_ORDER) {
    const bg = fits.bgnbd;
    // the modified model's r and α are close to the BG/NBD's: starting from them halves its iterations
    const warm = name === 'mbgnbd' && bg && !('reason' in bg) && bg.model === 'bgnbd' && bg.penalty === 0 ? { ...bg.params, a: 1, b: 1 } : undefined;
    const fit = fitModelOrExplain(name, groups, warm);
    fits[name] = fit;
    if ('reason' in fit) {
      choice.failed[name] = fit.reason.text;
      continue;
    }
    const perGroup = Array.from(groups.x, (x, g) => pNoPurchase(fit, x, groups.tx[g], groups.T[g], t));
    const scores = Array.from(groups.groupOf, (g) => perGroup[g]);
    const a = rocAuc(scores, none);
    if (a === null) continue;
    auc[name] = a;
    predictedNonBuyers[name] = scores.reduce((s, p) => s + p, 0);
    choice.logLikelihoods[name] = fit.logLikelihood;
  }
  const ok = MODEL_ORDER.filter((m) => auc[m] !== undefined);
  const plain = ok.filter((m) => (fits[m] as AnyPurchaseFit).penalty === 0);
  const pool = plain.length > 0 ? plain : ok;
  if (pool.length === 0) return { fallback: note('predict.autoFallback.noFit') };
  const picked = pickByAuc(pool.map((m) => ({ model: m, auc: auc[m] as number })));
  choice.chosen = picked.model;
  choice.why = pool.length === 1 ? 'onlyCandidate' : picked.why;
  choice.innerBacktest = {
    calibrationEnd, holdoutFrom: calibrationEnd + 1, holdoutTo: data.lastDay, holdoutDays, customers: ids.length, nonBuyers,
    auc, predictedNonBuyers, aucTie: AUC_TIE,
  };
  return { choice, fits };
}

/**
 * The winner among candidates in MODEL_ORDER: the highest AUC, ties (within AUC_TIE of the best)
 * to the earliest.
 * @param candidates models in MODEL_ORDER with their AUCs (at least one)
 * @returns the winner and whether a tie decided it
 */
export function pickByAuc(candidates: readonly { model: PurchaseModelName; auc: number }[]): { model: PurchaseModelName; why: 'highestAuc' | 'tieOrder' } {
  const best = Math.max(...candidates.map((c) => c.auc));
  const within = candidates.filter((c) => aucsTied(c.auc, best));
  const winner = within[0];
  return { model: winner.model, why: within.length > 1 && winner.auc < best ? 'tieOrder' : 'highestAuc' };
}
