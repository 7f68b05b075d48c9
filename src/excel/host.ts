/**
 * The one door to Excel: `run` (Excel.run) and requirement-set checks. Everything in src/excel takes
 * an ExcelHost, so tests pass the simulator and the add-in passes `officeHost()`.
 */

import { ExcelInputError } from './errors';

/**
 * The ExcelApi minor version src/excel needs: 1.4 brings workbook settings (where the add-in keeps
 * its settings and the list of its sheets) and the *OrNullObject lookups.
 */
export const BASE_EXCEL_API_MINOR = 4;

/** What src/excel needs from Office.js. */
export interface ExcelHost {
  /** `Excel.run`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported(name, version)`. */
  isSetSupported(name: string, version: string): boolean;
}

/**
 * The real host, from the `Excel` and `Office` globals that office.js defines.
 * @returns a host for the running add-in
 */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/**
 * True when the host implements ExcelApi 1.`minor`.
 * @param host the host
 * @param minor the minor version, e.g. 8 for ExcelApi 1.8
 */
export function supportsExcelApi(host: ExcelHost, minor: number): boolean {
  return host.isSetSupported('ExcelApi', `1.${minor}`);
}

/**
 * Refuses clearly on hosts older than ExcelApi 1.4.
 * @throws ExcelInputError `excel.needsApi`
 */
export function assertBaseApi(host: ExcelHost): void {
  if (!supportsExcelApi(host, BASE_EXCEL_API_MINOR)) throw new ExcelInputError('excel.needsApi', { version: `1.${BASE_EXCEL_API_MINOR}` });
}
