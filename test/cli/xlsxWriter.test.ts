import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { buildWorkbookPlan } from '../../src/report/build';
import { writeWorkbookXlsx } from '../../src/cli/xlsx';
import ExcelJS from 'exceljs';
import { DATE_FORMAT_FA } from '../../src/report/formats';
import { analysisWithModel, smallAnalysis } from '../report/fixtures';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-xlsx-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeAndRead(lang: 'en' | 'fa', model = true): Promise<{ wb: XLSX.WorkBook; file: string }> {
  const file = path.join(dir, `report-${lang}-${model}.xlsx`);
  await writeWorkbookXlsx(buildWorkbookPlan(model ? analysisWithModel() : smallAnalysis(), { lang }), file);
  // An independent reader: SheetJS, with number formats and cell types.
  return { wb: XLSX.read(fs.readFileSync(file), { cellNF: true, cellFormula: true, cellStyles: true }), file };
}

/** The unzipped parts of the file whose names start with a prefix (SheetJS keeps them with bookFiles). */
function parts(file: string, prefix: string): string[] {
  const wb = XLSX.read(fs.readFileSync(file), { bookFiles: true, type: 'buffer' }) as unknown as { files: Record<string, { content: Uint8Array }> };
  return Object.keys(wb.files).filter((name) => name.startsWith(prefix)).sort()
    .map((name) => Buffer.from(wb.files[name].content).toString('utf8'));
}

/** One part of the file. */
function part(file: string, name: string): string {
  const [xml] = parts(file, name);
  if (xml === undefined) throw new Error(`no part ${name}`);
  return xml;
}

