import { buildWorkbookPlan } from '../../src/report/build';
import { CUSTOMERS_TABLE } from '../../src/report/customersSheet';
import { DATE_FORMAT_EN, DATE_FORMAT_FA, dayToSerial } from '../../src/report/formats';
import { STRINGS } from '../../src/i18n';
import type { CellBlock } from '../../src/report/plan';
import { analysisWithModel, smallAnalysis } from './fixtures';
import { blockStartingWith, overlaps, rectOf, sheetOf, tableOf, tablesOf } from './planHelpers';

const SERIAL_2006_12_31 = 39082;

describe('buildWorkbookPlan: workbook shape', () => {
  test('sheets in order, clusters only when clustering ran', () => {
    expect(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }).sheets.map((s) => s.key)).toEqual(['summary', 'customers', 'matrix', 'rules']);
    expect(buildWorkbookPlan(analysisWithModel(), { lang: 'en' }).sheets.map((s) => s.key)).toEqual(['summary', 'customers', 'matrix', 'clusters', 'rules']);
  });

  test.each(['en', 'fa'] as const)('%s: valid, unique sheet and table names; no blocks or charts overlap', (lang) => {
    const plan = buildWorkbookPlan(analysisWithModel(), { lang });
    const names = plan.sheets.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    const tables = tablesOf(plan).map((tb) => tb.name);
    expect(new Set(tables).size).toBe(tables.length);
    for (const name of tables) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    for (const sheet of plan.sheets) {
      expect(overlaps(sheet)).toEqual([]);
      expect(sheet.rightToLeft).toBe(lang === 'fa');
      for (const chart of sheet.charts) {
        const covered = sheet.blocks.filter((b) => {
          const r = rectOf(b);
          return r.row < chart.anchor.row + chart.anchor.rows && chart.anchor.row < r.row + r.rows &&
            r.column < chart.anchor.column + chart.anchor.columns && chart.anchor.column < r.column + r.columns;
        });
        // Both writers draw native charts: nothing lies under a chart.
        expect(covered).toEqual([]);
      }
    }
    for (const tb of tablesOf(plan)) {
      expect(new Set(tb.header).size).toBe(tb.header.length);
      for (const row of tb.rows) expect(row).toHaveLength(tb.header.length);
      expect(tb.columnFormats).toHaveLength(tb.header.length);
    }
  });
});

