/**
 * The R package's sample orders through the simulator: the Customers sheet holds exactly the plan's
 * values (same strings, same numbers) and the package's documented figures, every sync stays under
 * 4 MB, and Refresh gives the same sheet.
 */
import * as fs from 'fs';
import { readSelection } from '../../src/excel/read';
import { refresh, writeRun } from '../../src/excel/refresh';
import { buildWorkbookPlan } from '../../src/report/build';
import { createExcelSimulator } from '../../src/simulator';
import { requireSharedData } from '../support/sharedData';
import { columnName } from '../../src/excel/a1';
import { simulatorHost } from '../../src/simulator/host';
import { analyzeTable } from './pipeline';
import { ABBEY, RFM_ORDERS } from '../support/rfmPackage';

describe('rfm_data_orders.csv through the simulator', () => {
  it('writes the Customers table cell for cell as planned, and Refresh reproduces it', async () => {
    const lines = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/);
    const rows = lines.map((line) => line.split(','));
    const header = rows[0].slice(0, 3);
    const data = rows.slice(1).map((r) => [r[0], r[1], Number(r[2])]);
    const sim = createExcelSimulator();
    sim.addSheet('Orders', [header, ...data]);
    sim.select('Orders', 'A:C');
    const host = simulatorHost(sim);
    const read = await readSelection(host);
    expect(read.data.rowCount).toBe(RFM_ORDERS.orders);
    const analysis = analyzeTable(read.data);
    const plan = buildWorkbookPlan(analysis, { lang: 'en' });
    const run = await writeRun(host, { plan, analysis, read, options: {}, lang: 'en', writeBack: false });
    const sheetPlan = plan.sheets.find((s) => s.key === 'customers')!;
    const table = sheetPlan.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no customers table');
    const name = run.render.sheets.find((s) => s.key === 'customers')!.name;
    const expected = [table.header, ...table.rows].map((r) => r.map((v) => (v === null ? '' : v)));
    const address = `A1:${columnName(table.header.length - 1)}${table.rows.length + 1}`;
    const written = sim.values(name, address);
    expect(written).toEqual(expected);
    // Independent anchors (the R package's documentation): 995 customers; Abbey O'Reilly 205 days, 6 orders, 472 -> RFM 343.
    expect(written).toHaveLength(RFM_ORDERS.customers + 1);
    const abbey = written.find((r) => r[0] === ABBEY[0]);
    expect([abbey?.[4], abbey?.[5], abbey?.[6], abbey?.[11]]).toEqual(ABBEY.slice(1));
    expect(sim.maxPayloadBytes().request).toBeLessThan(4 * 1024 * 1024);
    await refresh({ host, analyze: analyzeTable });
    expect(sim.values(name, address)).toEqual(expected);
  });
});
