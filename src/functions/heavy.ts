/**
 * The heavy worksheet functions, RFM.CUSTOMERTABLE, RFM.MIGRATION and RFM.FIT, as plain synchronous computations. They
 * run in the functions' Web Worker (functionsWorker.ts, through offThread.ts) so that a long analysis
 * does not block the shared runtime the task pane and the ribbon live in: Office may restart an
 * add-in whose runtime is unresponsive for 5 seconds ("Resource limits and performance optimization
 * for Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * This module must not import functions.ts (its build appends `CustomFunctions.associate` calls,
 * which the worker has no `CustomFunctions` for).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][] */
import { DEFAULT_BINS } from '../engine';
import { BGNBD, type PurchaseModelSpec } from '../engine';
import { fitSpendModel } from '../engine';
import { fitOrExplain } from '../engine';
import { groupPatterns } from '../engine';
import { MBGNBD } from '../engine';
import { fitModelOrExplain, type FittedPurchaseModel, type PurchaseModelName } from '../engine';
import { MAX_BINS, MIN_BINS } from '../engine';
import type { AnalysisOptions } from '../engine';
import { messageText } from '../i18n';
import { isBlank, optionalBoolean, optionalKeyword, optionalWhole } from './args';
import { ArgumentError, NoDataError, excelError, guarded, messageLang } from './errors';
import { PARAM_NAMES, PNBD_PARAM_NAMES, historyColumns, paretoParams, purchaseParams } from './inputs';
import { analyzeRanges, customerTableRows, dateArgument, migrationRows } from './table';

/** Purchase models a formula can name (first = default). */
const MODELS = ['bgnbd', 'mbgnbd', 'paretonbd'] as const;

/**
 * The purchase model a formula names.
 * @param model "bgnbd", "mbgnbd", "paretonbd" or blank
 * @returns the model's name
 */
export function purchaseModelName(model: unknown): PurchaseModelName {
  return optionalKeyword(model, 'model', MODELS);
}

/**
 * The BG-family model a formula names (RFM.FIT's BG/NBD and modified BG/NBD path).
 * @param name "bgnbd" or "mbgnbd"
 * @returns the engine's model
 */
export function purchaseModelOf(name: 'bgnbd' | 'mbgnbd'): PurchaseModelSpec {
  return name === 'mbgnbd' ? MBGNBD : BGNBD;
}

/**
 * The model a formula names with its parameters from the range: r, alpha, a, b (BG/NBD family) or
 * r, alpha, s, beta (Pareto/NBD).
 * @param model "bgnbd", "mbgnbd", "paretonbd" or blank
 * @param cells the parameter cells (paramCells)
 * @returns the fitted model
 */
export function fittedModelOf(model: unknown, cells: unknown): FittedPurchaseModel {
  const name = purchaseModelName(model);
  return name === 'paretonbd' ? { model: name, params: paretoParams(cells) } : { model: name, params: purchaseParams(cells) };
}

/**
 * The purchase model fitted as the analysis fits it (a ridge penalty when the maximum lies at a
 * boundary; a Pareto/NBD that runs off to a boundary has no fit).
 * @returns the four purchase parameters, or null when there is no usable fit
 */
function fitPurchase(name: PurchaseModelName, x: number[], tx: number[], T: number[]): number[] | null {
  const groups = groupPatterns(x, tx, T, 1);
  if (name === 'paretonbd') {
    const fitted = fitModelOrExplain(name, groups);
    if ('reason' in fitted || fitted.model !== 'paretonbd') return null;
    return [fitted.params.r, fitted.params.alpha, fitted.params.s, fitted.params.beta];
  }
  const fitted = fitOrExplain(purchaseModelOf(name), groups);
  if ('reason' in fitted) return null;
  return [fitted.params.r, fitted.params.alpha, fitted.params.a, fitted.params.b];
}

/** RFM.CUSTOMERTABLE computed here and now (see functions.ts `table` for the arguments). */
export function tableNow(customers: any[][], dates: any[][], amounts: any[][], analysis_date?: any, bins?: number, predictions?: boolean): any[][] {
  return guarded('RFM.CUSTOMERTABLE', () => {
    const binCount = optionalWhole(bins, 'bins', DEFAULT_BINS, MIN_BINS, MAX_BINS);
    const predict = optionalBoolean(predictions, 'predictions', true);
    const options: AnalysisOptions = { analysisDate: dateArgument(analysis_date, 'analysis_date'), bins: binCount };
    if (!predict) Object.assign(options, { clusters: 'off', model: 'off' });
    return customerTableRows(analyzeRanges(customers, dates, amounts, options));
  });
}

/** RFM.MIGRATION computed here and now (see functions.ts `migration` for the arguments): two analyses, no models. */
export function migrationNow(customers: any[][], dates: any[][], amounts: any[][], compare_date: any, analysis_date?: any, bins?: number): any[][] {
  return guarded('RFM.MIGRATION', () => {
    const binCount = optionalWhole(bins, 'bins', DEFAULT_BINS, MIN_BINS, MAX_BINS);
    if (isBlank(compare_date)) throw new ArgumentError('required', { name: 'compare_date' });
    const options: AnalysisOptions = {
      analysisDate: dateArgument(analysis_date, 'analysis_date'), compareTo: dateArgument(compare_date, 'compare_date'), bins: binCount,
      clusters: 'off', model: 'off',
    };
    return migrationRows(analyzeRanges(customers, dates, amounts, options));
  });
}

/** RFM.FIT computed here and now (see functions.ts `fit` for the arguments). */
export function fitNow(x: any[][], t_x: any[][], T: any[][], zbar?: any[][], model?: string): any[][] {
  return guarded('RFM.FIT', () => {
    const name = purchaseModelName(model);
    const h = historyColumns({ name: 'x', value: x }, { name: 't_x', value: t_x }, { name: 'T', value: T }, { name: 'zbar', value: zbar });
    const zbars = h.zbar;
    if (zbars && !h.x.some((xi, i) => xi > 0 && zbars[i] > 0)) throw new NoDataError('noRepeatSpend');
    // the analysis's fit, so the same histories give the same parameters here as in the pane and the CLI
    const purchase = fitPurchase(name, h.x, h.tx, h.T);
    if (!purchase) throw new NoDataError('fitUnsettled');
    const values: unknown[] = [...purchase, '', '', ''];
    if (!values.slice(0, 4).every((v) => Number.isFinite(v as number) && (v as number) > 0)) {
      throw new NoDataError('fitUnsettled');
    }
    if (zbars) {
      // the analysis's guard rails (engine/clv/spendGuard.ts): the same data give the same answer here
      const spend = fitSpendModel(h.x, zbars);
      if (spend.status === 'ok') values.splice(4, 3, spend.fit.params.p, spend.fit.params.q, spend.fit.params.v);
      else {
        const why = excelError('#N/A', messageText(messageLang(), 'fn.spendFallback', { ...spend.reason.params, reasonKey: spend.reason.key }));
        values.splice(4, 3, why, why, why);
      }
    }
    return [(name === 'paretonbd' ? PNBD_PARAM_NAMES : PARAM_NAMES).slice(), values];
  });
}

/** The heavy functions by name, for the worker. */
export const HEAVY = { table: tableNow, migration: migrationNow, fit: fitNow } as const;

/** Name of a heavy function. */
export type HeavyName = keyof typeof HEAVY;