describe('Customers sheet', () => {
  test('the CSV columns, one row per customer, dates as Excel serials', () => {
    const plan = buildWorkbookPlan(smallAnalysis(), { lang: 'en' });
    const customers = tableOf(plan, CUSTOMERS_TABLE);
    expect(customers.header).toEqual([
      'Customer', 'First purchase', 'Last purchase', 'Length (days)', 'Recency (days)', 'Frequency (orders)', 'Monetary',
      'L score', 'R score', 'F score', 'M score', 'RFM code', 'Segment', 'Value quadrant', 'Loyalty quadrant', 'Cluster',
      'P(alive)', 'Expected purchases (90 days)', 'CLV', 'Churn status', 'P(no purchase in horizon)', 'Expected next purchase', 'Why this churn status',
      'Previous segment', 'Share of wallet',
    ]);
    expect(customers.rows).toHaveLength(4);
    expect(customers.rows[0]).toEqual([
      'Alice', SERIAL_2006_12_31 - 400, SERIAL_2006_12_31 - 10, 401, 11, 5, 500, 3, 5, 5, 5, 555, 'Champions', 'Best', 'Loyal',
      null, null, null, null, null, null, null, null, null, null,
    ]);
    expect(customers.columnFormats[1]).toBe(DATE_FORMAT_EN);
    expect(customers.columnFormats[21]).toBe(DATE_FORMAT_EN);
    expect(customers.columnFormats[0]).toBe('@');
  });

  test('ids that look like formulas stay plain strings', () => {
    const ids = tableOf(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }), CUSTOMERS_TABLE).rows.map((r) => r[0]);
    expect(ids).toEqual(['Alice', '=HYPERLINK("http://x","y")', '+1', '@SUM(A1)']);
  });

  test('frozen header and first column; colour scales on the four score columns', () => {
    const sheet = sheetOf(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }), 'customers');
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([1, 1]);
    expect(sheet.colorScales.map((c) => c.range)).toEqual([7, 8, 9, 10].map((column) => ({ row: 1, column, rows: 4, columns: 1 })));
  });

  test('model columns filled when the model ran', () => {
    const row = tableOf(buildWorkbookPlan(analysisWithModel(), { lang: 'en' }), CUSTOMERS_TABLE).rows[2];
    expect(row.slice(15, 20)).toEqual([2, 0.5, 1, 500, 'At risk']);
  });

  test('Persian: Persian headers, segment and quadrant names, Jalali date display on real dates', () => {
    const plan = buildWorkbookPlan(analysisWithModel(), { lang: 'fa' });
    const customers = tableOf(plan, CUSTOMERS_TABLE);
    expect(sheetOf(plan, 'customers').name).toBe('مشتریان');
    expect(customers.header[0]).toBe('مشتری');
    expect(customers.columnFormats[1]).toBe(DATE_FORMAT_FA);
    // Persian digits on numbers; text stays text; General stays General.
    expect(customers.columnFormats[3]).toBe('[$-3000429]#,##0');
    expect(customers.columnFormats[0]).toBe('@');
    expect(customers.columnFormats[12]).toBeNull();
    expect(customers.rows[0][1]).toBe(SERIAL_2006_12_31 - 400);
    expect(customers.rows[0][12]).toBe(STRINGS.fa['segment.champions']);
    expect(customers.rows[0][13]).toBe(STRINGS.fa['quadrant.value.best']);
    expect(customers.rows[1][19]).toBe('ریزش‌کرده');
    expect(customers.rows[3][12]).toBe(STRINGS.fa['segment.others']);
  });
});

