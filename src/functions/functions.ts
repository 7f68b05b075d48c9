/**
 * The `=RFM.*` custom functions (namespace RFM, set in the manifest). Each one checks its
 * arguments and shapes, then calls the engine: no scoring or modelling logic lives here.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to make functions.json and appends the
 * `CustomFunctions.associate` calls at build time, so this file never touches the
 * `CustomFunctions` global when it is imported (it also runs in Node for the tests and the bench).
 * Persian descriptions: functions.fa.json (see localizedMetadata.js).
 *
 * Names: upper case, and none equal to an Excel worksheet function or Excel 4.0 macro function
 * ("Avoid names that match ... An Excel 4.0 Macro Function (such as RUN, ECHO)",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming), hence RFMCODE
 * rather than CODE and CUSTOMERTABLE rather than TABLE. test/functions/metadata.test.ts checks it.
 *
 * Result types are `any[][]` (a matrix that spills; the metadata generator drops the
 * dimensionality of union types). A whole-call error is a 1×1 matrix holding a
 * `CustomFunctions.Error`; an error of one position sits at that position. Nothing here throws.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][] */
import { DEFAULT_BINS } from '../engine';
import { modelPAlive } from '../engine';
import { forecastModel } from '../engine';
import { expectedSpend } from '../engine';
import { groupPatterns } from '../engine';
import { UNIT_DAYS } from '../engine';
import { loyaltyQuadrantOf, splitValue, valueQuadrantOf } from '../engine';
import { MAX_BINS, MIN_BINS, quantileCuts, scoreAgainstCuts } from '../engine';
import { matchRule } from '../engine';
import { DISCOUNT_RATE_LIMIT, HORIZON_MONTHS_LIMIT, MARGIN_LIMIT } from '../engine';
import { parseRulesSheet } from '../report/rulesSheet';
import { asMatrix, elementwise, optionalBoolean, optionalKeyword, optionalNumber, optionalWhole, rangeNumbers, requiredNumber } from './args';
import { ArgumentError, guarded, messageLang } from './errors';
import { named, paramCells, purchaseHistory, segmentRules, spendParams, wholeScore } from './inputs';
import { fittedModelOf } from './heavy';
import { runHeavy } from './offThread';

/** Split rules a formula can use (score splits need scores, not the metrics these take). */
const FORMULA_SPLITS = ['mean', 'median'] as const;
/** Time units a formula can name (first = default). */
const TIME_UNITS = ['weeks', 'days', 'months'] as const;

/**
 * Quantile score (1 = lowest bin) of a value within all values, exactly as the R package rfm scores.
 * @customfunction SCORE SCORE
 * @param value The value to score, or a range of values (the result spills).
 * @param values All values the bins are cut from (blank cells are skipped).
 * @param [bins] Number of bins, 2 to 10 (default 5).
 * @param [reverse] TRUE to give the top score to the smallest values, as for recency (default FALSE).
 * @returns The score of each value.
 */
export function score(value: any[][], values: any[][], bins?: number, reverse?: boolean): any[][] {
  return guarded('RFM.SCORE', () => {
    const binCount = optionalWhole(bins, 'bins', DEFAULT_BINS, MIN_BINS, MAX_BINS);
    const reversed = optionalBoolean(reverse, 'reverse', false);
    const cuts = quantileCuts(Float64Array.from(rangeNumbers(values, 'values')).sort(), binCount);
    const one = new Float64Array(1);
    return elementwise(named(['value'], [value]), ([cell]) => {
      one[0] = requiredNumber(cell, 'value');
      return scoreAgainstCuts(one, cuts, reversed)[0];
    });
  });
}

/**
 * Segment name from R, F and M scores by the ordered segment rules (first match wins, else "Others").
 * @customfunction SEGMENT SEGMENT
 * @param r Recency score (1 to 10), or a range of them.
 * @param f Frequency score (1 to 10), or a range of them.
 * @param m Monetary score (1 to 10), or a range of them.
 * @param [rules] A range laid out like the Segment rules sheet (default: the rfm package's rules).
 * @returns The segment of each position.
 */
