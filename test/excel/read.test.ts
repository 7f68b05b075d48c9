/** Reading the source through the simulator: selection, tables, grown ranges, refusals, chunking. */
import { listSourceTables, readSelection, readSource, readTable } from '../../src/excel/read';
import { HEAD_ROWS } from '../../src/excel/rowPacker';
import { renderPlan } from '../../src/excel/write';
import { createExcelSimulator, type SimulatedExcel } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { rejection, samplePlan } from './fixtures';
import { inputTable, type PackedPart } from '../../src/excel/packedTable';

const SALES = [
  ['Customer', 'Date', 'Amount', 'Note'],
  ['a', 45000, 10, 'x'],
  ['b', 45001, '#N/A', ''],
  ['=not a formula', 45002, 30.5, 'y'],
];
const FORMATS = [
  ['General', 'General', 'General', 'General'],
  ['General', 'yyyy-mm-dd', '#,##0.00', 'General'],
  ['General', 'yyyy-mm-dd', '#,##0.00', 'General'],
  ['General', 'm/d/yyyy', '#,##0.00', 'General'],
];

function salesWorkbook(options = {}): SimulatedExcel {
  const sim = createExcelSimulator(options);
  sim.addSheet('Sales', SALES, FORMATS);
  return sim;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  return (await rejection(p)).key;
}