describe('Summary sheet', () => {
  const answerRows = (lang: 'en' | 'fa', model: boolean) => {
    const plan = buildWorkbookPlan(model ? analysisWithModel() : smallAnalysis(), { lang });
    const sheet = sheetOf(plan, 'summary');
    const question = STRINGS[lang]['report.q1.question'];
    const block = sheet.blocks.find((b): b is CellBlock => b.kind === 'cells' && b.values[0]?.[0] === question);
    if (!block) throw new Error('answers not found');
    return block.values;
  };

  test('answer 1: loyal (long, recent) and best-value customers, with their share of revenue', () => {
    const [q1] = answerRows('en', false);
    expect(q1.slice(1, 4)).toEqual([1, 0.25, 0.5]);
    expect(q1[4]).toContain('1 customer is both loyal');
    expect(q1[4]).toContain('50%');
  });

  test('answers 2 and 3 say the model did not run, and why', () => {
    const [, q2, q3] = answerRows('en', false);
    for (const row of [q2, q3]) {
      expect(row.slice(1, 4)).toEqual([null, null, null]);
      expect(row[4]).toBe('Not available: the purchase model did not run (no model results in this analysis).');
    }
  });

  test('a skipped model gives its own reason', () => {
    const analysis = smallAnalysis();
    analysis.clv = { status: 'skipped', reason: 'fewer than 10 repeat buyers' };
    const answers = blockStartingWith(sheetOf(buildWorkbookPlan(analysis, { lang: 'en' }), 'summary'), 'Who are our most loyal and most profitable customers?');
    expect(answers?.values[2][4]).toBe('Not available: the purchase model did not run (fewer than 10 repeat buyers).');
  });

  test('answers 2 and 3 from churn status when the model ran', () => {
    const [, q2, q3] = answerRows('en', true);
    expect(q2.slice(1, 4)).toEqual([1, 0.25, 0.3]);
    expect(q3.slice(1, 4)).toEqual([1, 0.25, 0.0205]);
    expect(q2[4]).toContain('between 10% and 50% chance of buying in the next 90 days');
    expect(q2[4]).toContain('predicted CLV is 500');
  });

  test('the two vocabularies (segments, churn status) are explained once under the answers when the model ran', () => {
    const rows = answerRows('en', true);
    expect(rows).toHaveLength(4);
    expect(rows[3][0]).toBe('Segments and churn status');
    expect(rows[3][4]).toMatch(/^The segment \(Champions … Lost\) sorts customers by their past .* The churn status \(Active, At risk, Churned\) looks ahead/);
    expect(answerRows('fa', true)[3][0]).toBe('بخش‌ها و وضعیت ریزش');
    expect(answerRows('en', false)).toHaveLength(3);
  });

  test('Persian answers use Persian digits', () => {
    const [q1] = answerRows('fa', false);
    expect(q1[4]).toContain('۱ مشتری');
  });

  test('headline figures, segment table with actions, two chart specs', () => {
    const plan = buildWorkbookPlan(smallAnalysis(), { lang: 'en' });
    const sheet = sheetOf(plan, 'summary');
    const headline = blockStartingWith(sheet, 'Customers');
    expect(headline?.values.slice(0, 3)).toEqual([['Customers', 4], ['Orders', 14], ['Revenue', 1000]]);
    const analysisDate = headline?.values.find((r) => r[0] === 'Analysis date');
    expect(analysisDate?.[1]).toBe(SERIAL_2006_12_31 + 1);
    const segments = tableOf(plan, 'SegmentSummary');
    expect(segments.rows[0].slice(0, 5)).toEqual(['Champions', 1, 0.25, 500, 0.5]);
    expect(segments.rows[0][8]).toBe(STRINGS.en['segment.champions.action']);
    expect(segments.rows[3][8]).toBe(STRINGS.en['segment.others.action']);
    expect(sheet.charts.map((c) => c.title)).toEqual(['Customers per segment', 'Revenue per segment']);
    expect(sheet.charts[0].source).toEqual({ row: segments.row, column: 0, rows: 5, columns: 2 });
    expect(tableOf(plan, 'TopCustomers').rows).toEqual([['Alice', 'Champions', 11, 5, 500]]);
  });

  test('with the model: top customers by CLV, customers at risk and the fitted parameters', () => {
    const plan = buildWorkbookPlan(analysisWithModel(), { lang: 'en' });
    expect(tableOf(plan, 'TopCustomers').rows.map((r) => r[0])).toEqual(['Alice', '@SUM(A1)', '+1', '=HYPERLINK("http://x","y")']);
    expect(tableOf(plan, 'AtRiskCustomers').rows).toEqual([['+1', 'Potential Loyalist', 0.5, 1, 500, 300, 3, 'At risk']]);
    const sheet = sheetOf(plan, 'summary');
    const model = blockStartingWith(sheet, 'Model fitted on purchases up to');
    expect(model?.values).toEqual(expect.arrayContaining([['r (purchase-rate shape)', 0.243], ['α (purchase-rate scale, in weeks)', 4.414], ['p (spend shape)', 6.25]]));
  });

  test('skipped rows are reported with their row numbers', () => {
    const sheet = sheetOf(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }), 'summary');
    expect(blockStartingWith(sheet, 'Row')?.values).toEqual([['Row', 'Reason', 'Detail'], [7, 'Date not recognised', '31/02/2006'], [9, 'Zero amount', '0']]);
  });
});

