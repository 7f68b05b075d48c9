/** Rendering a WorkbookPlan through the simulator: values, formats, structures, ownership, failures. */
import { renderPlan } from '../../src/excel/write';
import { ExcelInputError } from '../../src/excel/errors';
import { activateSheet, legalSheetName, legalTableName, uniqueSheetName, uniqueTableName } from '../../src/excel/sheets';
import { createExcelSimulator } from '../../src/simulator';
import { simulatorHost } from '../../src/simulator/host';
import { TRICKY_IDS, customerRows, samplePlan } from './fixtures';
import { buildWorkbookPlan } from '../../src/report/build';
import { widthPoints } from '../../src/excel/cellValues';
import { analysisWithModel } from '../report/fixtures';

describe('renderPlan', () => {
  it('writes values, then formats, tables, styles, widths, charts, colour scales, freeze, pivot', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales', [['Customer', 'Amount'], ['a', 1]]);
    const result = await renderPlan(simulatorHost(sim), samplePlan());
    expect(sim.sheetNames()).toEqual(['Sales', 'Summary', 'Customers', 'Matrix']);
    expect(result.sheets.map((s) => s.name)).toEqual(['Summary', 'Customers', 'Matrix']);
    expect(result.skipped).toEqual([]);
    const customers = sim.values('Customers');
    expect(customers[0]).toEqual(['Customer', 'Last purchase', 'Revenue', 'Segment']);
    expect(customers.slice(1, 1 + TRICKY_IDS.length).map((r) => r[0])).toEqual(TRICKY_IDS);
    expect(sim.formulas('Customers')).toEqual(customers);
    expect(customers[1].slice(1)).toEqual([45000, 0, 'Champions']);
    expect(sim.numberFormats('Customers', 'A2:D2')).toEqual([['@', 'yyyy-mm-dd', '#,##0.00', 'General']]);
    expect(sim.numberFormats('Summary', 'B4:C4')).toEqual([['0', '0.0%']]);
    expect(sim.tables()).toEqual([{ name: 'Customers', sheet: 'Customers', address: 'Customers!A1:D13', style: 'TableStyleMedium2' }]);
    const c = sim.sheet('Customers');
    expect(c.frozenRows).toBe(1);
    expect(c.columnWidths.get(0)).toBeCloseTo((24 * 7 + 5) * 0.75);
    expect(c.conditionalFormats[0]).toMatchObject({ type: 'ColorScale', rect: { row: 1, column: 2, rows: 12, columns: 1 } });
    expect(c.tabColor).toBe('#1F77B4');
    const s = sim.sheet('Summary');
    expect(s.style(0, 0, 'font.bold')).toBe(true);
    expect(s.style(0, 0, 'font.size')).toBe(14);
    expect(s.charts[0]).toMatchObject({ type: 'Pie', title: 'Customers per segment', source: { row: 2, column: 0, rows: 3, columns: 2 }, topLeft: 'F2', bottomRight: 'M16' });
    expect(sim.sheet('Matrix').pivots[0]).toMatchObject({ name: 'SegmentPivot', sourceTable: 'Customers', rows: ['Segment'], data: [{ summarizeBy: 'Sum' }] });
    expect(sim.sheet('Matrix').style(1, 0, 'font.bold')).toBe(true);
    expect(sim.sheet('Matrix').style(1, 1, 'font.bold')).toBeUndefined();
    expect(sim.values('Sales')).toEqual([['Customer', 'Amount'], ['a', 1]]);
    expect(sim.syncs.some((x) => x.ops.includes('Application.suspendApiCalculationUntilNextSync'))).toBe(true);
    expect(sim.syncs.filter((x) => x.ops.includes('Application.suspendScreenUpdatingUntilNextSync'))).toHaveLength(1);
  });

  it('writes values before any number format (except the Text format that keeps text as text, queued just before its values)', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    await renderPlan(simulatorHost(sim), samplePlan());
    const firstFormat = sim.syncs.findIndex((x) => x.ops.includes('Range.numberFormat.set') && !x.ops.includes('Range.values.set'));
    const lastValues = sim.syncs.map((x) => x.ops.includes('Range.values.set')).lastIndexOf(true);
    expect(lastValues).toBeLessThan(firstFormat);
  });

  it('never overwrites a user sheet or table with the same name', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Customers', [['mine', 'keep'], [1, 2]]);
    sim.addTable('Customers', 'A1:B2', 'Customers');
    const result = await renderPlan(simulatorHost(sim), samplePlan());
    expect(sim.values('Customers')).toEqual([['mine', 'keep'], [1, 2]]);
    expect(result.sheets.map((s) => s.name)).toEqual(['Summary', 'Customers (2)', 'Matrix']);
    expect(result.tables).toEqual({ Customers: 'Customers_2' });
    expect(sim.values('Customers (2)')[1][0]).toBe(TRICKY_IDS[0]);
  });

  it('rewrites its own previous output in place on the next run, keeping the name the user gave it', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    const host = simulatorHost(sim);
    const first = await renderPlan(host, samplePlan());
    sim.state.workbook.renameSheet(sim.sheet('Summary'), 'My summary');
    const second = await renderPlan(host, samplePlan(20));
    expect(sim.sheetNames()).toEqual(['Sales', 'My summary', 'Customers', 'Matrix']);
    expect(second.sheets.map((s) => s.id)).toEqual(first.sheets.map((s) => s.id));
    expect(sim.values('Customers')).toHaveLength(21);
    expect(sim.tables().map((t) => t.name)).toEqual(['Customers']);
    expect(sim.settings()['rfm.outputs']).toEqual({ version: 1, sheets: second.sheets.map((s) => ({ key: s.key, id: s.id })) });
  });

  it('leaves the workbook as it was when Excel refuses a request', async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 4000 });
    sim.addSheet('Sales', [['x']]);
    const host = simulatorHost(sim);
    await renderPlan(host, samplePlan());
    const before = sim.sheetNames();
    const beforeValues = sim.values('Customers');
    const error = await renderPlan(host, samplePlan(400)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelInputError);
    expect((error as ExcelInputError).key).toBe('excel.tooLarge');
    expect(sim.sheetNames()).toEqual(before);
    expect(sim.values('Customers')).toEqual(beforeValues);
  });

  it('sets page layout (ExcelApi 1.9), wrapped text and tall rows as the plan says', async () => {
    const plan = samplePlan();
    plan.sheets[0].pageSetup = { orientation: 'portrait', fitToWidth: 1, fitToHeight: 2, titleRows: null };
    plan.sheets[0].wrapText = [{ row: 2, column: 0, rows: 1, columns: 1 }];
    plan.sheets[0].tallRows = [{ row: 2, lines: 3 }];
    plan.sheets[1].pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 0, last: 0 } };
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    expect((await renderPlan(simulatorHost(sim), plan)).skipped).toEqual([]);
    expect(sim.sheet('Summary').print).toEqual({ orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 2 }, titleRows: null });
    // Any number of pages down: only the pages across are set (the docs define no "automatic" value).
    expect(sim.sheet('Customers').print).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, titleRows: { first: 0, last: 0 } });
    // A sheet without a page setup keeps Excel's defaults.
    expect(sim.sheet('Matrix').print).toEqual({ orientation: 'Portrait', zoom: { scale: 100 }, titleRows: null });
    const summary = sim.sheet('Summary');
    expect(summary.style(2, 0, 'format.wrapText')).toBe(true);
    expect(summary.style(2, 0, 'format.verticalAlignment')).toBe('Top');
    expect(summary.style(2, 1, 'format.wrapText')).toBeUndefined();
    // The other cells of a tall row align to the top too.
    expect(summary.style(2, 1, 'format.verticalAlignment')).toBe('Top');
    expect(summary.style(3, 1, 'format.verticalAlignment')).toBeUndefined();
    expect(summary.rowHeights.get(2)).toBe(45);
    expect(summary.rowHeights.get(3)).toBeUndefined();
  });

  it('sets the plan\'s manual page breaks (ExcelApi 1.9), and a rewrite replaces them', async () => {
    const plan = samplePlan();
    plan.sheets[1].pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: null, rowBreaks: [5, 9] };
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    await renderPlan(simulatorHost(sim), plan);
    // A page starts at rows 6 and 10 (1-based): the breaks sit above 0-based rows 5 and 9.
    expect(sim.sheet('Customers').rowBreaks).toEqual([5, 9]);
    expect(sim.sheet('Summary').rowBreaks).toEqual([]);
    plan.sheets[1].pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: null, rowBreaks: [7] };
    await renderPlan(simulatorHost(sim), plan);
    expect(sim.sheet('Customers').rowBreaks).toEqual([7]);
  });

  it.each(['en', 'fa'] as const)('%s: a real plan: every sheet gets the plan\'s widths, wrapped cells and print setup', async (lang) => {
    const plan = buildWorkbookPlan(analysisWithModel(), { lang });
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    const result = await renderPlan(simulatorHost(sim), plan);
    plan.sheets.forEach((planSheet, i) => {
      const sheet = sim.sheet(result.sheets[i].name);
      const setup = planSheet.pageSetup!;
      expect(sheet.print).toEqual({
        orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        zoom: setup.fitToHeight > 0 ? { horizontalFitToPages: 1, verticalFitToPages: setup.fitToHeight } : { horizontalFitToPages: 1 },
        titleRows: setup.titleRows,
      });
      planSheet.columnWidths.forEach((chars, column) => expect(sheet.columnWidths.get(column)).toBeCloseTo(widthPoints(chars)));
      for (const w of planSheet.wrapText ?? []) expect(sheet.style(w.row, w.column, 'format.wrapText')).toBe(true);
      for (const tall of planSheet.tallRows ?? []) expect(sheet.rowHeights.get(tall.row)).toBe(tall.lines * 15);
      expect([planSheet.key, sheet.rowBreaks]).toEqual([planSheet.key, setup.rowBreaks ?? []]);
    });
    expect(sim.sheet(result.sheets[0].name).print.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 2 });
  });

  it('ExcelApi 1.8 has no pageLayout: the sheets are written without it, and the render says so', async () => {
    const plan = samplePlan();
    plan.sheets[1].pageSetup = { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 0, last: 0 } };
    const sim = createExcelSimulator({ excelApiMinor: 8 });
    sim.addSheet('Sales');
    const result = await renderPlan(simulatorHost(sim), plan);
    expect(result.skipped).toEqual(['pageLayout']);
    expect(sim.sheet('Customers').print.orientation).toBe('Portrait');
    expect(sim.syncs.every((s) => !s.error)).toBe(true);
  });

  it('skips what the host lacks: ExcelApi 1.4 gets no colour scale, freeze, pivot or suspension', async () => {
    const sim = createExcelSimulator({ excelApiMinor: 4 });
    sim.addSheet('Sales');
    const result = await renderPlan(simulatorHost(sim), samplePlan(10, 'fa'));
    expect(result.skipped).toEqual(['pivotTables', 'rightToLeft']);
    expect(sim.sheet('Customers').conditionalFormats).toEqual([]);
    expect(sim.sheet('Customers').frozenRows).toBe(0);
    expect(sim.sheet('Matrix').pivots).toEqual([]);
    expect(sim.syncs.every((s) => !s.error)).toBe(true);
    expect(sim.values('Customers')[1][0]).toBe(TRICKY_IDS[0]);
  });

  it('sets right-to-left reading order for Persian plans where ExcelApi 1.9 exists', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    await renderPlan(simulatorHost(sim), samplePlan(10, 'fa'));
    expect(sim.sheet('Customers').style(5, 1, 'format.readingOrder')).toBe('RightToLeft');
  });

  it('splits large blocks: syncs grow with rows / chunk size and every request stays under 4 MB', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    const plan = samplePlan(10);
    const rows = customerRows(150_000);
    const table = plan.sheets[1].blocks[0];
    if (table.kind === 'table') table.rows = rows;
    plan.sheets[1].colorScales = [];
    await renderPlan(simulatorHost(sim), plan);
    const { request } = sim.maxPayloadBytes();
    expect(request).toBeLessThan(4 * 1024 * 1024);
    const valueSyncs = sim.syncs.filter((s) => s.ops.includes('Range.values.set')).length;
    const totalBytes = JSON.stringify(rows).length;
    expect(valueSyncs).toBeGreaterThanOrEqual(Math.ceil(totalBytes / (4 * 1024 * 1024)));
    expect(valueSyncs).toBeLessThan(20);
    expect(sim.values('Customers')).toHaveLength(150_001);
    expect(sim.values('Customers')[150_000][0]).toBe('C149999');
  });
});

