/**
 * The simulator as the add-in's ExcelHost (browser-safe: used by unit tests and the e2e preview page).
 */
import type { ExcelHost } from '../excel/host';
import type { SimulatedExcel } from './index';

/**
 * Wraps a simulator so src/excel can run against it.
 * @param sim the simulated Excel
 * @returns an ExcelHost whose `run` is the simulator's `Excel.run`
 */
export function simulatorHost(sim: SimulatedExcel): ExcelHost {
  return {
    run: (batch) => sim.Excel.run((context) => batch(context as unknown as Excel.RequestContext)),
    isSetSupported: (name, version) => sim.Office.context.requirements.isSetSupported(name, version),
  };
}
