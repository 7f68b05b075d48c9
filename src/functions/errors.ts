/**
 * Excel errors for the `=RFM.*` functions.
 *
 * Functions never throw: they return an error value, either as the whole result (a 1×1 matrix, so
 * the metadata can keep a plain `any[][]` result type) or as one element of a spilled result.
 * In Excel the `CustomFunctions` global exists at call time; in Node (CLI, bench) it does not, so
 * a plain object with the same `code` and `message` stands in.
 */

/** The Excel error codes these functions use (values as in `CustomFunctions.ErrorCode`). */
export type ExcelErrorCode = '#VALUE!' | '#N/A';

/** What an error value looks like to callers and tests. */
export interface ExcelError {
  code: string;
  message?: string;
}

/**
 * The part of the `CustomFunctions` global used here, typed structurally so that this file also
 * compiles for Node (tsconfig.cli.json has no custom-functions-runtime types).
 */
interface ErrorRuntime {
  Error: new (code: never, message?: string) => ExcelError;
  ErrorCode: { invalidValue: never; notAvailable: never };
}

/** An argument problem: carried by exceptions inside the functions, turned into #VALUE!. */
export class ArgumentError extends Error {
  /** @param message a message that names the argument, e.g. `bins: must be a whole number from 2 to 10` */
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** "There is no data" (e.g. an empty range): carried by exceptions, turned into #N/A. */
export class NoDataError extends Error {
  /** @param message what is missing, e.g. `values: no numbers in the range` */
  constructor(message: string) {
    super(message);
    this.name = 'NoDataError';
  }
}

/**
 * Makes an Excel error value.
 * @param code '#VALUE!' or '#N/A'
 * @param message shown when the user hovers the cell
 * @returns a `CustomFunctions.Error` in Excel, an `{ code, message }` object elsewhere
 */
export function excelError(code: ExcelErrorCode, message: string): ExcelError {
  const runtime = (globalThis as unknown as { CustomFunctions?: ErrorRuntime }).CustomFunctions;
  if (runtime?.Error) {
    const errorCode = code === '#N/A' ? runtime.ErrorCode.notAvailable : runtime.ErrorCode.invalidValue;
    return new runtime.Error(errorCode, message);
  }
  return { code, message };
}

/**
 * Turns anything caught inside a function into an Excel error value.
 * @param caught the exception
 * @param functionName e.g. `RFM.SCORE`, prefixed to messages of unexpected errors
 * @param where optional position appended in parentheses, e.g. `row 3`
 * @returns #N/A for NoDataError, #VALUE! otherwise
 */
export function errorFromException(caught: unknown, functionName: string, where = ''): ExcelError {
  const suffix = where === '' ? '' : ` (${where})`;
  if (caught instanceof NoDataError) return excelError('#N/A', caught.message + suffix);
  if (caught instanceof ArgumentError) return excelError('#VALUE!', caught.message + suffix);
  const detail = caught instanceof Error ? caught.message : String(caught);
  return excelError('#VALUE!', `${functionName}: ${detail}${suffix}`);
}

/**
 * Runs a function body so that it never throws: exceptions become a 1×1 error result.
 * @param functionName e.g. `RFM.SCORE`
 * @param body the function's work
 * @returns the body's result, or `[[error]]`
 */
export function guarded(functionName: string, body: () => unknown[][]): unknown[][] {
  try {
    return body();
  } catch (caught) {
    return [[errorFromException(caught, functionName)]];
  }
}
