/**
 * `rfm analyze --out report.xlsx` end to end, in process, on the rfm package's sample orders:
 * the workbook read back with SheetJS (an independent reader) holds the CSV's customers exactly
 * and the rfm package's documented segment counts; .xlsx input gives the same result as CSV.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { main } from '../../src/cli/main';
import { requireSharedData } from '../support/sharedData';
import { RFM_ORDERS } from '../support/rfmPackage';

const ORDERS = requireSharedData('rfm-r/rfm_data_orders.csv');

/** Runs the CLI in process; returns the exit code and what it wrote to stderr. */
async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: false } };
  const code = await main(argv, io as unknown as Parameters<typeof main>[1]);
  return { code, stderr };
}

/** Splits one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(field); field = ''; } else field += ch;
  }
  out.push(field);
  return out;
}

/** A sheet cell as the CSV writes it: ISO dates, numbers rounded to 6 decimals, empty for blanks. */
function asCsvText(value: unknown, isDate: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (isDate) return new Date(Math.round((value - 25569) * 86_400_000)).toISOString().slice(0, 10);
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

function sheetRows(file: string, sheet: string): unknown[][] {
  const wb = XLSX.read(fs.readFileSync(file));
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: true, defval: null });
}

describe('rfm analyze --out report.xlsx on rfm_data_orders.csv', () => {
  let dir: string;
  let xlsxFile: string;
  let csvFile: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-cli-xlsx-'));
    xlsxFile = path.join(dir, 'report.xlsx');
    csvFile = path.join(dir, 'customers.csv');
    expect((await run(['analyze', ORDERS, '--out', xlsxFile, '--quiet'])).code).toBe(0);
    expect((await run(['analyze', ORDERS, '--out', csvFile, '--quiet'])).code).toBe(0);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the Customers sheet equals the CSV output, cell for cell', () => {
    const csvLines = fs.readFileSync(csvFile, 'utf8').trimEnd().split('\n');
    const rows = sheetRows(xlsxFile, 'Customers');
    expect(rows).toHaveLength(csvLines.length);
    expect(rows.length).toBe(996);
    const header = csvFields(csvLines[0]);
    const dateColumns = new Set([header.indexOf('first_purchase'), header.indexOf('last_purchase'), header.indexOf('expected_next_purchase')]);
    for (let i = 1; i < csvLines.length; i++) {
      expect(rows[i].map((v, j) => asCsvText(v, dateColumns.has(j)))).toEqual(csvFields(csvLines[i]));
    }
  });

  test("the Summary's segment table has the rfm package's documented counts", () => {
    const rows = sheetRows(xlsxFile, 'Summary');
    const start = rows.findIndex((r) => r[0] === 'Segment' && r[1] === 'Customers');
    const counts: Record<string, unknown> = {};
    for (let i = start + 1; i < rows.length && rows[i][0]; i++) counts[String(rows[i][0])] = rows[i][1];
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0))).toEqual(RFM_ORDERS.segmentCounts);
  });

  test('documented customers: Abbey O\'Reilly 205 days, 6 orders, 472 -> RFM 343', () => {
    const rows = sheetRows(xlsxFile, 'Customers');
    const abbey = rows.find((r) => r[0] === "Abbey O'Reilly");
    expect(abbey?.slice(4, 7)).toEqual([205, 6, 472]);
    expect(abbey?.[11]).toBe(343);
  });

  test('.xlsx input gives the same customers as the CSV input', async () => {
    const text = fs.readFileSync(ORDERS, 'utf8').trimEnd().split('\n').map(csvFields);
    // Dates as real date cells (Excel serials with a date format), revenue as numbers: the way a
    // user's workbook holds them. Serials, not JS Dates: SheetJS reads a Date in local time, which
    // would make this fixture (not our reader) depend on the machine's time zone.
    const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;
    const aoa = text.map((r, i) => (i === 0 ? r : [r[0], serial(r[1]), Number(r[2]), ...r.slice(3)]));
    const orders = XLSX.utils.aoa_to_sheet(aoa);
    for (let row = 1; row < aoa.length; row++) orders[XLSX.utils.encode_cell({ r: row, c: 1 })].z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['notes'], ['not this sheet']]), 'Notes');
    XLSX.utils.book_append_sheet(wb, orders, 'Orders');
    const input = path.join(dir, 'orders.xlsx');
    XLSX.writeFile(wb, input);
    const fromXlsx = path.join(dir, 'from-xlsx.csv');
    expect((await run(['analyze', input, '--sheet', 'Orders', '--out', fromXlsx, '--quiet'])).code).toBe(0);
    expect(fs.readFileSync(fromXlsx, 'utf8')).toBe(fs.readFileSync(csvFile, 'utf8'));
  }, 180_000);

  test('--lang fa: Persian sheets, right to left, same figures', async () => {
    const faFile = path.join(dir, 'report-fa.xlsx');
    expect((await run(['analyze', ORDERS, '--out', faFile, '--lang', 'fa', '--quiet'])).code).toBe(0);
    const wb = XLSX.read(fs.readFileSync(faFile), { cellNF: true });
    expect(wb.SheetNames.slice(0, 3)).toEqual(['خلاصه', 'مشتریان', 'ماتریس']);
    const ws = wb.Sheets['مشتریان'];
    const en = XLSX.read(fs.readFileSync(xlsxFile)).Sheets.Customers;
    expect(ws.B2.v).toBe(en.B2.v);
    expect(ws.B2.z).toBe('[$-3160429]yyyy/mm/dd;@');
    expect(ws.G2.v).toBe(en.G2.v);
  }, 180_000);
});
