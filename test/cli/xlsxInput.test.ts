import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import ExcelJS from 'exceljs';
import { readXlsxTable } from '../../src/cli/xlsxInput';
import { InputError } from '../../src/engine/types';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-xlsx-in-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a workbook with SheetJS (an independent writer) from arrays of arrays per sheet. */
function sheetJsFile(name: string, sheets: Record<string, unknown[][]>, dates = false): string {
  const wb = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: dates }), sheet);
  const file = path.join(dir, name);
  XLSX.writeFile(wb, file);
  return file;
}

describe('readXlsxTable', () => {
  test('first sheet by default: header, rows, date cells as Excel serials flagged as dates', async () => {
    // 2006-12-31 is Excel serial 39082 and 2006-01-02 is 38719, written as date-formatted numbers.
    // (Serials, not JS Dates: SheetJS converts a Date through local time, which would make the
    // fixture depend on the machine's time zone, e.g. Tehran's historical offset.)
    const sales = XLSX.utils.aoa_to_sheet([['customer', 'date', 'amount'], ['A', 39082, 12.5], ['=1+1', 38719, 3]]);
    sales.B2.z = 'yyyy-mm-dd';
    sales.B3.z = 'dd/mm/yyyy';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sales, 'Sales');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x'], [1]]), 'Other');
    const file = path.join(dir, 'dates.xlsx');
    XLSX.writeFile(wb, file);
    const table = await readXlsxTable(file);
    expect(table.header).toEqual(['customer', 'date', 'amount']);
    expect(table.firstRowNumber).toBe(2);
    expect(table.rows).toEqual([['A', 39082, 12.5], ['=1+1', 38719, 3]]);
    expect(table.dateFormattedColumns).toEqual([false, true, false]);
  });

  test('a 1904-date-system workbook gives the same serials (1900 system) as any other', async () => {
    // In the 1904 system 2006-12-31 is stored as 39082 - 1462 = 37620.
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.addRow(['customer', 'date']);
    ws.addRow(['A', 37620]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    const file = path.join(dir, 'mac1904.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await readXlsxTable(file)).rows).toEqual([['A', 39082]]);
  });

  test('shared strings, booleans and ISO date cells (t="d") from SheetJS', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['customer', 'vip', 'date'], ['A & B', true, new Date(2006, 11, 31)]], { cellDates: true }), 'S');
    const file = path.join(dir, 'sst.xlsx');
    XLSX.writeFile(wb, file, { bookSST: true, cellDates: true });
    const table = await readXlsxTable(file);
    expect(table.rows).toEqual([['A & B', true, 39082]]);
    expect(table.dateFormattedColumns).toEqual([false, false, true]);
  });

  test('a named sheet, case-insensitive; a missing sheet lists the sheets', async () => {
    const file = sheetJsFile('two.xlsx', { First: [['a'], [1]], 'Second One': [['b'], [2]] });
    expect((await readXlsxTable(file, 'second one')).rows).toEqual([[2]]);
    await expect(readXlsxTable(file, 'Third')).rejects.toThrow(new InputError('two.xlsx: no sheet named "Third"; its sheets are "First", "Second One"'));
  });

  test('header below blank rows; empty rows inside keep their row numbers; trailing blanks dropped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A3').value = 'customer';
    ws.getCell('B3').value = 'amount';
    ws.getCell('A4').value = 'x';
    ws.getCell('B4').value = 1;
    ws.getCell('A6').value = 'y';
    ws.getCell('C6').value = 2;
    ws.getCell('A8').value = '  ';
    const file = path.join(dir, 'gaps.xlsx');
    await wb.xlsx.writeFile(file);
    const table = await readXlsxTable(file);
    expect(table.header).toEqual(['customer', 'amount']);
    expect(table.firstRowNumber).toBe(4);
    expect(table.rows).toEqual([['x', 1], [], ['y', null, 2]]);
    expect(table.dateFormattedColumns).toBeUndefined();
  });

  test('formulas give their results, errors their text, rich text its text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['customer', 'amount', 'date']);
    ws.addRow([{ richText: [{ text: 'Ab' }, { text: 'c' }] }, { formula: '1+1', result: 2 }, { error: '#N/A' }]);
    ws.getCell('C3').value = { formula: 'DATE(2006,12,31)', result: 39082 };
    ws.getCell('C3').numFmt = 'yyyy-mm-dd';
    const file = path.join(dir, 'formulas.xlsx');
    await wb.xlsx.writeFile(file);
    const table = await readXlsxTable(file);
    expect(table.rows).toEqual([['Abc', 2, '#N/A'], [null, null, 39082]]);
    expect(table.dateFormattedColumns).toEqual([false, false, true]);
  });

  test('unreadable input names the file', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    await expect(readXlsxTable(bad)).rejects.toThrow(/^bad\.xlsx: not a readable \.xlsx workbook/);
    await expect(readXlsxTable(path.join(dir, 'nope.xlsx'))).rejects.toThrow('nope.xlsx: file not found');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Blank');
    const emptyFile = path.join(dir, 'empty.xlsx');
    await empty.xlsx.writeFile(emptyFile);
    await expect(readXlsxTable(emptyFile)).rejects.toThrow('empty.xlsx: sheet "Blank" is empty');
  });
});
