/**
 * Excel errors for the `=RFM.*` functions.
 *
 * Functions never throw: they return an error value, either as the whole result (a 1×1 matrix, so
 * the metadata can keep a plain `any[][]` result type) or as one element of a spilled result.
 * In Excel the `CustomFunctions` global exists at call time; in Node (CLI, bench) it does not, so
 * a plain object with the same `code` and `message` stands in.
 */
import { messageIn, t, type Lang } from '../i18n';
import { InputError } from '../engine';

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

/** Values that fill a message's {placeholders}. */
export type MessageParams = Record<string, string | number>;

/**
 * The language of the messages: Persian when Office's display language is Persian, else English.
 * (The functions cannot read the pane's saved choice synchronously; Office's language is the host's.)
 * @returns 'fa' or 'en'
 */
export function messageLang(): Lang {
  const office = (globalThis as unknown as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const language = office?.context?.displayLanguage;
  return typeof language === 'string' && language.toLowerCase().startsWith('fa') ? 'fa' : 'en';
}

/**
 * A message of the functions' string table (`fn.*` in src/i18n) in the message language.
 * @param key the key without its `fn.` prefix, e.g. `notWhole`
 * @param params placeholder values, e.g. { name: 'bins', min: 2, max: 10, value: 2.5 }
 * @returns the text
 */
export function message(key: string, params?: MessageParams): string {
  return t(messageLang(), `fn.${key}`, params);
}

/**
 * A message with a position after it, e.g. `x: is blank (row 3)`.
 * @param text the message
 * @param where the position text, or '' for none
 * @returns the combined text
 */
export function withWhere(text: string, where: string): string {
  return where === '' ? text : message('withWhere', { message: text, where });
}

/** An argument problem: carried by exceptions inside the functions, turned into #VALUE!. */
export class ArgumentError extends Error {
  /**
   * @param key message key (see `message`), the message naming the argument
   * @param params placeholder values
   * @param where optional position, e.g. `row 3`, appended in parentheses
   */
  constructor(key: string, params?: MessageParams, where = '') {
    super(withWhere(message(key, params), where));
    this.name = 'ArgumentError';
  }
}

/** "There is no data" (e.g. an empty range): carried by exceptions, turned into #N/A. */
export class NoDataError extends Error {
  /**
   * @param key message key (see `message`)
   * @param params placeholder values
   * @param where optional position, e.g. `row 3`, appended in parentheses
   */
  constructor(key: string, params?: MessageParams, where = '') {
    super(withWhere(message(key, params), where));
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
 * @returns #N/A for NoDataError, #VALUE! otherwise (the engine's InputError in the message language)
 */
export function errorFromException(caught: unknown, functionName: string, where = ''): ExcelError {
  if (caught instanceof NoDataError) return excelError('#N/A', withWhere(caught.message, where));
  if (caught instanceof ArgumentError) return excelError('#VALUE!', withWhere(caught.message, where));
  if (caught instanceof InputError) return excelError('#VALUE!', withWhere(messageIn(caught, messageLang()), where));
  const detail = caught instanceof Error ? caught.message : String(caught);
  return excelError('#VALUE!', withWhere(message('unexpected', { function: functionName, detail }), where));
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