export function segment(r: any[][], f: any[][], m: any[][], rules?: any[][]): any[][] {
  return guarded('RFM.SEGMENT', () => {
    const table = segmentRules(rules, (values) => parseRulesSheet(asMatrix(values), 1, messageLang()));
    return elementwise(named(['r', 'f', 'm'], [r, f, m]), ([rs, fs, ms]) => matchRule(wholeScore(rs, 'r'), wholeScore(fs, 'f'), wholeScore(ms, 'm'), table));
  });
}

/**
 * RFM code 100·R + 10·F + M from the three scores; ranges are combined position by position.
 * @customfunction RFMCODE RFMCODE
 * @param r Recency score (1 to 10), or a range of them.
 * @param f Frequency score (1 to 10), or a range of them.
 * @param m Monetary score (1 to 10), or a range of them.
 * @returns The RFM code of each position.
 */
export function code(r: any[][], f: any[][], m: any[][]): any[][] {
  return guarded('RFM.RFMCODE', () =>
    elementwise(named(['r', 'f', 'm'], [r, f, m]), ([rs, fs, ms]) => 100 * wholeScore(rs, 'r') + 10 * wholeScore(fs, 'f') + wholeScore(ms, 'm')),
  );
}

/**
 * Value matrix quadrant (Best, High-spending, Frequent, Uncertain) from frequency and monetary value.
 * @customfunction VALUEQUADRANT VALUEQUADRANT
 * @param frequency The customer's frequency (orders), or a range of them.
 * @param monetary The customer's monetary value, or a range of them.
 * @param all_frequencies The frequency of every customer: "high" is above their split.
 * @param all_monetaries The monetary value of every customer: "high" is above their split.
 * @param [split] "mean" (default) or "median": the split between low and high.
 * @returns The quadrant of each position.
 */
export function valueQuadrant(frequency: any[][], monetary: any[][], all_frequencies: any[][], all_monetaries: any[][], split?: string): any[][] {
  return guarded('RFM.VALUEQUADRANT', () => {
    const rule = optionalKeyword(split, 'split', FORMULA_SPLITS);
    const splits = {
      frequency: splitValue(rangeNumbers(all_frequencies, 'all_frequencies'), rule, DEFAULT_BINS),
      monetary: splitValue(rangeNumbers(all_monetaries, 'all_monetaries'), rule, DEFAULT_BINS),
    };
    return elementwise(named(['frequency', 'monetary'], [frequency, monetary]), ([f, m]) =>
      valueQuadrantOf(requiredNumber(f, 'frequency'), requiredNumber(m, 'monetary'), splits));
  });
}

/**
 * Loyalty matrix quadrant (Loyal, Potential, New, Uncertain) from length and recency in days.
 * @customfunction LOYALTYQUADRANT LOYALTYQUADRANT
 * @param length Days from the customer's first purchase to the analysis date, or a range of them.
 * @param recency Days from the customer's last purchase to the analysis date, or a range of them.
 * @param all_lengths The length of every customer: "long" is above their split.
 * @param all_recencies The recency of every customer: "recent" is below their split.
 * @param [split] "mean" (default) or "median": the split between low and high.
 * @returns The quadrant of each position.
 */
export function loyaltyQuadrant(length: any[][], recency: any[][], all_lengths: any[][], all_recencies: any[][], split?: string): any[][] {
  return guarded('RFM.LOYALTYQUADRANT', () => {
    const rule = optionalKeyword(split, 'split', FORMULA_SPLITS);
    const splits = {
      lengthDays: splitValue(rangeNumbers(all_lengths, 'all_lengths'), rule, DEFAULT_BINS),
      recencyDays: splitValue(rangeNumbers(all_recencies, 'all_recencies'), rule, DEFAULT_BINS),
    };
    return elementwise(named(['length', 'recency'], [length, recency]), ([l, r]) =>
      loyaltyQuadrantOf(requiredNumber(l, 'length'), requiredNumber(r, 'recency'), splits));
  });
}