describe('sheet names', () => {
  it('makes names legal and unique the way Excel requires', () => {
    expect(legalSheetName('Q1/Q2: [draft]')).toBe('Q1 Q2   draft');
    expect(legalSheetName("'''")).toBe('Sheet');
    expect(uniqueSheetName('Customers', ['customers', 'Customers (2)'])).toBe('Customers (3)');
    expect(uniqueSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
    expect(uniqueTableName('Customers', ['CUSTOMERS', 'customers_2'])).toBe('Customers_3');
  });

  it('activates a sheet', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('A');
    sim.addSheet('B');
    await activateSheet(simulatorHost(sim), 'B');
    expect(sim.state.workbook.activeSheet?.name).toBe('B');
  });
});

describe('text', () => {
  it('writes ordinary text without an apostrophe, and text Excel would interpret into Text-formatted cells', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales');
    const plan = samplePlan();
    plan.sheets[0].blocks.push({ kind: 'cells', row: 10, column: 0, values: [['=1+1', 'Plain', '007', '#N/A']] });
    await renderPlan(simulatorHost(sim), plan);
    for (const name of sim.sheetNames()) expect(sim.sheet(name).quotePrefixed.size).toBe(0);
    expect(sim.values('Summary', 'A11:D11')).toEqual([['=1+1', 'Plain', '007', '#N/A']]);
    expect(sim.formulas('Summary', 'A11:D11')).toEqual([['=1+1', 'Plain', '007', '#N/A']]);
    expect(sim.numberFormats('Summary', 'A11:D11')).toEqual([['@', 'General', '@', '@']]);
    expect(sim.sheet('Summary').valueType(10, 3)).toBe('String');
    expect(sim.values('Customers').slice(1, 1 + TRICKY_IDS.length).map((r) => r[0])).toEqual(TRICKY_IDS);
    expect(sim.formulas('Customers').slice(1, 1 + TRICKY_IDS.length).map((r) => r[0])).toEqual(TRICKY_IDS);
  });
});

