/**
 * Column widths, wrapped text and page setup from a sheet's content (report/layout.ts). Expected
 * widths are counted here by hand from the values as Excel shows them.
 */
import { numberChars, valueChars } from '../../src/report/displayWidth';
import { DEFAULT_COLUMN_CHARS, MAX_COLUMN_CHARS, fitColumns, pageSetupOf } from '../../src/report/layout';
import type { SheetPlan } from '../../src/report/plan';
import { buildWorkbookPlan } from '../../src/report/build';
import { analysisWithModel, smallAnalysis } from './fixtures';
import { sheetOf } from './planHelpers';

function sheet(partial: Partial<SheetPlan>): SheetPlan {
  return { key: 'summary', name: 'S', blocks: [], columnWidths: [], frozenRows: 0, frozenColumns: 0, colorScales: [], charts: [], pivots: [], rightToLeft: false, ...partial };
}

describe('characters a value takes as shown', () => {
  test.each([
    // "2,527,200,000": 10 digits, 3 separators
    [2527200000, '#,##0', 13],
    // "2,527,200,000.00"
    [2527200000, '#,##0.00', 16],
    // Persian digits change the glyphs, not their count
    [2527200000, '[$-3000429]#,##0', 13],
    // "-1,234.50"
    [-1234.5, '#,##0.00', 9],
    // "31.7%"
    [0.317, '0.0%', 5],
    // "0.977"
    [0.977, '0.000', 5],
    // "$1,234.50": the quoted sign counts
    [1234.5, '"$"#,##0.00', 9],
    // "1,000 ریال": a space and four letters
    [1000, '#,##0 "ریال"', 10],
    // "2006-12-31"
    [39082, 'yyyy-mm-dd', 10],
    // General: at most 11 characters ("1310145564" is 10)
    [1310145564.0757, null, 10],
    [5, '0', 1],
    // "1,310,145,564.0757", the Gamma-Gamma v of the R sample
    [1310145564.0757, '#,##0.0000', 18],
    // rounding carries into a new digit: "10.00", "1,000,000", "100"; and just below the carry: "9.99"
    [9.996, '0.00', 5],
    [999999.5, '#,##0', 9],
    [99.5, '0', 3],
    [9.994, '0.00', 4],
    // exact powers of ten: "1,000", "0.00" (a value below 1 shows one whole digit)
    [1000, '#,##0', 5],
    [0.004, '0.00', 4],
  ])('%p in %p: %p', (value, format, chars) => {
    expect(numberChars(value, format)).toBe(chars);
  });

  test('text by its longest line; empty cells take nothing', () => {
    expect(valueChars('Share of customers', null)).toBe(18);
    expect(valueChars('ab\nabcd', null)).toBe(4);
    expect(valueChars('abcde\nab', null)).toBe(5);
    expect(valueChars(null, '#,##0')).toBe(0);
    expect(valueChars('', null)).toBe(0);
  });
});

