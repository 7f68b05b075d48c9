/**
 * Readers of the RFM-specific arguments of the `=RFM.*` functions: scores, segment rules,
 * purchase histories and model parameters. Each checks one argument and names it in its message;
 * the analysis itself is the engine's.
 */
import type { BgParams, PnbdParams } from '../engine';
import type { GammaGammaParams } from '../engine';
import { MAX_BINS } from '../engine';
import { assertValidRules, defaultSegmentRules } from '../engine';
import type { SegmentRule } from '../engine';
import { asMatrix, cellNumber, errorCodeOf, isBlank, rangeNumbers, requiredNumber, sameLengthVectors, type NamedRange } from './args';
import { ArgumentError, NoDataError, message } from './errors';

/**
 * Names ranges for element-wise calls.
 * @param names the argument names, in order
 * @param values the arguments, in the same order
 * @returns the named ranges
 */
export function named(names: readonly string[], values: readonly unknown[]): NamedRange[] {
  return names.map((name, i) => ({ name, value: values[i] }));
}

/**
 * Reads one score.
 * @param cell the cell
 * @param name r, f or m
 * @returns the score
 * @throws ArgumentError unless it is a whole number from 1 to 10
 */
export function wholeScore(cell: unknown, name: string): number {
  const value = requiredNumber(cell, name);
  if (!Number.isInteger(value) || value < 1 || value > MAX_BINS) {
    throw new ArgumentError('notScore', { name, max: MAX_BINS, value });
  }
  return value;
}

/**
 * The rule table of a SEGMENT call.
 * @param rules the optional rules range, laid out like the Segment rules sheet
 * @param parse reads that layout into rules (report/'s parser)
 * @returns the default rules when left out, else the rules read from the range
 * @throws ArgumentError naming the rule that is wrong
 */
export function segmentRules(rules: unknown, parse: (values: unknown[][]) => SegmentRule[]): SegmentRule[] {
  if (isBlank(rules)) return defaultSegmentRules();
  try {
    const table = parse(rules as unknown[][]);
    assertValidRules(table);
    return table;
  } catch (caught) {
    throw new ArgumentError('rules', { detail: caught instanceof Error ? caught.message : String(caught) });
  }
}

/** One customer's purchase history in model time units. */
export interface History {
  x: number;
  tx: number;
  T: number;
}

/**
 * Reads one (x, t_x, T) history.
 * @param xCell repeat purchases
 * @param txCell time of the last purchase after the first
 * @param TCell time from the first purchase to the end of the period
 * @returns the history
 * @throws ArgumentError unless x is a whole number ≥ 0 and 0 ≤ t_x ≤ T (t_x = 0 when x = 0)
 */
export function purchaseHistory(xCell: unknown, txCell: unknown, TCell: unknown): History {
  const x = requiredNumber(xCell, 'x');
  const tx = requiredNumber(txCell, 't_x');
  const T = requiredNumber(TCell, 'T');
  if (!Number.isInteger(x) || x < 0) throw new ArgumentError('notRepeatCount', { name: 'x', value: x });
  if (tx < 0) throw new ArgumentError('negative', { name: 't_x', value: tx });
  if (T < tx) throw new ArgumentError('ageBelowRecency', { T, tx });
  if (x === 0 && tx !== 0) throw new ArgumentError('recencyWithoutRepeat', { value: tx });
  return { x, tx, T };
}

/** Names of the model parameters, in the order of a parameter range. */
export const PARAM_NAMES = ['r', 'alpha', 'a', 'b', 'p', 'q', 'v'] as const;

/** The same under the Pareto/NBD (s, beta: the dropout rate's shape and scale). */
export const PNBD_PARAM_NAMES = ['r', 'alpha', 's', 'beta', 'p', 'q', 'v'] as const;

/**
 * Reads the first `count` numbers of a parameter range, each above 0. Text cells are skipped, so
 * the whole spill of RFM.FIT (labels above values) can be passed.
 * @param range the range (a row or column of the fitted parameters)
 * @param count how many are needed
 * @returns the numbers
 * @throws ArgumentError naming the parameter that is missing or not above 0
 */
