/**
 * The CLI's workbook keeps each chart on one printed page (QA: through LibreOffice the Cohorts
 * chart of the UCI workbook straddled a page break). Read in the written XML of the R sample's
 * workbook: every sheet printed as many pages down as it needs (`fitToHeight="0"`) has a manual
 * row break (`<rowBreaks><brk id=…>`, ECMA-376 18.3.1.74) above each chart's top-left row
 * (`xdr:from`) and none inside the chart; on the Cohorts sheet the break sits exactly above the
 * "All cohorts together" heading, whose row is counted here from the raw orders.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { t } from '../../src/i18n';
import { runCli } from '../support/cli';
import { requireSharedData } from '../support/sharedData';

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-breaks-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What one worksheet part says about printing and its charts. */
interface PrintedSheet {
  name: string;
  fitToHeight: number;
  breaks: number[];
  /** Each chart's first and last row, 0-based (the anchor's `to` cell is the one after the chart). */
  charts: { from: number; to: number }[];
}

/** The package's parts by name (SheetJS keeps them with bookFiles). */
function packageParts(file: string): Map<string, string> {
  const wb = XLSX.read(fs.readFileSync(file), { bookFiles: true, type: 'buffer' }) as unknown as { files: Record<string, { content: Uint8Array }> };
  return new Map(Object.entries(wb.files).filter(([, f]) => f.content).map(([name, f]) => [name.replace(/^\//, ''), Buffer.from(f.content).toString('utf8')]));
}

/** Relationship id → target of a .rels part. */
function relations(xml: string | undefined): Map<string, string> {
  return new Map([...(xml ?? '').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
}

/** Every sheet's page setup, manual row breaks and chart anchors, read from the XML. */
function printedSheets(file: string): PrintedSheet[] {
  const parts = packageParts(file);
  const workbookRels = relations(parts.get('xl/_rels/workbook.xml.rels'));
  return [...parts.get('xl/workbook.xml')!.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)].map(([, name, id]) => {
    const sheetPath = `xl/${workbookRels.get(id)!.replace(/^\/?xl\//, '')}`;
    const xml = parts.get(sheetPath)!;
    const fitToHeight = Number(/<pageSetup [^>]*fitToHeight="(\d+)"/.exec(xml)?.[1] ?? '1');
    const breaks = [...xml.matchAll(/<brk [^>]*?id="(\d+)"/g)].map((m) => Number(m[1]));
    const drawingId = /<drawing r:id="([^"]+)"/.exec(xml)?.[1];
    const sheetRels = relations(parts.get(sheetPath.replace(/worksheets\//, 'worksheets/_rels/') + '.rels'));
    const drawing = drawingId ? parts.get(path.posix.normalize(path.posix.join(path.posix.dirname(sheetPath), sheetRels.get(drawingId)!))) : undefined;
    const charts = [...(drawing ?? '').matchAll(/<xdr:from><xdr:col>\d+<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>\d+<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)]
      .map((m) => ({ from: Number(m[1]), to: Number(m[2]) - 1 }));
    return { name: name.replace(/&amp;/g, '&'), fitToHeight, breaks, charts };
  });
}

describe('page breaks before charts in the written .xlsx (R sample orders, --cohorts)', () => {
  const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
  let file: string;
  let sheets: PrintedSheet[];
  beforeAll(async () => {
    file = path.join(dir, 'r.xlsx');
    const result = await runCli('analyze', orders, '--analysis-date', '2006-12-31', '--cohorts', '--clusters', 'off', '--model', 'off', '--quiet', '--out', file);
    expect(result.code).toBe(0);
    sheets = printedSheets(file);
  }, 60_000);

  test('every chart of a sheet without a page limit has a break above it and none inside it', () => {
    const withCharts = sheets.filter((s) => s.charts.length > 0 && s.fitToHeight === 0);
    expect(withCharts.map((s) => s.name)).toEqual(['Matrix', 'Cohorts']);
    for (const sheet of withCharts) {
      for (const chart of sheet.charts) {
        // strictly above: a chart frame on a page's first row has its top edge drawn on the page before
        expect([sheet.name, sheet.breaks.some((b) => b > 0 && b < chart.from)]).toEqual([sheet.name, true]);
        expect([sheet.name, sheet.breaks.filter((b) => b > chart.from && b <= chart.to)]).toEqual([sheet.name, []]);
      }
    }
  });

  test('Cohorts: the break is above the "All cohorts together" heading, row 2N + 12 for N cohorts counted from the raw rows', () => {
    // N = months in which some customer made a first order before 2006-12-31.
    const first = new Map<string, string>();
    for (const line of fs.readFileSync(orders, 'utf8').trim().split('\n').slice(1)) {
      const [customer, date] = line.split(',');
      if (date < '2006-12-31' && (!first.has(customer) || date < first.get(customer)!)) first.set(customer, date);
    }
    const n = new Set([...first.values()].map((d) => d.slice(0, 7))).size;
    // 1-based rows: title 1, note 2, empty 3; the shares grid: heading 4, month label 5, header 6,
    // N cohort rows, an empty row; the counts grid the same; so the retention heading is on row
    // 3 + 2 × (3 + N + 1) + 1 = 2N + 12, and a break above it has the 0-based id 2N + 11.
    const cohorts = sheets.find((s) => s.name === 'Cohorts')!;
    expect(cohorts.breaks).toEqual([2 * n + 11]);
    const wb = XLSX.read(fs.readFileSync(file));
    expect(wb.Sheets.Cohorts[`A${2 * n + 12}`]?.v).toBe(t('en', 'report.cohorts.retention'));
    // the chart starts one row below, beside its table
    expect(cohorts.charts.map((c) => c.from)).toEqual([2 * n + 12]);
  });

  test('the Summary, fitted to two pages, gets no manual breaks', () => {
    const summary = sheets.find((s) => s.name === 'Summary')!;
    expect(summary.fitToHeight).toBe(2);
    expect(summary.charts.length).toBeGreaterThan(0);
    expect(summary.breaks).toEqual([]);
  });
});
