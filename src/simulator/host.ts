/**
 * The simulator as the add-in's ExcelHost (browser-safe: used by unit tests and the e2e preview page).
 */
import { type ExcelHost, type OfficeGlobals, hostFrom } from '../excel/host';
import type { SimulatedExcel } from './index';

/**
 * Wraps a simulator so src/excel can run against it, through the same `hostFrom` as the add-in.
 * @param sim the simulated Excel
 * @returns an ExcelHost whose `run` is the simulator's `Excel.run`
 */
export function simulatorHost(sim: SimulatedExcel): ExcelHost {
  // the add-in's own host code over the simulator's globals (so options such as delayForCellEdit are the add-in's)
  return hostFrom({ excel: sim.Excel as unknown as OfficeGlobals['excel'], office: sim.Office as unknown as OfficeGlobals['office'] });
}