describe('failures half-way', () => {
  // Refresh stages the new content in temporary sheets (values, formats; tables, charts and PivotTables
  // only for sheets that are new): a failure there leaves the old output whole.
  it.each(['Range.values.set', 'Range.numberFormat.set', 'Worksheet.getUsedRangeOrNullObject'])('a failure in %s on the next run leaves the old output and no temporary sheet', async (op) => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales', [['x']]);
    const host = simulatorHost(sim);
    const first = await renderPlan(host, samplePlan());
    const names = sim.sheetNames();
    const customers = sim.values('Customers');
    sim.failNext(op);
    const error = await renderPlan(host, samplePlan(30)).catch((e: unknown) => e);
    expect((error as ExcelInputError).key).toBe('excel.writeFailed');
    expect(sim.sheetNames()).toEqual(names);
    expect(sim.values('Customers')).toEqual(customers);
    expect(sim.tables().map((t) => t.name)).toEqual(['Customers']);
    expect(sim.settings()['rfm.outputs']).toEqual({ version: 1, sheets: first.sheets.map((s) => ({ key: s.key, id: s.id })) });
  });

  it.each(['TableCollection.add', 'ChartCollection.add', 'PivotTableCollection.add', 'Range.numberFormat.set'])('a failure in %s on the first run leaves no output and no temporary sheet', async (op) => {
    const sim = createExcelSimulator();
    sim.addSheet('Sales', [['x']]);
    sim.failNext(op);
    const error = await renderPlan(simulatorHost(sim), samplePlan()).catch((e: unknown) => e);
    expect((error as ExcelInputError).key).toBe('excel.writeFailed');
    expect(sim.sheetNames()).toEqual(['Sales']);
    expect(sim.tables()).toEqual([]);
    expect(sim.names()).toEqual([]);
    expect(sim.settings()['rfm.outputs']).toBeUndefined();
  });
});

