import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
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

/**
 * A SheetJS-written workbook whose date cells hold the given ISO texts as `t="d"` cells: SheetJS
 * writes Date cells that way, then the package's sheet part is edited so each cell holds its text
 * exactly (with or without a zone or a time), whatever the machine's time zone.
 */
function isoDateCellsFile(name: string, isoTexts: string[]): string {
  const placeholder = new Date(Date.UTC(2000, 0, 1));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['date'], ...isoTexts.map(() => [placeholder])], { cellDates: true }), 'S');
  const zip = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: true }), { type: 'buffer' });
  const part = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml');
  if (!part) throw new Error('SheetJS wrote no sheet1.xml');
  let next = 0;
  const xml = Buffer.from(part.content as Uint8Array).toString('utf8');
  const edited = xml.replace(/<v>\d{4}-[^<]*<\/v>/g, () => `<v>${isoTexts[next++]}</v>`);
  if (next !== isoTexts.length) throw new Error(`expected ${isoTexts.length} date cells, found ${next}`);
  part.content = Buffer.from(edited, 'utf8');
  const file = path.join(dir, name);
  fs.writeFileSync(file, XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
  return file;
}

/**
 * A copy of a package whose parts put every element of their default namespace under the prefix
 * `x:` (`<x:worksheet xmlns:x="…"><x:sheetData><x:row>`), as the Open XML SDK writes them.
 */
function prefixedCopy(source: string, name: string): string {
  const zip = XLSX.CFB.read(fs.readFileSync(source), { type: 'buffer' });
  for (const entry of zip.FileIndex) {
    if (!/\.(xml|rels)$/.test(entry.name) || entry.name === '[Content_Types].xml') continue;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    const prefixed = xml.replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, '<$1x:$2').replace(/ xmlns="/, ' xmlns:x="');
    entry.content = Buffer.from(prefixed, 'utf8');
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
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

  test('ISO date cells (t="d") give the same serial in every time zone, with or without a zone or a time', async () => {
    // Hand-computed serials: 2006-12-31 = 39082; 2008-03-21 = 39447 (2007-12-31) + 81 = 39528 (a
    // day whose midnight Tehran skipped for daylight saving); 2006-11-05 = 39082 - 56, at 01:30 =
    // 0.0625 day (the hour New York repeats); 1930-06-01 = 10959 (1930-01-01) + 151 = 11110 (Tehran
    // on local mean time, +3:25:44). SheetJS 0.18.5 shifts these by the machine's offset.
    const file = isoDateCellsFile('iso-dates.xlsx', ['2006-12-31T00:00:00.000Z', '2006-12-31T00:00:00', '2006-12-31', '2008-03-21T00:00:00Z', '2006-11-05T01:30:00', '1930-06-01']);
    const table = await readXlsxTable(file);
    expect(table.rows).toEqual([[39082], [39082], [39082], [39528], [39026.0625], [11110]]);
    expect(table.dateFormattedColumns).toEqual([true]);
  });

  test('values written by SheetJS and by ExcelJS come back unchanged (property)', async () => {
    // No `_x` in the texts: neither writer escapes a literal `_x000D_` (Excel writes `_x005F_x000D_`),
    // so every reader, SheetJS's and ExcelJS's included, reads it back as a carriage return.
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '=', '+', '-', '@', 'é', 'ی', '،', '€', '😀', '\t', '\n'), minLength: 1, maxLength: 8 }).filter((t) => t.trim() !== '');
    const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
    const cell = fc.oneof(text, number, fc.boolean(), fc.constant(null));
    const grid = fc.array(fc.tuple(text, cell, cell), { minLength: 1, maxLength: 6 });
    const padded = (rows: unknown[][]) => rows.map((r) => [0, 1, 2].map((j) => r[j] ?? null));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), async (rows, sst) => {
        run++;
        const viaSheetJs = path.join(dir, `prop-sheetjs-${run}.xlsx`);
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['id', 'b', 'c'], ...rows]), 'S');
        XLSX.writeFile(wb, viaSheetJs, { bookSST: sst });
        const viaExcelJs = path.join(dir, `prop-exceljs-${run}.xlsx`);
        const ewb = new ExcelJS.Workbook();
        const ws = ewb.addWorksheet('S');
        ws.addRow(['id', 'b', 'c']);
        for (const row of rows) ws.addRow(row);
        await ewb.xlsx.writeFile(viaExcelJs);
        for (const file of [viaSheetJs, viaExcelJs]) {
          const table = await readXlsxTable(file);
          expect(table.header).toEqual(['id', 'b', 'c']);
          expect(padded(table.rows)).toEqual(rows);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('parts whose elements carry a namespace prefix (<x:row>, as the Open XML SDK writes) read the same', async () => {
    const sales = XLSX.utils.aoa_to_sheet([['customer', 'date', 'vip'], ['A & B', 39082, true], ['C', 38719, false]]);
    sales.B2.z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x'], [1]]), 'Notes');
    XLSX.utils.book_append_sheet(wb, sales, 'Sales');
    const plain = path.join(dir, 'plain.xlsx');
    XLSX.writeFile(wb, plain, { bookSST: true });
    const file = prefixedCopy(plain, 'prefixed.xlsx');
    expect(XLSX.CFB.find(XLSX.CFB.read(fs.readFileSync(file), { type: 'buffer' }), '/xl/worksheets/sheet2.xml')?.content.toString()).toContain('<x:row r="2">');
    const table = await readXlsxTable(file, 'sales');
    expect(table.header).toEqual(['customer', 'date', 'vip']);
    expect(table.rows).toEqual([['A & B', 39082, true], ['C', 38719, false]]);
    expect(table.dateFormattedColumns).toEqual([false, true, false]);
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
