/** A small hand-made WorkbookPlan with every kind of part, for the writer's tests. */
import type { PlanValue, SheetPlan, WorkbookPlan } from '../../src/report/plan';

export const TRICKY_IDS = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '00123', "'quoted", 'TRUE', '1/2/2020'];

function sheet(partial: Partial<SheetPlan> & Pick<SheetPlan, 'key' | 'name'>): SheetPlan {
  return { blocks: [], columnWidths: [], frozenRows: 0, frozenColumns: 0, colorScales: [], charts: [], pivots: [], rightToLeft: false, ...partial };
}

/** Customers rows: id, last purchase (serial), revenue, segment. */
export function customerRows(count: number): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (let i = 0; i < count; i++) rows.push([i < TRICKY_IDS.length ? TRICKY_IDS[i] : `C${i}`, 45000 + (i % 365), Math.round(i * 37.5) / 10, i % 3 === 0 ? 'Champions' : 'Lost']);
  return rows;
}

/** The plan: Summary (title, segment table, pie chart), Customers (table, formats, colour scale), Matrix (pivot). */
export function samplePlan(customers = TRICKY_IDS.length + 4, lang: 'en' | 'fa' = 'en'): WorkbookPlan {
  const rows = customerRows(customers);
  return {
    lang,
    sheets: [
      sheet({
        key: 'summary',
        name: 'Summary',
        blocks: [
          { kind: 'cells', row: 0, column: 0, values: [['Customer value analysis']], style: 'title' },
          { kind: 'cells', row: 2, column: 0, values: [['Segment', 'Customers', 'Share'], ['Champions', 4, 0.5], ['Lost', 4, 0.5]], numberFormats: [null, '0', '0.0%'], style: 'heading' },
        ],
        columnWidths: [30, 12, 10],
        charts: [{ type: 'pie', title: 'Customers per segment', source: { row: 2, column: 0, rows: 3, columns: 2 }, anchor: { row: 1, column: 5, rows: 15, columns: 8 } }],
        rightToLeft: lang === 'fa',
      }),
      sheet({
        key: 'customers',
        name: 'Customers',
        blocks: [{ kind: 'table', name: 'Customers', row: 0, column: 0, header: ['Customer', 'Last purchase', 'Revenue', 'Segment'], rows, columnFormats: ['@', 'yyyy-mm-dd', '#,##0.00', null], style: 'TableStyleMedium2' }],
        columnWidths: [24, 14, 12, 18],
        frozenRows: 1,
        colorScales: [{ range: { row: 1, column: 2, rows: rows.length, columns: 1 }, minColor: '#F8696B', midColor: '#FFEB84', maxColor: '#63BE7B' }],
        tabColor: '#1F77B4',
        rightToLeft: lang === 'fa',
      }),
      sheet({
        key: 'matrix',
        name: 'Matrix',
        blocks: [{ kind: 'cells', row: 0, column: 0, values: [['R \\ F', 1, 2], [1, 3, 0], [2, 1, 4]], style: 'label' }],
        pivots: [{ name: 'SegmentPivot', sourceTable: 'Customers', row: 0, column: 5, rowFields: ['Segment'], columnFields: [], dataFields: [{ field: 'Revenue', summarizeBy: 'sum' }] }],
        rightToLeft: lang === 'fa',
      }),
    ],
  };
}

/** The ExcelInputError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function rejection(p: Promise<unknown>): Promise<import('../../src/excel/errors').ExcelInputError> {
  const { ExcelInputError } = await import('../../src/excel/errors');
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof ExcelInputError)) throw new Error(`expected an ExcelInputError, got ${String(e)}`);
  return e;
}