describe('writeWorkbookXlsx (read back with SheetJS)', () => {
  test('sheets in order with the plan names', async () => {
    const { wb } = await writeAndRead('en');
    expect(wb.SheetNames).toEqual(['Summary', 'Customers', 'Matrix', 'Clusters', 'Segment rules']);
  });

  test('Customers: header, values, dates as serials with a date format, ids as text not formulas', async () => {
    const { wb } = await writeAndRead('en');
    const ws = wb.Sheets.Customers;
    expect(ws.A1.v).toBe('Customer');
    expect(ws.T1.v).toBe('Churn status');
    expect(ws.A2.v).toBe('Alice');
    expect(ws.B2.t).toBe('n');
    expect(ws.B2.v).toBe(39082 - 400);
    expect(ws.B2.z).toBe('yyyy-mm-dd');
    expect(ws.G2.v).toBe(500);
    expect(ws.M2.v).toBe('Champions');
    for (const [ref, text] of [['A3', '=HYPERLINK("http://x","y")'], ['A4', '+1'], ['A5', '@SUM(A1)']]) {
      expect(ws[ref].t).toBe('s');
      expect(ws[ref].v).toBe(text);
      expect(ws[ref].f).toBeUndefined();
    }
    expect(ws['!ref']).toBe('A1:Y5');
  });

  test('text comes back exactly: edge spaces, quotes, markup, _xHHHH_ look-alikes, Persian', async () => {
    const analysis = smallAnalysis();
    const ids = ['  padded  ', 'a "quoted" <b>&amp;</b>', '_x0041_ stays', 'مشتری ۱۲', "-2+3", 'tab\there'];
    analysis.customers = ids.map((id, i) => ({ ...analysis.customers[i % 4], id }));
    const file = path.join(dir, 'texts.xlsx');
    await writeWorkbookXlsx(buildWorkbookPlan(analysis, { lang: 'en' }), file);
    const ws = XLSX.read(fs.readFileSync(file)).Sheets.Customers;
    expect(ids.map((_, i) => ws[`A${i + 2}`].v)).toEqual(ids);
    expect(ids.map((_, i) => ws[`A${i + 2}`].t)).toEqual(ids.map(() => 's'));
  });

  test('no formulas anywhere in the workbook', async () => {
    const { wb } = await writeAndRead('en');
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      for (const key of Object.keys(ws)) if (!key.startsWith('!')) expect(ws[key].f).toBeUndefined();
    }
  });

  test('Excel tables, colour scales, frozen header and widths are in the file', async () => {
    const { file } = await writeAndRead('en');
    const customersXml = part(file, 'xl/worksheets/sheet2.xml');
    expect(customersXml).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(customersXml).toMatch(/<conditionalFormatting sqref="H2:H5">\s*<cfRule type="colorScale"/);
    const plan = buildWorkbookPlan(analysisWithModel(), { lang: 'en' });
    const widths = plan.sheets[1].columnWidths;
    // <col min max width>: ExcelJS joins neighbours of equal width into one element.
    const written: number[] = [];
    for (const m of customersXml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) {
      for (let c = Number(m[1]); c <= Number(m[2]); c++) written[c - 1] = Number(m[3]);
    }
    expect(written).toEqual(widths);
    // One page wide, landscape (20 columns), as many pages down as needed.
    expect(customersXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(customersXml).toMatch(/<pageSetup orientation="landscape" [^>]*fitToWidth="1" fitToHeight="0"\/>/);
    // The Summary: at most two pages.
    expect(part(file, 'xl/worksheets/sheet1.xml')).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="2"\/>/);
    const tables = parts(file, 'xl/tables/').join('\n');
    for (const name of ['Customers', 'SegmentSummary', 'TopCustomers', 'AtRiskCustomers', 'MatrixData', 'SegmentRules', 'ClusterProfiles', 'ClvHoldout']) {
      expect(tables).toContain(`name="${name}"`);
    }
    expect(tables).toContain('ref="A1:Y5"');
    // Each table part is declared in the content types and related from its sheet.
    const types = part(file, '[Content_Types].xml');
    const count = parts(file, 'xl/tables/').filter((x) => x.startsWith('<?xml')).length;
    for (let i = 1; i <= count; i++) expect(types).toContain(`<Override PartName="/xl/tables/table${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
    expect(part(file, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain('Target="../tables/');
  });

  test("ExcelJS's own reader loads the tables with their ranges and columns", async () => {
    const { file } = await writeAndRead('en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const customers = wb.getWorksheet('Customers') as ExcelJS.Worksheet & { tables: Record<string, { table: { tableRef: string; columns: { name: string }[] } }> };
    expect(Object.keys(customers.tables)).toEqual(['Customers']);
    expect(customers.tables.Customers.table.tableRef).toBe('A1:Y5');
    expect(customers.tables.Customers.table.columns.map((c) => c.name).slice(0, 2)).toEqual(['Customer', 'First purchase']);
  });

  test('Persian: Persian sheet names, right-to-left views, Jalali date format on real dates', async () => {
    const { wb, file } = await writeAndRead('fa');
    expect(wb.SheetNames[1]).toBe('مشتریان');
    const ws = wb.Sheets['مشتریان'];
    expect(ws.A1.v).toBe('مشتری');
    expect(ws.B2.v).toBe(39082 - 400);
    expect(ws.B2.z).toBe(DATE_FORMAT_FA);
    for (let i = 1; i <= wb.SheetNames.length; i++) expect(part(file, `xl/worksheets/sheet${i}.xml`)).toContain('rightToLeft="1"');
  });

  test('wrapped text and tall rows: the Summary\'s recommended actions wrap, their rows are taller', async () => {
    const plan = buildWorkbookPlan(analysisWithModel(), { lang: 'en' });
    const summary = plan.sheets[0];
    expect(summary.wrapText?.length).toBeGreaterThan(0);
    const { file } = await writeAndRead('en');
    const xml = part(file, 'xl/worksheets/sheet1.xml');
    for (const tall of summary.tallRows ?? []) expect(xml).toContain(`<row r="${tall.row + 1}" ht="${tall.lines * 15}" customHeight="1">`);
    expect(part(file, 'xl/styles.xml')).toContain('<alignment vertical="top" wrapText="1"/>');
    expect(part(file, 'xl/styles.xml')).toContain('<alignment vertical="top"/>');
  });

  test('a file that cannot be written leaves nothing behind and names the file', async () => {
    const target = path.join(dir, 'missing-dir', 'r.xlsx');
    await expect(writeWorkbookXlsx(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }), target)).rejects.toThrow(/cannot write .*r\.xlsx/);
    expect(fs.existsSync(path.dirname(target))).toBe(false);
  });
});
