/**
 * The preview's "Open a CSV or .xlsx": the visitor's file read in the browser's way (TextDecoder,
 * DecompressionStream, both in Node too) gives the same table as the CLI reads from the same bytes.
 * Workbooks are written here by ExcelJS (an independent writer) with known dates.
 */
import ExcelJS from 'exceljs';
import { readXlsxTable } from '../../src/cli/xlsxInput';
import { InputError } from '../../src/engine/types';
import { decodeFileText, readVisitorFile, tableCells } from '../../src/preview/openFile';

/** Excel serial of 2024-01-01 (45292: 1900-01-00 + 124 years of days incl. the 1900 bug day). */
const JAN_1_2024 = 45292;

async function workbookBytes(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  for (const row of rows) ws.addRow(row);
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readVisitorFile', () => {
  test('a CSV: header and text cells as the file has them', async () => {
    const bytes = new TextEncoder().encode('\ufeffcustomer,date,amount\nA,2024-01-05,"1,250.50"\nB,=1+1,7\n');
    const table = await readVisitorFile('sales.csv', bytes);
    expect(table.header).toEqual(['customer', 'date', 'amount']);
    expect(table.rows).toEqual([['A', '2024-01-05', '1,250.50'], ['B', '=1+1', '7']]);
  });

  test('an .xlsx: the same table as the CLI reads, dates as serials in a date column', async () => {
    const bytes = await workbookBytes([
      ['مشتری', 'تاریخ', 'مبلغ'],
      ['a', new Date(Date.UTC(2024, 0, 5)), 2_527_200_000],
      ['b', new Date(Date.UTC(2024, 0, 1)), 12.5],
    ]);
    const table = await readVisitorFile('sales.xlsx', bytes);
    expect(table.header).toEqual(['مشتری', 'تاریخ', 'مبلغ']);
    expect(table.rows).toEqual([['a', JAN_1_2024 + 4, 2_527_200_000], ['b', JAN_1_2024, 12.5]]);
    expect(table.dateFormattedColumns).toEqual([false, true, false]);
    expect(table).toEqual(await readXlsxTable('sales.xlsx', undefined, Buffer.from(bytes)));
  });

  test('a damaged workbook: one message naming the file', async () => {
    const bytes = await workbookBytes([['c', 'd', 'a'], ['x', 1, 2]]);
    const damaged = bytes.slice(0, bytes.length - 30);
    const error = await readVisitorFile('broken.xlsx', damaged).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^broken\.xlsx: not a readable \.xlsx workbook/);
  });
});

describe('decodeFileText', () => {
  test('UTF-16 by its mark, Windows-1252 when not UTF-8, binary and empty refused', () => {
    expect(decodeFileText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]), 'x.csv')).toBe('a,');
    expect(decodeFileText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'x.csv')).toBe('Café');
    expect(() => decodeFileText(new Uint8Array([0x50, 0x00, 0x01]), 'x.bin')).toThrow('x.bin is not a text file');
    expect(() => decodeFileText(new TextEncoder().encode(' \n'), 'x.csv')).toThrow('x.csv is empty');
  });
});

describe('tableCells', () => {
  test('header first; numbers of date columns get a date format; empty cells empty', () => {
    const cells = tableCells({ header: ['c', 'd'], rows: [['a', 45296], ['b', 'later', 3]], dateFormattedColumns: [false, true] });
    expect(cells.values).toEqual([['c', 'd', ''], ['a', 45296, ''], ['b', 'later', 3]]);
    expect(cells.formats).toEqual([['General', 'General', 'General'], ['General', 'yyyy-mm-dd', 'General'], ['General', 'General', 'General']]);
  });
});