describe('readSelection', () => {
  it('reads the selection with its header, date columns and error cells', async () => {
    const sim = salesWorkbook();
    sim.select('Sales', 'A1:D4');
    const progress: number[] = [];
    const read = await readSelection(simulatorHost(sim), { onProgress: (f) => progress.push(f) });
    expect(read.data.header).toEqual(['Customer', 'Date', 'Amount', 'Note']);
    expect(inputTable(read.data).rows).toEqual([['a', 45000, 10, 'x'], ['b', 45001, '#N/A', null], ['=not a formula', 45002, 30.5, 'y']]);
    expect(read.data.firstRowNumber).toBe(2);
    expect(read.data.dateFormattedColumns).toEqual([false, true, false, false]);
    expect(read.errorCells).toBe(1);
    expect(read.address).toBe('Sales!A1:D4');
    expect(read.source).toEqual({ kind: 'range', sheetId: sim.sheet('Sales').id, sheetName: 'Sales', headerAddress: 'A1:D1' });
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('cuts whole-column selections to the used range', async () => {
    const sim = salesWorkbook();
    sim.select('Sales', 'A:C');
    const read = await readSelection(simulatorHost(sim));
    expect(read.address).toBe('Sales!A1:C4');
    expect(read.data.rowCount).toBe(3);
  });

  it('keeps the sheet position of a block that does not start at A1', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Data');
    sim.setCells('Data', 'C5', [['id', 'amount'], ['k', 2]]);
    sim.select('Data', 'C5:D6');
    const read = await readSelection(simulatorHost(sim));
    expect(read.data.firstRowNumber).toBe(6);
    expect(read.source).toMatchObject({ headerAddress: 'C5:D5' });
  });

  it.each([
    ['an empty selection', 'F10:H20', 'excel.emptySelection'],
    ['one cell', 'B2', 'excel.oneCell'],
    ['a header only', 'A1:D1', 'excel.headerOnly'],
    ['two separate areas', 'A1:B4,D1:D4', 'excel.multipleAreas'],
  ])('refuses %s', async (_what, address, key) => {
    const sim = salesWorkbook();
    sim.select('Sales', address);
    expect(await refusal(readSelection(simulatorHost(sim)))).toBe(key);
  });

  it('refuses a selection on one of our output sheets, with its name in the message', async () => {
    const sim = salesWorkbook();
    const host = simulatorHost(sim);
    await renderPlan(host, samplePlan());
    sim.select('Customers', 'A1:D5');
    const e = await rejection(readSelection(host));
    expect(e.key).toBe('excel.ownSheet');
    expect(e.message).toContain('"Customers"');
    expect(e.messageIn('fa')).toContain('Customers');
  });
});

describe('readTable and readSource', () => {
  it('reads a named table and lists tables without our own', async () => {
    const sim = salesWorkbook();
    sim.addTable('Sales', 'A1:D4', 'SalesTable');
    const host = simulatorHost(sim);
    await renderPlan(host, samplePlan());
    expect(await listSourceTables(host)).toEqual(['SalesTable']);
    const read = await readTable(host, 'salestable');
    expect(read.source).toEqual({ kind: 'table', tableName: 'SalesTable' });
    expect(read.data.rowCount).toBe(3);
    expect(await refusal(readTable(host, 'Nope'))).toBe('excel.tableMissing');
  });

  it('re-reads a saved range down to the last used row, including pasted rows', async () => {
    const sim = salesWorkbook();
    const host = simulatorHost(sim);
    sim.select('Sales', 'A1:D4');
    const first = await readSelection(host);
    sim.setCells('Sales', 'A5', [['c', 45003, 7, 'z'], ['d', 45004, 8, '']]);
    sim.state.workbook.renameSheet(sim.sheet('Sales'), 'Sales 2025');
    const again = await readSource(host, first.source);
    expect(again.data.rowCount).toBe(5);
    expect(again.address).toBe("'Sales 2025'!A1:D6");
    sim.addSheet('Other');
    sim.state.workbook.deleteSheet(sim.sheet('Sales 2025'));
    expect(await refusal(readSource(host, first.source))).toBe('excel.sourceSheetMissing');
  });
});

describe('reading 1,048,575 transaction rows (a full sheet)', () => {
  it('keeps every response under 4 MB with syncs ~ rows / chunk size', async () => {
    const sim = createExcelSimulator();
    const sheet = sim.addSheet('Big');
    const rows = 1048576;
    sheet.values[0] = ['Customer', 'Date', 'Amount', 'Order'];
    for (let r = 1; r < rows; r++) sheet.values[r] = [`C${r % 50000}`, 40000 + (r % 3000), (r % 997) + 0.25, `O${r}`];
    sim.select('Big', 'A:D');
    const handed: PackedPart[] = [];
    const read = await readSelection(simulatorHost(sim), { onProgress: () => undefined, onPart: (part) => void handed.push(part) });
    expect(read.data.rowCount).toBe(rows - 1);
    // every part went to onPart as it was read: the read keeps none, and they hold every row in order
    expect(read.data.parts).toHaveLength(0);
    expect(handed.length).toBeGreaterThan(2);
    read.data.parts = handed;
    expect(handed.reduce((n, p) => n + p.rows, 0)).toBe(rows - 1);
    expect(read.head).toHaveLength(HEAD_ROWS);
    expect(inputTable(read.data).rows[rows - 2]).toEqual([`C${(rows - 1) % 50000}`, 40000 + ((rows - 1) % 3000), ((rows - 1) % 997) + 0.25, `O${rows - 1}`]);
    const { response, request } = sim.maxPayloadBytes();
    expect(response).toBeLessThan(4 * 1024 * 1024);
    expect(request).toBeLessThan(4 * 1024 * 1024);
    const rowBytes = JSON.stringify(['C49999', 42999, 996.25, 'O1048575']).length + 1;
    const bytes = rows * rowBytes;
    expect(sim.syncs.length).toBeGreaterThanOrEqual(Math.ceil(bytes / (4 * 1024 * 1024)));
    expect(sim.syncs.length).toBeLessThanOrEqual(Math.ceil(bytes / (1024 * 1024)) + 5);
  }, 60000);
});

describe('old hosts', () => {
  it('refuses ExcelApi 1.3 with the version it needs', async () => {
    const sim = salesWorkbook({ excelApiMinor: 3 });
    sim.select('Sales', 'A1:D4');
    const e = await rejection(readSelection(simulatorHost(sim)));
    expect(e.key).toBe('excel.needsApi');
    expect(e.message).toContain('1.4');
  });
});