describe('names Excel would refuse', () => {
  it('makes table names legal before the swap', () => {
    expect(legalTableName('2024 sales')).toBe('_2024_sales');
    expect(legalTableName('R1C1')).toBe('_R1C1');
    expect(legalTableName('AB12')).toBe('_AB12');
    expect(legalTableName('مشتریان')).toBe('مشتریان');
    expect(uniqueTableName('my table', ['my_table'])).toBe('my_table_2');
  });

  it('renames our PivotTable when a user PivotTable has its name, and never fails half-way', async () => {
    const sim = createExcelSimulator();
    sim.addSheet('Data', [['k', 'v'], ['a', 1]]);
    sim.addTable('Data', 'A1:B2', 'UserTable');
    await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.pivotTables.add('SegmentPivot', ctx.workbook.tables.getItem('UserTable'), s.getRange('E1'));
    });
    const plan = samplePlan();
    const customers = plan.sheets[1].blocks[0];
    if (customers.kind === 'table') customers.name = 'R1C1';
    plan.sheets[2].pivots[0].sourceTable = 'R1C1';
    const result = await renderPlan(simulatorHost(sim), plan);
    expect(result.tables).toEqual({ R1C1: '_R1C1' });
    expect(sim.sheet('Matrix').pivots[0].name).toBe('SegmentPivot_2');
    expect(sim.sheet('Data').pivots[0].name).toBe('SegmentPivot');
  });
});
