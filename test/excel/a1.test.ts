/** Pure helpers: A1 addresses, chunk sizes, values as written, date formats. Hand-computed cases. */
import { columnName, intersect, parseRect, rectAddress, splitAddress } from '../../src/excel/a1';
import { chunkRows, chunkSpans, jsonBytes, sampledRowBytes } from '../../src/excel/chunks';
import { excelValue, needsTextFormat, widthPoints } from '../../src/excel/cellValues';
import { dateColumns, isDateFormat } from '../../src/excel/read';

describe('a1', () => {
  it('names columns', () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
  });

  it('formats and parses rectangles', () => {
    expect(rectAddress({ row: 0, column: 0, rows: 1, columns: 1 })).toBe('A1');
    expect(rectAddress({ row: 4, column: 2, rows: 2, columns: 2 })).toBe('C5:D6');
    expect(parseRect('$C$5:d6')).toEqual({ row: 4, column: 2, rows: 2, columns: 2 });
    expect(parseRect('B2')).toEqual({ row: 1, column: 1, rows: 1, columns: 1 });
    expect(parseRect('A:C')).toBeUndefined();
  });

  it('splits quoted sheet names and intersects', () => {
    expect(splitAddress("'Bob''s data'!A1:B2")).toEqual({ sheet: "Bob's data", cells: 'A1:B2' });
    expect(splitAddress('A1')).toEqual({ sheet: undefined, cells: 'A1' });
    expect(intersect({ row: 0, column: 0, rows: 1048576, columns: 3 }, { row: 0, column: 1, rows: 10, columns: 5 })).toEqual({ row: 0, column: 1, rows: 10, columns: 2 });
    expect(intersect({ row: 0, column: 0, rows: 2, columns: 2 }, { row: 5, column: 5, rows: 1, columns: 1 })).toBeUndefined();
  });
});

describe('chunks', () => {
  it('sizes chunks from the budget and the row width', () => {
    expect(chunkRows(100, 2 * 1024 * 1024)).toBe(Math.floor((2 * 1024 * 1024) / 150));
    expect(chunkRows(10 ** 9)).toBe(1);
    expect(chunkRows(1)).toBe(100_000);
    expect(chunkSpans(5, 2)).toEqual([[0, 2], [2, 4], [4, 5]]);
    expect(chunkSpans(0, 3)).toEqual([]);
  });

  it('measures JSON in UTF-8 bytes and samples the widest row', () => {
    expect(jsonBytes(['é'])).toBe(6);
    expect(sampledRowBytes([['a'], ['abcdef']], 10)).toBe(JSON.stringify(['abcdef']).length + 1);
  });
});

describe('values as written', () => {
  it('prefixes strings with an apostrophe and empties null and non-finite numbers', () => {
    expect(['=1+1', '+1', '', 'x'].map(excelValue)).toEqual(['=1+1', '+1', '', 'x']);
    expect(['=1+1', '+1', '-2', '@SUM(A1)', "'q", '00123', '1/2', '2024-01-05', '12%', 'TRUE', '#N/A', '1e3'].map(needsTextFormat)).toEqual(new Array(12).fill(true));
    expect(['Champions', 'At risk', 'C-12 north', 'Q1', '', 'x1'].map(needsTextFormat)).toEqual(new Array(6).fill(false));
    expect([null, NaN, Infinity, 3, true].map(excelValue)).toEqual(['', '', '', 3, true]);
  });

  it('converts character widths to points (8.43 characters = 48 pt)', () => {
    expect(widthPoints(8.43)).toBeCloseTo(48, 1);
  });
});

describe('date formats', () => {
  it('recognises date and time formats, not numbers, text or General', () => {
    expect(['yyyy-mm-dd', 'm/d/yyyy', 'd-mmm-yy', '[$-409]mmmm d, yyyy', 'h:mm', 'dd/mm/yyyy hh:mm'].map(isDateFormat)).toEqual([true, true, true, true, true, true]);
    expect(['General', '0.00', '#,##0', '0%', '@', '"days"0', undefined].map(isDateFormat)).toEqual([false, false, false, false, false, false, false]);
  });

  it('calls a column a date column when most of its numbers carry a date format', () => {
    const values = [[1, 45000, 'x'], [2, 45001, 'y'], [3, 45002, 'z']];
    const formats = [['General', 'yyyy-mm-dd', 'General'], ['General', 'yyyy-mm-dd', 'General'], ['0', 'General', 'General']];
    expect(dateColumns(values, formats)).toEqual([false, true, false]);
  });
});
