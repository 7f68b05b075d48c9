/**
 * 1,048,575 transaction rows under a header (a full sheet) through the whole add-in flow over the
 * simulator: read in chunks, analyse, plan, write, Refresh. Every request and response stays under
 * 4 MB and the number of syncs follows rows / chunk size. Sizes are asserted, never times.
 */
import { readSelection } from '../../src/excel/read';
import { refresh, writeRun } from '../../src/excel/refresh';
import { buildWorkbookPlan } from '../../src/report/build';
import { createExcelSimulator } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { analyzeTable } from './pipeline';

const ROWS = 1048576;
const CUSTOMERS = 20000;
const FOUR_MB = 4 * 1024 * 1024;

describe('a full sheet of transactions through the add-in', () => {
  it('reads, analyses, writes and refreshes with every payload under 4 MB', async () => {
    const sim = createExcelSimulator();
    const sheet = sim.addSheet('Sales');
    sheet.values[0] = ['Customer', 'Date', 'Amount'];
    for (let r = 1; r < ROWS; r++) sheet.values[r] = [`C${(r * 7919) % CUSTOMERS}`, 43000 + (r % 1500), 5 + (r % 200)];
    sheet.formats[1] = ['General', 'yyyy-mm-dd', 'General'];
    sim.select('Sales', 'A:C');
    const host = simulatorHost(sim);

    const read = await readSelection(host);
    const readSyncs = sim.syncs.length;
    expect(read.data.rowCount).toBe(ROWS - 1);
    const analysis = analyzeTable(read.data);
    expect(analysis.customers).toHaveLength(CUSTOMERS);
    const plan = buildWorkbookPlan(analysis, { lang: 'en' });
    await writeRun(host, { plan, analysis, read, options: {}, lang: 'en', writeBack: false });
    const { request, response } = sim.maxPayloadBytes();
    expect(request).toBeLessThan(FOUR_MB);
    expect(response).toBeLessThan(FOUR_MB);
    const readBytes = JSON.stringify(read.head.slice(0, 1000)).length * (ROWS / 1000);
    expect(readSyncs).toBeGreaterThanOrEqual(Math.ceil(readBytes / FOUR_MB));
    expect(readSyncs).toBeLessThan(Math.ceil(readBytes / (512 * 1024)));

    sim.clearSyncLog();
    const result = await refresh({ host, analyze: analyzeTable });
    expect(result.customers).toBe(CUSTOMERS);
    expect(sim.maxPayloadBytes().request).toBeLessThan(FOUR_MB);
    expect(sim.maxPayloadBytes().response).toBeLessThan(FOUR_MB);
    expect(sim.values('Customers')).toHaveLength(CUSTOMERS + 1);
  }, 120000);
});