describe('fitColumns', () => {
  test('a money column as wide as its widest amount; a short header in full', () => {
    const s = sheet({
      blocks: [{ kind: 'table', name: 'T', row: 0, column: 0, header: ['Revenue', 'Id'], rows: [[2527200000, 'C1'], [12, 'C22']], columnFormats: ['#,##0', '@'], style: 'x' }],
    });
    fitColumns(s, 'en');
    // "2,527,200,000" = 13 + 2 padding; "Revenue" bold (7 × 1.1 = 7.7) + filter button 2 + padding 2 = 11.7.
    // "Id": 2.2 + 4 = 6.2 against the body's "C22" 3 + 2 = 5.
    expect(s.columnWidths).toEqual([15, 6.2]);
    expect(s.wrapText).toEqual([]);
  });

  test('a long header wraps on its words rather than widen a narrow column', () => {
    const s = sheet({
      blocks: [{ kind: 'table', name: 'T', row: 3, column: 0, header: ['Mean recency (days)'], rows: [[54.66]], columnFormats: ['0.00'], style: 'x' }],
    });
    fitColumns(s, 'en');
    // Half the header, ceil(19 / 2) = 10 characters, bold 11, + 4 = 15, wider than "54.66" + 2.
    expect(s.columnWidths).toEqual([15]);
    expect(s.wrapText).toEqual([{ row: 3, column: 0, rows: 1, columns: 1 }]);
    expect(s.tallRows?.[0]?.row).toBe(3);
    expect(s.tallRows?.[0]?.lines).toBeGreaterThanOrEqual(2);
  });

  test('text runs over empty neighbours without widening; text beside a value widens its column', () => {
    const title = 'Customer value analysis of the whole year';
    const s = sheet({
      blocks: [
        { kind: 'cells', row: 0, column: 0, values: [[title]], style: 'body' },
        { kind: 'cells', row: 1, column: 0, values: [['Revenue per customer', 466.49], ['a', 1], [null, null, 'x', 'y']], numberFormats: [null, '#,##0.00'], style: 'body' },
      ],
    });
    fitColumns(s, 'en');
    // Column A: "Revenue per customer" (20) + 2, since B holds a value; the title runs over B..D.
    // Column B: "466.49" 6 + 2 = 8. C: "x" 1 + 2 -> the minimum 6. D: "y" runs over nothing, room 6 -> fits.
    expect(s.columnWidths).toEqual([22, 8, 6, DEFAULT_COLUMN_CHARS]);
    expect(s.wrapText).toEqual([]);
  });

  test('text longer than the widest column wraps, and its row is as many lines tall', () => {
    const sentence = 'word '.repeat(40).trim(); // 199 characters
    const s = sheet({ blocks: [{ kind: 'cells', row: 5, column: 0, values: [[sentence, 1]], style: 'body' }] });
    fitColumns(s, 'en');
    expect(s.columnWidths[0]).toBe(MAX_COLUMN_CHARS);
    expect(s.wrapText).toEqual([{ row: 5, column: 0, rows: 1, columns: 1 }]);
    // 199 characters × 1.15 word-wrap slack in 45 − 2 = 43 per line: ceil(228.85 / 43) = 6 lines.
    expect(s.tallRows).toEqual([{ row: 5, lines: 6 }]);
  });

  test('a table longer than a page keeps one line per row; a short one wraps its long texts', () => {
    const reason = 'bought 6 times, about every 60 days; silent for 205 days, 3.4× the usual gap; 93% likely to buy';
    const rows = (n: number) => Array.from({ length: n }, () => [reason]);
    const long = sheet({ blocks: [{ kind: 'table', name: 'T', row: 0, column: 0, header: ['Why'], rows: rows(41), columnFormats: [null], style: 'x' }] });
    fitColumns(long, 'en');
    expect(long.columnWidths).toEqual([MAX_COLUMN_CHARS]);
    // Wrapped (so the text does not run over its neighbours) in rows held to one line.
    expect(long.wrapText).toEqual([{ row: 1, column: 0, rows: 41, columns: 1 }]);
    expect(long.tallRows).toEqual(Array.from({ length: 41 }, (_, i) => ({ row: i + 1, lines: 1 })));
    const short = sheet({ blocks: [{ kind: 'table', name: 'T', row: 0, column: 0, header: ['Why'], rows: rows(40), columnFormats: [null], style: 'x' }] });
    fitColumns(short, 'en');
    expect(short.wrapText).toHaveLength(40);
  });
});

describe('page setup', () => {
  test('narrow sheets print portrait, wide ones landscape; always one page wide', () => {
    const narrow = sheet({ columnWidths: [40, 40, 20] });
    const wide = sheet({ columnWidths: [40, 40, 21] });
    expect(pageSetupOf(narrow)).toEqual({ orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, titleRows: null });
    expect(pageSetupOf(wide).orientation).toBe('landscape');
  });

  test('the header of a table longer than a page repeats; the Summary prints on at most two pages', () => {
    const rows = Array.from({ length: 41 }, (_, i) => [i]);
    const long = sheet({ blocks: [{ kind: 'table', name: 'T', row: 3, column: 0, header: ['n'], rows, columnFormats: ['0'], style: 'x' }] });
    expect(pageSetupOf(long).titleRows).toEqual({ first: 3, last: 3 });
    const short = sheet({ blocks: [{ kind: 'table', name: 'T', row: 3, column: 0, header: ['n'], rows: rows.slice(0, 40), columnFormats: ['0'], style: 'x' }] });
    expect(pageSetupOf(short).titleRows).toBeNull();
    for (const lang of ['en', 'fa'] as const) {
      const plan = buildWorkbookPlan(analysisWithModel(), { lang });
      expect(sheetOf(plan, 'summary').pageSetup?.fitToHeight).toBe(2);
      for (const s of plan.sheets) expect(s.pageSetup?.fitToWidth).toBe(1);
    }
  });

  test('every sheet of a plan gets widths for every used column and a page setup', () => {
    const plan = buildWorkbookPlan(smallAnalysis(), { lang: 'en' });
    for (const s of plan.sheets) {
      expect(s.pageSetup).toBeDefined();
      expect(s.columnWidths.length).toBeGreaterThan(0);
      expect(s.columnWidths.every((w) => w >= 6 && w <= MAX_COLUMN_CHARS)).toBe(true);
    }
  });
});
