/**
 * Hostile .xlsx input (issue 11): each package ends promptly with one InputError naming the file
 * and the part, sheet, row or cell, in bounded memory. Before the fix these hung at 100% CPU
 * (unclosed <row>, <c>, <si>), grew to gigabytes (row 200,000,000) or ended as internal errors.
 */
import * as zlib from 'zlib';
import { readXlsxTable } from '../../src/cli/xlsxInput';
import { readZip } from '../../src/cli/zipReader';
import { InputError } from '../../src/engine/types';
import { HEADER_ROW, dataRow, numberCell, rowXml, textCell, workbookParts, zipPackage } from '../support/xlsxPackage';

const GOOD_ROWS = HEADER_ROW + dataRow(2, 'A', '2024-01-05', 10);

/** The InputError message reading the package gives (fails the test when it gives a table or another error). */
async function refusal(pkg: Buffer): Promise<string> {
  const error = await readXlsxTable('hostile.xlsx', undefined, pkg).then(() => undefined, (err: unknown) => err);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('hostile .xlsx packages end with one InputError naming file, sheet and row or cell', () => {
  test('the hand-built package itself reads (the cases below differ from it in one place)', async () => {
    const table = await readXlsxTable('ok.xlsx', undefined, zipPackage(workbookParts(GOOD_ROWS)));
    expect(table.header).toEqual(['customer', 'date', 'amount']);
    expect(table.rows).toEqual([['A', '2024-01-05', 10]]);
  });

  test('a <row> that never closes', async () => {
    const pkg = zipPackage(workbookParts(`${HEADER_ROW}<row r="2">${textCell('A2', 'A')}`));
    expect(await refusal(pkg)).toBe('hostile.xlsx: sheet "Sales": row 2: a <row> element never closes');
  });

  test('a <c> that never closes, followed by another cell', async () => {
    const pkg = zipPackage(workbookParts(`<row r="1">${textCell('A1', 'customer')}<c r="B1" t="inlineStr"><is><t>date</t></is></row>`));
    expect(await refusal(pkg)).toBe('hostile.xlsx: sheet "Sales": row 1: a <c> element never closes');
    const selfClosedThenOpen = zipPackage(workbookParts('<row r="1"><c r="A1"/><c r="B1"><v>1</v></row>'));
    expect(await refusal(selfClosedThenOpen)).toBe('hostile.xlsx: sheet "Sales": row 1: a <c> element never closes');
  });

  test('a row numbered 200,000,000 is past Excel\'s 1,048,576 rows', async () => {
    const pkg = zipPackage(workbookParts(GOOD_ROWS + dataRow(200_000_000, 'C', '2024-01-07', 5)));
    expect(await refusal(pkg)).toBe("hostile.xlsx: sheet \"Sales\": row number 200,000,000 is past Excel's last row (1,048,576)");
  });

  test('row 1,048,576 itself is accepted: the limit is Excel\'s, not lower', async () => {
    const table = await readXlsxTable('last.xlsx', undefined, zipPackage(workbookParts(GOOD_ROWS + dataRow(1_048_576, 'Z', '2024-01-09', 1))));
    expect(table.rows.length).toBe(1_048_576 - 1);
    expect(table.rows[table.rows.length - 1]).toEqual(['Z', '2024-01-09', 1]);
  });

  test('a cell past column XFD (16,384), by reference or by a very long one', async () => {
    expect(await refusal(zipPackage(workbookParts(GOOD_ROWS + rowXml(3, numberCell('XFE3', 5))))))
      .toBe("hostile.xlsx: sheet \"Sales\": row 3: cell XFE3 is past Excel's last column (XFD, 16,384)");
    expect(await refusal(zipPackage(workbookParts(GOOD_ROWS + rowXml(3, numberCell('ZZZZZZZZ3', 5))))))
      .toBe("hostile.xlsx: sheet \"Sales\": row 3: cell ZZZZZZZZ3 is past Excel's last column (XFD, 16,384)");
  });

  test('an <si> that never closes', async () => {
    const pkg = zipPackage(workbookParts(`${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, '<si><t>a</t>'));
    expect(await refusal(pkg)).toBe('hostile.xlsx: xl/sharedStrings.xml: a <si> element never closes');
  });

  test('&#x110000; names no character', async () => {
    const pkg = zipPackage(workbookParts(HEADER_ROW + dataRow(2, 'A&#x110000;', '2024-01-05', 10)));
    expect(await refusal(pkg)).toBe('hostile.xlsx: sheet "Sales": row 2: &#x110000; is not a Unicode character');
  });

  test('a corrupt deflate stream', async () => {
    const parts = workbookParts(GOOD_ROWS);
    const damaged = Buffer.from(zlib.deflateRawSync(Buffer.from(parts['xl/worksheets/sheet1.xml'])));
    for (let i = 5; i < damaged.length; i += 7) damaged[i] ^= 0x5a;
    expect(await refusal(zipPackage(parts, { 'xl/worksheets/sheet1.xml': damaged })))
      .toMatch(/^hostile\.xlsx: not a readable \.xlsx workbook \(zip entry xl\/worksheets\/sheet1\.xml is damaged \(.+\)\)$/);
  });

  test('a part whose directory says 700 MB is refused before inflating', async () => {
    const parts = workbookParts(GOOD_ROWS, '<si><t>a</t></si>');
    const pkg = zipPackage(parts, {}, { 'xl/sharedStrings.xml': 700 * 1024 * 1024 });
    expect(await refusal(pkg)).toBe('hostile.xlsx: not a readable .xlsx workbook (zip entry xl/sharedStrings.xml unpacks to more than 500 MiB)');
  });

  test('a part that inflates past the limit although its directory says less stops at the limit', () => {
    const text = 'a'.repeat(5000);
    const zip = readZip(zipPackage({ 'big.xml': text }, {}, { 'big.xml': 10 }));
    expect(() => zip.get('big.xml')?.read(4096)).toThrow('zip entry big.xml unpacks to more than 0 MiB');
    expect(zip.get('big.xml')?.read(5000).length).toBe(5000);
  });

  test('cell text over 32,767 characters, inline or shared; 32,767 itself is read', async () => {
    expect(await refusal(zipPackage(workbookParts(HEADER_ROW + dataRow(2, 'A'.repeat(40_000), '2024-01-05', 10)))))
      .toBe('hostile.xlsx: sheet "Sales": row 2: cell A2 holds 40,000 characters, more than an Excel cell can (32,767)');
    const shared = zipPackage(workbookParts(`${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, `<si><t>${'B'.repeat(32_768)}</t></si>`));
    expect(await refusal(shared)).toBe('hostile.xlsx: sheet "Sales": row 2: cell A2 holds 32,768 characters, more than an Excel cell can (32,767)');
    const longest = await readXlsxTable('ok.xlsx', undefined, zipPackage(workbookParts(HEADER_ROW + dataRow(2, 'C'.repeat(32_767), '2024-01-05', 1))));
    expect((longest.rows[0][0] as string).length).toBe(32_767);
  });

  test('a tag that never ends, and a truncated archive', async () => {
    const parts = { ...workbookParts(GOOD_ROWS), 'xl/sharedStrings.xml': '<sst><si><t>a</t></si><si' };
    expect(await refusal(zipPackage(parts))).toBe('hostile.xlsx: xl/sharedStrings.xml: a tag never ends ("<si"…)');
    const pkg = zipPackage(workbookParts(GOOD_ROWS));
    expect(await refusal(pkg.subarray(0, 10))).toMatch(/^hostile\.xlsx: not a readable \.xlsx workbook/);
  });
});
