/**
 * Native charts in the CLI's workbook (DrawingML parts added to ExcelJS's zip): every chart of the
 * plan has a chart part whose series refer to the plan's cells and cache the plan's values, a
 * drawing anchors it where the plan says, and the package declares and relates every part. The
 * parts are read back with SheetJS (an independent reader) and checked for well-formedness with
 * xmllint when it is installed. LibreOffice's rendering is checked in xlsxPrint.test.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { writeWorkbookXlsx } from '../../src/cli/xlsx';
import { buildWorkbookPlan } from '../../src/report/build';
import type { WorkbookPlan } from '../../src/report/plan';
import { analysisWithModel } from '../report/fixtures';

let dir: string;
let plan: WorkbookPlan;
let files: Record<string, string>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-charts-'));
  plan = buildWorkbookPlan(analysisWithModel(), { lang: 'en' });
  const file = path.join(dir, 'report.xlsx');
  await writeWorkbookXlsx(plan, file);
  const wb = XLSX.read(fs.readFileSync(file), { bookFiles: true, type: 'buffer' }) as unknown as { files: Record<string, { content?: Uint8Array }> };
  files = Object.fromEntries(Object.entries(wb.files).filter(([, f]) => f.content).map(([name, f]) => [name.replace(/^\//, ''), Buffer.from(f.content as Uint8Array).toString('utf8')]));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A1 letters of a 0-based column (enough for the plan's columns). */
const letter = (column: number) => String.fromCharCode(65 + column);

test('one chart part per chart of the plan, declared in the content types', () => {
  const charts = plan.sheets.flatMap((s) => s.charts);
  expect(charts.length).toBe(6); // Summary 2, Matrix 2, Clusters 2 (holdout and tracking)
  const parts = Object.keys(files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
  expect(parts).toHaveLength(charts.length);
  const types = files['[Content_Types].xml'];
  for (const p of parts) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  const sheetsWithCharts = plan.sheets.filter((s) => s.charts.length > 0).length;
  for (let i = 1; i <= sheetsWithCharts; i++) {
    expect(types).toContain(`<Override PartName="/xl/drawings/drawing${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  }
});

test('the Summary relates its drawing; <drawing> comes before <tableParts>; the drawing anchors the charts where the plan says', () => {
  const sheetXml = files['xl/worksheets/sheet1.xml'];
  const rels = files['xl/worksheets/_rels/sheet1.xml.rels'];
  const rel = /<Relationship Id="(rId\d+)" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/drawing" Target="..\/drawings\/drawing1.xml"\/>/.exec(rels);
  expect(rel).not.toBeNull();
  expect(sheetXml.indexOf(`<drawing r:id="${rel?.[1]}"/>`)).toBeGreaterThan(0);
  expect(sheetXml.indexOf('<drawing ')).toBeLessThan(sheetXml.indexOf('<tableParts'));
  const drawing = files['xl/drawings/drawing1.xml'];
  const summary = plan.sheets[0];
  const froms = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const tos = [...drawing.matchAll(/<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(froms).toEqual(summary.charts.map((c) => [c.anchor.column, c.anchor.row]));
  // The bottom-right corner of the anchor's last cell = the top-left of the next one.
  expect(tos).toEqual(summary.charts.map((c) => [c.anchor.column + c.anchor.columns, c.anchor.row + c.anchor.rows]));
  expect(files['xl/drawings/_rels/drawing1.xml.rels']).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"');
});

test('the segment chart: title, a column chart, series name, categories and values from the segment table', () => {
  const chart = files['xl/charts/chart1.xml'];
  const summary = plan.sheets[0];
  const spec = summary.charts[0];
  const table = summary.blocks.find((b) => b.kind === 'table' && b.name === 'SegmentSummary');
  if (table?.kind !== 'table') throw new Error('no segment table');
  expect(chart).toContain(`<a:t>${spec.title}</a:t>`);
  expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
  const first = spec.source.row + 2; // 1-based row of the first data row
  const last = spec.source.row + spec.source.rows;
  expect(chart).toContain(`<c:f>'Summary'!$${letter(1)}$${spec.source.row + 1}</c:f>`);
  expect(chart).toContain(`<c:f>'Summary'!$A$${first}:$A$${last}</c:f>`);
  expect(chart).toContain(`<c:f>'Summary'!$B$${first}:$B$${last}</c:f>`);
  const categories = /<c:cat>.*?<\/c:cat>/.exec(chart)?.[0] ?? '';
  expect([...categories.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual(table.rows.map((r) => String(r[0])));
  const values = /<c:val>.*?<\/c:val>/.exec(chart)?.[0] ?? '';
  expect([...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(table.rows.map((r) => r[1]));
});

test('every chart and drawing part is well-formed XML (xmllint)', () => {
  const xmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).stdout.trim();
  if (!xmllint) {
    if (process.env.CI) throw new Error('xmllint is missing under CI');
    return;
  }
  for (const [name, xml] of Object.entries(files)) {
    if (!/^xl\/(charts|drawings)\//.test(name)) continue;
    const result = spawnSync(xmllint, ['--noout', '-'], { input: xml, encoding: 'utf8' });
    expect({ name, status: result.status, errors: result.stderr }).toEqual({ name, status: 0, errors: '' });
  }
});
