/**
 * The `=RFM.*` custom functions (namespace RFM, set in the manifest). Each one checks its
 * arguments and shapes, then calls the engine: no scoring logic lives here.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to make functions.json and appends the
 * `CustomFunctions.associate` calls at build time, so this file never touches the
 * `CustomFunctions` global when it is imported (it also runs in Node for the tests and the bench).
 *
 * Result types are `any[][]` (a matrix that spills); a whole-call error is a 1×1 matrix holding a
 * `CustomFunctions.Error`, an error of one position sits at that position. Nothing here throws.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][] */
import { quantileCuts, scoreAgainstCuts } from '../engine/scores';
import { elementwise, optionalBoolean, optionalWhole, rangeNumbers, requiredNumber } from './args';
import { ArgumentError } from './errors';
import { guarded } from './errors';

/** Default and limits of the bins arguments (the engine's defaults). */
const DEFAULT_BINS = 5;
const MIN_BINS = 2;
const MAX_BINS = 10;

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
    const sorted = Float64Array.from(rangeNumbers(values, 'values')).sort();
    const cuts = quantileCuts(sorted, binCount);
    const one = new Float64Array(1);
    return elementwise([{ name: 'value', value }], ([cell]) => {
      one[0] = requiredNumber(cell, 'value');
      return scoreAgainstCuts(one, cuts, reversed)[0];
    });
  });
}

/**
 * RFM code 100·R + 10·F + M from the three scores; ranges are combined position by position.
 * @customfunction CODE CODE
 * @param r Recency score (1 to 10), or a range of them.
 * @param f Frequency score (1 to 10), or a range of them.
 * @param m Monetary score (1 to 10), or a range of them.
 * @returns The RFM code of each position.
 */
export function code(r: any[][], f: any[][], m: any[][]): any[][] {
  return guarded('RFM.CODE', () =>
    elementwise(scoreInputs(r, f, m), ([rs, fs, ms]) => 100 * wholeScore(rs, 'r') + 10 * wholeScore(fs, 'f') + wholeScore(ms, 'm')),
  );
}

/** The three score arguments of CODE and SEGMENT, named for messages. */
function scoreInputs(r: unknown, f: unknown, m: unknown): { name: string; value: unknown }[] {
  return [
    { name: 'r', value: r },
    { name: 'f', value: f },
    { name: 'm', value: m },
  ];
}

/**
 * Reads one score.
 * @param cell the cell
 * @param name r, f or m
 * @returns the score
 * @throws ArgumentError unless it is a whole number from 1 to 10
 */
function wholeScore(cell: unknown, name: string): number {
  const value = requiredNumber(cell, name);
  if (!Number.isInteger(value) || value < 1 || value > MAX_BINS) {
    throw new ArgumentError(`${name}: a score must be a whole number from 1 to ${MAX_BINS} (got ${value})`);
  }
  return value;
}
