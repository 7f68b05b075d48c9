/**
 * Issue 12: Refresh keeps the user's work (formulas, charts and PivotTables on our output), the output
 * survives save-and-reopen (new worksheet ids), and the never-half-written promise still holds.
 * Expected figures are counted in the test from the raw rows or read from the cells the user's
 * formula points at, never taken from the code under test.
 */
import { readSelection, readTable } from '../../src/excel/read';
import { refresh, writeRun } from '../../src/excel/refresh';
import { buildWorkbookPlan } from '../../src/report/build';
import type { ExcelHost } from '../../src/excel/host';
import type { ReadResult } from '../../src/excel/read';
import { createExcelSimulator, type SimulatedExcel } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { analyzeTable } from './pipeline';

const HEADER = ['Customer', 'Order date', 'Amount'];
const ROWS: (string | number)[][] = [
  ['alice', 45000, 100], ['alice', 45010, 50], ['bob', 45005, 20], ['carol', 45001, 300], ['carol', 45015, 10],
  ['carol', 45030, 40], ['dave', 44990, 5], ['erin', 45025, 60], ['frank', 45002, 80],
];
const FORMATS = [HEADER.map(() => 'General'), ...ROWS.map(() => ['General', 'yyyy-mm-dd', '0.00'])];
const NEW_ROWS: (string | number)[][] = [['gina', 45040, 90], ['gina', 45041, 10], ['hank', 45042, 5]];

function workbook(): { sim: SimulatedExcel; host: ExcelHost } {
  const sim = createExcelSimulator();
  sim.addSheet('Sales', [HEADER, ...ROWS], FORMATS);
  sim.select('Sales', `A1:C${ROWS.length + 1}`);
  return { sim, host: simulatorHost(sim) };
}

async function analyzeRead(host: ExcelHost, read: ReadResult, writeBack: boolean) {
  const analysis = analyzeTable(read.data);
  const plan = buildWorkbookPlan(analysis, { lang: 'en' });
  return writeRun(host, { plan, analysis, read, options: {}, lang: 'en', writeBack });
}

const deps = (host: ExcelHost) => ({ host, analyze: analyzeTable });

/** Distinct customer ids of the raw rows (the test's own count). */
const customerCount = (rows: (string | number)[][]) => new Set(rows.map((r) => r[0])).size;

/** The Customers table's column, read from the cells. */
function column(sim: SimulatedExcel, header: string): unknown[] {
  const [head, ...rows] = sim.values('Customers');
  return rows.map((r) => r[head.indexOf(header)]);
}