/**
 * Customer table from transactions: the CLI CSV's columns with a header row (dates as Excel serial numbers).
 * @customfunction CUSTOMERTABLE CUSTOMERTABLE
 * @param customers Customer id of each transaction (one column).
 * @param dates Date of each transaction (Excel dates; same length).
 * @param amounts Amount of each transaction; negative = return (same length).
 * @param [analysis_date] The analysis date: an Excel date, or date text such as 2006-12-31 or 1385/10/10 (default: the day after the latest transaction).
 * @param [bins] Number of score bins, 2 to 10 (default 5).
 * @param [predictions] FALSE skips clusters, P(alive), CLV and churn (their columns stay blank) for a faster result (default TRUE).
 * @returns One row per customer under a header row.
 */
export function table(customers: any[][], dates: any[][], amounts: any[][], analysis_date?: any, bins?: number, predictions?: boolean): Promise<any[][]> {
  return runHeavy('table', [customers, dates, amounts, analysis_date, bins, predictions]) as Promise<any[][]>;
}

/**
 * Segment migration: customers by their segment before a date (rows) and at the analysis date (columns), as rfm analyze --compare-to counts them.
 * @customfunction MIGRATION MIGRATION
 * @param customers Customer id of each transaction (one column).
 * @param dates Date of each transaction (Excel dates; same length).
 * @param amounts Amount of each transaction; negative = return (same length).
 * @param compare_date The earlier date: the segments before are those of an analysis on the transactions dated before it (an Excel date, or date text such as 2006-07-01 or 1385/04/10).
 * @param [analysis_date] The analysis date: an Excel date, or date text (default: the day after the latest transaction).
 * @param [bins] Number of score bins, 2 to 10 (default 5).
 * @returns A header row of the segments now, then one row per segment before with its customer counts; the last row "New" counts customers with no purchase before compare_date.
 */
export function migration(customers: any[][], dates: any[][], amounts: any[][], compare_date: any, analysis_date?: any, bins?: number): Promise<any[][]> {
  return runHeavy('migration', [customers, dates, amounts, compare_date, analysis_date, bins]) as Promise<any[][]>;
}

/**
 * Probability that a customer is still active, P(alive), under a fitted BG/NBD, modified BG/NBD or Pareto/NBD model.
 * @customfunction PALIVE PALIVE
 * @param x Repeat purchases (distinct purchase days after the first), or a range of them.
 * @param t_x Time from the first to the last purchase in the model's time unit (e.g. weeks), or a range.
 * @param T Time from the first purchase to the end of the period (same unit), or a range.
 * @param params The fitted parameters r, alpha, a, b (Pareto/NBD: r, alpha, s, beta) in that order (a row or column; more cells are ignored).
 * @param [model] "bgnbd" (default), "mbgnbd" (modified BG/NBD) or "paretonbd" (Pareto/NBD: params r, alpha, s, beta).
 * @returns P(alive) of each position, from 0 to 1.
 */
export function palive(x: any[][], t_x: any[][], T: any[][], params: any[][], model?: string): any[][] {
  return guarded('RFM.PALIVE', () => {
    const fitted = fittedModelOf(model, paramCells(params));
    return elementwise(named(['x', 't_x', 'T'], [x, t_x, T]), ([xs, txs, Ts]) => {
      const h = purchaseHistory(xs, txs, Ts);
      return modelPAlive(fitted, h.x, h.tx, h.T);
    });
  });
}

