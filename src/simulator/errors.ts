/**
 * Errors thrown by the simulated Excel host, shaped like `OfficeExtension.Error`
 * (`name`, `code`, `message`, `debugInfo`).
 *
 * Codes are `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes` values:
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * and https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 * This file must stay free of Node APIs: the e2e preview page bundles the simulator for the browser.
 */

/** The error codes the simulator raises. */
export type SimErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'ApiNotFound'
  | 'NotImplemented'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath'
  | 'GeneralException'
  | 'InvalidSelection';

/** An Office.js-style error: `error.code` is what add-ins branch on. */
export class SimulatedExcelError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };

  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/**
 * Makes a simulated Office.js error.
 * @param code the Excel error code
 * @param message what went wrong
 * @param where the API member, like `Range.values`
 * @returns the error (throw it)
 */
export function simError(code: SimErrorCode, message: string, where?: string): SimulatedExcelError {
  return new SimulatedExcelError(code, message, where);
}