describe('Matrix sheet', () => {
  const plan = buildWorkbookPlan(smallAnalysis(), { lang: 'en' });
  const sheet = sheetOf(plan, 'matrix');

  test('R x F count grid, top score first, with a heatmap', () => {
    const header = blockStartingWith(sheet, 'R \\ F');
    expect(header?.values[0]).toEqual(['R \\ F', 1, 2, 3, 4, 5]);
    const body = sheet.blocks.find((b): b is CellBlock => b.kind === 'cells' && b.row === (header?.row ?? 0) + 1);
    expect(body?.values).toEqual([[5, 0, 0, 0, 1, 1], [4, 0, 0, 0, 0, 0], [3, 0, 0, 1, 0, 0], [2, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0]]);
    expect(sheet.colorScales[0].range).toEqual({ row: (header?.row ?? 0) + 1, column: 1, rows: 5, columns: 5 });
  });

  test('value and loyalty 2x2 grids of customers and revenue', () => {
    expect(blockStartingWith(sheet, 'High monetary')?.values).toEqual([['High monetary', 1, 1], ['Low monetary', 1, 1]]);
    const revenue = sheet.blocks.filter((b): b is CellBlock => b.kind === 'cells' && b.values[0]?.[0] === 'High monetary');
    expect(revenue[1].values).toEqual([['High monetary', 300, 500], ['Low monetary', 20.5, 179.5]]);
    const loyalty = sheet.blocks.filter((b): b is CellBlock => b.kind === 'cells' && b.values[0]?.[0] === 'Recent');
    expect(loyalty[0].values).toEqual([['Recent', 1, 2], ['Not recent', 1, 0]]);
    expect(loyalty[1].values).toEqual([['Recent', 179.5, 800], ['Not recent', 20.5, 0]]);
    expect(tableOf(plan, 'ValueQuadrants').rows[0]).toEqual(['Best', 1, 0.25, 500, 0.5]);
  });

  test('flat table and a PivotSpec over it', () => {
    const flat = tableOf(plan, 'MatrixData');
    expect(flat.rows).toHaveLength(4);
    expect(flat.rows[1].slice(0, 4)).toEqual(['=HYPERLINK("http://x","y")', 1, 1, 1]);
    expect(sheet.pivots).toEqual([expect.objectContaining({
      sourceTable: 'MatrixData', rowFields: ['R score'], columnFields: ['F score'],
      dataFields: [{ field: 'Customer', summarizeBy: 'count' }, { field: 'Monetary', summarizeBy: 'average' }],
    })]);
    for (const field of ['R score', 'F score', 'Customer', 'Monetary']) expect(flat.header).toContain(field);
    const note = sheet.blocks.find((b): b is CellBlock => b.kind === 'cells' && String(b.values[0][0]).startsWith('PivotTable below'));
    expect(note?.row).toBe(sheet.pivots[0].row - 1);
    expect(note?.values[0][0]).toContain('select the MatrixData table and use Insert > PivotTable');
  });
});

describe('Clusters sheet', () => {
  test('profiles and the holdout check with its chart', () => {
    const plan = buildWorkbookPlan(analysisWithModel(), { lang: 'en' });
    expect(tableOf(plan, 'ClusterProfiles').rows[0]).toEqual([1, 'High value', 2, 0.5, 520.5, 0.5205, 251, 56, 3, 260.25]);
    expect(tableOf(plan, 'ClvHoldout').rows).toEqual([['0', 3.5, 4, 1], ['7+', 3.1, 3, 3]]);
    expect(tableOf(buildWorkbookPlan(analysisWithModel(), { lang: 'fa' }), 'ClusterProfiles').rows[1][1]).toBe('خوشهٔ 2');
    // Tracking dates: holdout start (2006-12-31 minus 60 days, serial 39022) plus 7 and 14 days.
    expect(tableOf(plan, 'ClvTracking').rows).toEqual([[39029, 1.2, 1], [39036, 2.5, 3]]);
    expect(sheetOf(plan, 'clusters').charts.map((c) => c.source.rows)).toEqual([3, 3]);
  });
});

describe('dates before 1900-03-01 (Excel counts a 1900-02-29 that never was)', () => {
  test('the report writes the serial Excel shows for the day: 1900-02-28 is 59, 1900-03-01 is 61', () => {
    // Day numbers from 1970-01-01: 1900-02-28 = -25509, 1900-03-01 = -25508 (hand-computed:
    // 70 years minus 17 leap days back from 1970, then January and February 1900).
    expect(dayToSerial(-25509)).toBe(59);
    expect(dayToSerial(-25508)).toBe(61);
    expect(dayToSerial(0)).toBe(25569);
  });
});
