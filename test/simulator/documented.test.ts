/** Issue 12: the documented Excel behaviour the simulator learnt (each rule cites its page in src/simulator). */
import { createExcelSimulator } from '../../src/simulator';
import { codeOf } from '../support/errors';

describe('simulator: save and reopen', () => {
  it('gives every worksheet and table a new id; names, settings and cells stay', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A', [['k', 'v'], ['x', 1]]);
    sim.addTable('A', 'A1:B2', 'T');
    sim.addName('Mark', 'A!B2');
    await sim.Excel.run(async (ctx) => void ctx.workbook.settings.add('s', { id: sim.sheet('A').id }));
    const sheetId = sim.sheet('A').id;
    const tableId = sim.state.workbook.tables[0].id;
    sim.saveAndReopen();
    expect(sim.sheet('A').id).not.toBe(sheetId);
    expect(sim.state.workbook.tables[0].id).not.toBe(tableId);
    expect(sim.settings()).toEqual({ s: { id: sheetId } });
    expect(sim.names()).toEqual([{ name: 'Mark', refersTo: 'A!B2', visible: true }]);
    expect(await codeOf(sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheetId).load('name');
      await ctx.sync();
    }))).toBe('ItemNotFound');
  });
});

describe('simulator: cell edit mode', () => {
  it('fails a batch with InvalidOperation while the user edits a cell, unless delayForCellEdit', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A');
    sim.startCellEdit();
    expect(await codeOf(sim.Excel.run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[1]])))).toBe('InvalidOperation');
    const delayed = sim.Excel.run({ delayForCellEdit: true }, async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[2]]));
    await Promise.resolve();
    expect(sim.values('A', 'A1')).toEqual([['']]);
    sim.endCellEdit();
    await delayed;
    expect(sim.values('A', 'A1')).toEqual([[2]]);
  });
});

describe('simulator: one name space', () => {
  it('refuses a defined name equal to a table name, and a table name equal to a defined name', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A', [['k'], [1]]);
    sim.addTable('A', 'A1:A2', 'Sales');
    expect(await codeOf(sim.Excel.run(async (ctx) => void ctx.workbook.names.add('sales', ctx.workbook.worksheets.getItem('A').getRange('C1'))))).toBe('ItemAlreadyExists');
    sim.addName('Rates', 'A!C1');
    expect(await codeOf(sim.Excel.run(async (ctx) => { ctx.workbook.tables.getItem('Sales').name = 'RATES'; }))).toBe('ItemAlreadyExists');
  });
});

describe('simulator: references', () => {
  it('turns references to a deleted sheet or table into #REF! for good, and follows renames', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Data', [['Seg'], ['a'], ['b'], ['a']]);
    sim.addTable('Data', 'A1:A4', 'T');
    sim.addSheet('Other', [[5]]);
    sim.addSheet('Mine');
    sim.typeCells('Mine', 'A1', [['=COUNTIFS(T[Seg],"a")', '=Other!A1', '=SUM(Other!A1:A1)']]);
    expect(sim.values('Mine', 'A1:C1')).toEqual([[2, 5, 5]]);
    await sim.Excel.run(async (ctx) => { ctx.workbook.worksheets.getItem('Other').name = 'Renamed'; });
    expect(sim.formulas('Mine', 'B1')).toEqual([['=Renamed!A1']]);
    await sim.Excel.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Data').getRange('A3').values = [['a']]));
    expect(sim.values('Mine', 'A1')).toEqual([[3]]);
    await sim.Excel.run(async (ctx) => void ctx.workbook.worksheets.getItem('Data').delete());
    expect(sim.values('Mine', 'A1')).toEqual([['#REF!']]);
    expect(sim.formulas('Mine', 'A1')).toEqual([['=COUNTIFS(#REF!,"a")']]);
    sim.addSheet('Data', [['Seg'], ['a']]);
    sim.addTable('Data', 'A1:A2', 'T');
    await sim.Excel.run(async (ctx) => ctx.sync());
    expect(sim.values('Mine', 'A1')).toEqual([['#REF!']]);
  });
});

describe('simulator: tables grow beside written values', () => {
  it('grows a table when values are written in the column right of it or the row below', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A', [['k', 'v'], ['x', 1]]);
    sim.addTable('A', 'A1:B2', 'T');
    await sim.Excel.run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('C1:C2').values = [['new'], [2]]));
    expect(sim.tables()[0].address).toBe('A!A1:C2');
    await sim.Excel.run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A3:C3').values = [['y', 3, 4]]));
    expect(sim.tables()[0].address).toBe('A!A1:C3');
    await sim.Excel.run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('E1').values = [['apart']]));
    expect(sim.tables()[0].address).toBe('A!A1:C3');
  });

  it('resizes a table in place (ExcelApi 1.13) and refuses a new header row', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A', [['k', 'v'], ['x', 1], ['y', 2]]);
    sim.addTable('A', 'A1:B3', 'T');
    await sim.Excel.run(async (ctx) => void ctx.workbook.tables.getItem('T').resize('A1:B2'));
    expect(sim.tables()[0]).toMatchObject({ name: 'T', address: 'A!A1:B2' });
    expect(await codeOf(sim.Excel.run(async (ctx) => void ctx.workbook.tables.getItem('T').resize('A2:B3')))).toBe('InvalidArgument');
    const old = createExcelSimulator({ excelApiMinor: 12 });
    old.addSheet('A', [['k'], [1]]);
    old.addTable('A', 'A1:A2', 'T');
    expect(await codeOf(old.Excel.run(async (ctx) => void ctx.workbook.tables.getItem('T').resize('A1:A3')))).toBe('ApiNotFound');
  });
});

describe('simulator: tables.add with a sheet-less address', () => {
  it('uses the active sheet, even on another worksheet\'s collection', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Active', [['a'], [1]]);
    sim.addSheet('Other', [['b'], [2]]);
    await sim.Excel.run(async (ctx) => void ctx.workbook.worksheets.getItem('Other').tables.add('A1:A2', true));
    expect(sim.tables()[0].sheet).toBe('Active');
  });
});