/**
 * Customer lifetime value: discounted expected spend over the coming months (BG/NBD purchases × Gamma-Gamma spend).
 * @customfunction CLV CLV
 * @param x Repeat purchases (distinct purchase days after the first), or a range of them.
 * @param t_x Time from the first to the last purchase in the model's time unit, or a range.
 * @param T Time from the first purchase to the end of the period (same unit), or a range.
 * @param zbar Mean spend per repeat purchase (0 when x is 0), or a range. With only r, alpha, a, b as params: each customer's mean spend per purchase.
 * @param params The fitted parameters r, alpha, a, b, p, q, v in that order (a row or column of 7 cells); when RFM.FIT did not use the spend model, its spill as it is (p, q, v #N/A) or only r, alpha, a, b.
 * @param [time_unit] Unit of t_x, T and alpha: "weeks" (default), "days" or "months".
 * @param [horizon_months] Months ahead, 1 to 600 (default 12).
 * @param [discount_rate] Monthly discount rate, 0 to 0.99 (default 0.01).
 * @param [margin] Share of spend that is profit, 0 to 1 (default 1: CLV on revenue).
 * @param [model] "bgnbd" (default), "mbgnbd" (modified BG/NBD) or "paretonbd" (Pareto/NBD: params r, alpha, s, beta).
 * @returns The CLV of each position.
 */
export function clv(
  x: any[][], t_x: any[][], T: any[][], zbar: any[][], params: any[][],
  time_unit?: string, horizon_months?: number, discount_rate?: number, margin?: number, model?: string,
): any[][] {
  return guarded('RFM.CLV', () => {
    const cells = paramCells(params);
    const fitted = fittedModelOf(model, cells);
    // without p, q, v (RFM.FIT's spend-model fallback: #N/A or left out) zbar is the spend per purchase, as in the analysis
    const spend = rangeNumbers(cells, 'params', true).length === 4 ? null : spendParams(cells);
    const settings = {
      unitDays: UNIT_DAYS[optionalKeyword(time_unit, 'time_unit', TIME_UNITS)],
      horizonMonths: optionalWhole(horizon_months, 'horizon_months', HORIZON_MONTHS_LIMIT.fallback, HORIZON_MONTHS_LIMIT.min, HORIZON_MONTHS_LIMIT.max),
      discountRate: optionalNumber(discount_rate, 'discount_rate', DISCOUNT_RATE_LIMIT.fallback, DISCOUNT_RATE_LIMIT.min, DISCOUNT_RATE_LIMIT.max),
    };
    const profitShare = optionalNumber(margin, 'margin', 1, MARGIN_LIMIT.min, MARGIN_LIMIT.max);
    return elementwise(named(['x', 't_x', 'T', 'zbar'], [x, t_x, T, zbar]), ([xs, txs, Ts, zs]) => {
      const h = purchaseHistory(xs, txs, Ts);
      const meanSpend = requiredNumber(zs, 'zbar');
      if (meanSpend < 0) throw new ArgumentError('negative', { name: 'zbar', value: meanSpend });
      const patterns = groupPatterns([h.x], [h.tx], [h.T], 1);
      const purchases = forecastModel(fitted, patterns, settings).discountedPurchases[0];
      return purchases * (spend ? expectedSpend(spend, h.x, meanSpend) : meanSpend) * profitShare;
    });
  });
}

/**
 * Fits the purchase model (BG/NBD, modified BG/NBD or Pareto/NBD) and, given zbar, the Gamma-Gamma spend model by maximum likelihood, as the analysis does.
 * @customfunction FIT FIT
 * @param x Repeat purchases of each customer (one column).
 * @param t_x Time from the first to the last purchase of each customer, in one time unit (e.g. weeks).
 * @param T Time from the first purchase to the end of the period of each customer (same unit).
 * @param [zbar] Mean spend per repeat purchase of each customer, to fit the spend model too.
 * @param [model] "bgnbd" (default), "mbgnbd" (modified BG/NBD) or "paretonbd" (Pareto/NBD: params r, alpha, s, beta).
 * @returns A header row r, alpha, a, b, p, q, v and a row of fitted values, ready for RFM.PALIVE and RFM.CLV; p, q, v are #N/A with the reason when the spend model's checks fail.
 */
export function fit(x: any[][], t_x: any[][], T: any[][], zbar?: any[][], model?: string): Promise<any[][]> {
  return runHeavy('fit', [x, t_x, T, zbar, model]) as Promise<any[][]>;
}