describe('Refresh keeps formulas, charts and PivotTables built on our output', () => {
  it('a COUNTIFS on Customers[Segment], a chart on Summary and a PivotTable on Customers show the new figures, with no #REF!', async () => {
    const { sim, host } = workbook();
    await analyzeRead(host, await readSelection(host), false);
    sim.addSheet('Mine');
    sim.typeCells('Mine', 'A1', [['=COUNTIFS(Customers[Segment],"Champions")', '=COUNTIFS(Customers[Customer],"gina")', '=Summary!B5']]);
    sim.addChart('Mine', 'Summary!A4:B8');
    sim.addPivot('Mine', 'Customers', 'D1');
    const champions = () => column(sim, 'Segment').filter((s) => s === 'Champions').length;
    expect(sim.values('Mine', 'A1:C1')).toEqual([[champions(), 0, sim.values('Summary', 'B5')[0][0]]]);
    expect(sim.pivots('Mine')[0]).toMatchObject({ source: 'Customers', shownRows: customerCount(ROWS) });

    sim.setCells('Sales', `A${ROWS.length + 2}`, NEW_ROWS, NEW_ROWS.map(() => ['General', 'yyyy-mm-dd', '0.00']));
    await refresh(deps(host));

    expect(sim.formulas('Mine', 'A1:C1')).toEqual([['=COUNTIFS(Customers[Segment],"Champions")', '=COUNTIFS(Customers[Customer],"gina")', '=Summary!B5']]);
    expect(column(sim, 'Customer')).toHaveLength(customerCount([...ROWS, ...NEW_ROWS]));
    expect(sim.values('Mine', 'A1:C1')).toEqual([[champions(), 1, sim.values('Summary', 'B5')[0][0]]]);
    expect(sim.values('Mine', 'A1:C1').flat()).not.toContain('#REF!');
    expect(sim.charts('Mine')).toEqual([{ name: 'Chart 1', source: 'Summary!A4:B8', values: sim.values('Summary', 'A4:B8') }]);
    expect(sim.pivots('Mine')).toEqual([{ name: 'UserPivot', source: 'Customers', sourceRows: customerCount([...ROWS, ...NEW_ROWS]), shownRows: customerCount([...ROWS, ...NEW_ROWS]) }]);
    expect(sim.sheetNames()).toEqual(['Sales', 'Summary', 'Customers', 'Matrix', 'Segment rules', 'Mine'].filter((n) => sim.sheetNames().includes(n)));
    expect(sim.tables().map((t) => t.name)).toContain('Customers');
  });

  it('a Refresh that fails while staging leaves the old output and the user formulas as they were', async () => {
    const { sim, host } = workbook();
    await analyzeRead(host, await readSelection(host), false);
    sim.addSheet('Mine');
    sim.typeCells('Mine', 'A1', [['=COUNTIFS(Customers[Customer],"alice")']]);
    const customers = sim.values('Customers');
    const names = sim.sheetNames();
    sim.setCells('Sales', `A${ROWS.length + 2}`, NEW_ROWS);
    sim.failNext('Range.numberFormat.set');
    await expect(refresh(deps(host))).rejects.toMatchObject({ key: 'excel.writeFailed' });
    expect(sim.sheetNames()).toEqual(names);
    expect(sim.values('Customers')).toEqual(customers);
    expect(sim.values('Mine', 'A1')).toEqual([[1]]);
    await refresh(deps(host));
    expect(sim.values('Mine', 'A1')).toEqual([[1]]);
    expect(sim.formulas('Mine', 'A1')).toEqual([['=COUNTIFS(Customers[Customer],"alice")']]);
  });
});

describe('Analyze, save, reopen, Refresh', () => {
  it('finds its sheets, rules, source and write-back columns again although every worksheet id changed', async () => {
    const { sim, host } = workbook();
    await analyzeRead(host, await readSelection(host), true);
    const names = sim.sheetNames();
    const idsBefore = names.map((n) => sim.sheet(n).id);
    sim.saveAndReopen();
    expect(names.map((n) => sim.sheet(n).id).some((id, i) => id === idsBefore[i])).toBe(false);
    sim.setCells('Sales', `A${ROWS.length + 2}`, NEW_ROWS);
    const seenRules: unknown[][][] = [];
    const result = await refresh({
      ...deps(host),
      parseRules: (values) => {
        seenRules.push(values);
        return [{ name: 'Everyone', recency: [1, 5], frequency: [1, 5], monetary: [1, 5], actionEn: 'Thank them', actionFa: 'سپاس' }];
      },
    });
    expect(sim.sheetNames()).toEqual(names);
    expect(result.customers).toBe(customerCount([...ROWS, ...NEW_ROWS]));
    expect(seenRules).toHaveLength(1);
    expect(new Set(column(sim, 'Segment'))).toEqual(new Set(['Everyone']));
    const sales = sim.values('Sales');
    expect(sales[0]).toEqual([...HEADER, 'RFM segment', 'RFM code']);
    expect(sales.every((r) => r.length === HEADER.length + 2)).toBe(true);
    expect(sales.slice(1).map((r) => r[3])).toEqual(sales.slice(1).map(() => 'Everyone'));
  });

  it('a user sheet named like ours after reopening is never taken for ours', async () => {
    const { sim, host } = workbook();
    await analyzeRead(host, await readSelection(host), false);
    sim.state.workbook.renameSheet(sim.sheet('Summary'), 'Old summary');
    sim.saveAndReopen();
    sim.addSheet('Summary', [['my own']]);
    await refresh(deps(host));
    expect(sim.values('Summary')).toEqual([['my own']]);
    expect(sim.sheetNames()).toContain('Old summary');
    expect(sim.sheetNames().filter((n) => n.startsWith('Summary'))).toEqual(['Summary']);
  });
});

