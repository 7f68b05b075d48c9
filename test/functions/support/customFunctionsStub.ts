/**
 * A stand-in for the `CustomFunctions` global of Excel's custom functions runtime, enough to call
 * the `=RFM.*` functions directly: `Error` with `code`/`message`, `ErrorCode`, and `associate`.
 */

/** Error codes as in @types/custom-functions-runtime. */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** The runtime's error class. */
export class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

/** What the stub recorded from `associate` calls. */
export const associations = new Map<string, unknown>();

/** Installs the stub as the global `CustomFunctions` (idempotent). */
export function installCustomFunctionsStub(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubError,
    ErrorCode,
    associate(id: string, fn: unknown): void {
      associations.set(id, fn);
    },
  };
}

/**
 * The error in a result: the result itself, or the single element of a 1×1 result.
 * @param result what a function returned
 * @returns the StubError, or undefined when the result is not an error
 */
export function errorOf(result: unknown): StubError | undefined {
  const value = Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1 ? result[0][0] : result;
  return value instanceof StubError ? value : undefined;
}