function positiveParams(range: unknown, count: number, names: readonly string[] = PARAM_NAMES): number[] {
  const numbers = rangeNumbers(range, 'params', true);
  if (numbers.length < count) {
    throw new ArgumentError('paramsCount', { count, names: names.slice(0, count).join(', '), got: numbers.length });
  }
  for (let i = 0; i < count; i++) {
    if (!(numbers[i] > 0)) throw new ArgumentError('paramNotPositive', { param: names[i], value: numbers[i] });
  }
  return numbers;
}

/**
 * The parameter cells with error cells after r, alpha, a, b left out: RFM.FIT shows #N/A for p, q
 * and v when the spend model fails its checks, and its whole spill can still be passed (error cells
 * reach the functions as values: see errorCodeOf). An error among the first four stays, and is reported.
 * @param range the parameter range
 * @returns one row of the cells kept
 */
export function paramCells(range: unknown): unknown[][] {
  const kept: unknown[] = [];
  let numbers = 0;
  for (const cell of asMatrix(range).flat()) {
    if (numbers >= 4 && errorCodeOf(cell) !== undefined) continue;
    if (!isBlank(cell) && !Number.isNaN(cellNumber(cell))) numbers++;
    kept.push(cell);
  }
  return [kept];
}

/**
 * Reads BG/NBD parameters: the first four numbers of the range are r, alpha, a, b.
 * @param range the parameter range
 * @returns the purchase model parameters
 * @throws ArgumentError unless there are four positive numbers
 */
export function purchaseParams(range: unknown): BgParams {
  const [r, alpha, a, b] = positiveParams(range, 4);
  return { r, alpha, a, b };
}

/**
 * Reads Pareto/NBD parameters: the first four numbers of the range are r, alpha, s, beta.
 * @param range the parameter range
 * @returns the purchase model parameters
 * @throws ArgumentError unless there are four positive numbers
 */
export function paretoParams(range: unknown): PnbdParams {
  const [r, alpha, s, beta] = positiveParams(range, 4, PNBD_PARAM_NAMES);
  return { r, alpha, s, beta };
}

/**
 * Reads Gamma-Gamma parameters: numbers 5 to 7 of the range are p, q, v (q above 1).
 * @param range the parameter range
 * @returns the spend model parameters
 * @throws ArgumentError unless there are seven positive numbers and q > 1
 */
export function spendParams(range: unknown): GammaGammaParams {
  const [, , , , p, q, v] = positiveParams(range, 7);
  if (!(q > 1)) throw new ArgumentError('paramQ', { value: q });
  return { p, q, v };
}

/** Purchase histories read from columns, one entry per customer. */
export interface HistoryColumns {
  x: number[];
  tx: number[];
  T: number[];
  /** Mean spend per repeat purchase, when the zbar range was given. */
  zbar: number[] | null;
}

/**
 * Reads the customer columns of RFM.FIT: rows where every cell is blank are skipped; any other
 * row must be a valid history (the message names the argument and the row).
 * @param x repeat purchases per customer
 * @param tx t_x per customer
 * @param T T per customer
 * @param zbar mean spend per repeat purchase, or blank when left out
 * @returns the histories
 * @throws ArgumentError on lengths that differ or a bad row; NoDataError when no row is filled
 */
export function historyColumns(x: NamedRange, tx: NamedRange, T: NamedRange, zbar: NamedRange): HistoryColumns {
  const ranges = isBlank(zbar.value) ? [x, tx, T] : [x, tx, T, zbar];
  const lists = sameLengthVectors(ranges);
  const out: HistoryColumns = { x: [], tx: [], T: [], zbar: lists.length === 4 ? [] : null };
  for (let row = 0; row < lists[0].length; row++) {
    if (lists.every((list) => isBlank(list[row]))) continue;
    try {
      const h = purchaseHistory(lists[0][row], lists[1][row], lists[2][row]);
      out.x.push(h.x);
      out.tx.push(h.tx);
      out.T.push(h.T);
      if (out.zbar) out.zbar.push(h.x > 0 ? requiredNumber(lists[3][row], zbar.name) : 0);
    } catch (caught) {
      const text = caught instanceof Error ? caught.message : String(caught);
      throw new ArgumentError('withWhere', { message: text, where: message('where.row', { row: row + 1 }) });
    }
  }
  if (out.x.length === 0) throw new NoDataError('noCustomers', { name: x.name });
  return out;
}
