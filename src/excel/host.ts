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

/** The parts of the `Excel` and `Office` globals a host uses. */
export interface OfficeGlobals {
  excel: { run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
}

/**
 * The host over given `Excel` and `Office` objects (office.js's, or the simulator's).
 * Every batch runs with `delayForCellEdit: true`: without it, "if the user is in cell edit when the
 * batch request is processed by the host, the batch automatically fails"; with it the batch waits until
 * the user leaves the cell (https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member,
 * "Handle errors": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 */
export function hostFrom(globals: OfficeGlobals): ExcelHost {
  return {
    run: (batch) => globals.excel.run({ delayForCellEdit: true }, batch),
    isSetSupported: (name, version) => {
      try {
        return globals.office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/**
 * The real host, from the `Excel` and `Office` globals that office.js defines.
 * @returns a host for the running add-in
 */
export function officeHost(): ExcelHost {
  return hostFrom({ excel: Excel as unknown as OfficeGlobals['excel'], office: Office as unknown as OfficeGlobals['office'] });
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