describe('one name space for tables, defined names and PivotTables', () => {
  it('a defined name "Customers" gives our table another name instead of failing', async () => {
    const { sim, host } = workbook();
    sim.addName('Customers', 'Sales!A1');
    const run = await analyzeRead(host, await readSelection(host), false);
    expect(run.render.tables.Customers).toBe('Customers_2');
    expect(sim.tables().map((t) => t.name)).toContain('Customers_2');
    expect(sim.names().find((n) => n.name === 'Customers')).toEqual({ name: 'Customers', refersTo: 'Sales!A1', visible: true });
  });
});

describe('write-back beside an Excel table', () => {
  it('leaves the table its own size, so Refresh neither reads our columns nor adds two more', async () => {
    const { sim, host } = workbook();
    sim.addTable('Sales', `A1:C${ROWS.length + 1}`, 'SalesTable');
    await analyzeRead(host, await readTable(host, 'SalesTable'), true);
    expect(sim.tables().find((t) => t.name === 'SalesTable')?.address).toBe(`Sales!A1:C${ROWS.length + 1}`);
    await refresh(deps(host));
    await refresh(deps(host));
    expect(sim.tables().find((t) => t.name === 'SalesTable')?.address).toBe(`Sales!A1:C${ROWS.length + 1}`);
    expect(sim.values('Sales')[0]).toEqual([...HEADER, 'RFM segment', 'RFM code']);
  });
});

describe('cell edit mode', () => {
  it('waits while the user edits a cell instead of failing, then writes everything', async () => {
    const { sim, host } = workbook();
    const read = await readSelection(host);
    sim.startCellEdit();
    let finished = false;
    const run = analyzeRead(host, read, true).then((r) => {
      finished = true;
      return r;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(finished).toBe(false);
    expect(sim.sheetNames()).toEqual(['Sales']);
    sim.endCellEdit();
    await run;
    expect(sim.sheetNames()).toEqual(['Sales', 'Summary', 'Customers', 'Matrix', 'Segment rules'].filter((n) => sim.sheetNames().includes(n)));
    expect(sim.sheetNames().length).toBeGreaterThan(2);
    expect(sim.sheetNames().some((n) => n.startsWith('rfm-new'))).toBe(false);
  });
});

describe('one workbook change at a time', () => {
  it('a Refresh started while another runs waits until that one has finished', async () => {
    const { sim, host } = workbook();
    await analyzeRead(host, await readSelection(host), false);
    const events: string[] = [];
    const a = refresh({ ...deps(host), onProgress: () => events.push('a') }).then(() => events.push('a done'));
    const b = refresh({ ...deps(host), onProgress: () => events.push('b') }).then(() => events.push('b done'));
    await Promise.all([a, b]);
    expect(events.indexOf('a done')).toBeLessThan(events.indexOf('b'));
    expect(sim.sheetNames().some((n) => n.startsWith('rfm-new') || n.includes('(2)'))).toBe(false);
  });
});

describe('reading more than Excel sends at once', () => {
  it('turns a response over the payload limit into the too-large message', async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 3000 });
    sim.addSheet('Sales', [HEADER, ...Array.from({ length: 200 }, (_, i) => [`customer-${i}`, 45000 + i, i])]);
    sim.select('Sales', 'A1:C201');
    await expect(readSelection(simulatorHost(sim))).rejects.toMatchObject({ key: 'excel.tooLargeRead' });
  });
});
