/**
 * LibreOffice (an independent spreadsheet program) opens the CLI's workbook for the rfm package's
 * sample orders: it converts it to PDF and every sheet to CSV headlessly, and no cell reads as an
 * error. Under CI a missing `soffice` fails the test (.ci/run installs libreoffice-calc-nogui).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { STRINGS } from '../../src/i18n';
import { requireSharedData } from '../support/sharedData';

/** The soffice binary, or undefined outside CI when it is not installed. */
function sofficePath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.env.CI) throw new Error('soffice (LibreOffice) is missing under CI: apt-get install libreoffice-calc-nogui');
  return undefined;
}

const SOFFICE = sofficePath();
const ORDERS = requireSharedData('rfm-r/rfm_data_orders.csv');
const suite = SOFFICE ? describe : describe.skip;

/** Error texts of Excel and LibreOffice as a cell shows them. */
const ERROR_CELL = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#N\/A|#NULL!|Err:\d+)$/;

/** CSV export of every sheet (last token -1), cells as shown, UTF-8. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function convert(dir: string, file: string, filter: string): void {
  // A private profile, so a running LibreOffice or a stale lock cannot interfere.
  const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
  execFileSync(SOFFICE as string, [profile, '--headless', '--convert-to', filter, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
}

suite('LibreOffice reads the report of rfm_data_orders.csv', () => {
  let dir: string;
  let report: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-lo-'));
    report = path.join(dir, 'report.xlsx');
    const io = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } };
    expect(await main(['analyze', ORDERS, '--out', report, '--quiet'], io as unknown as Parameters<typeof main>[1])).toBe(0);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('converts to PDF', () => {
    convert(dir, report, 'pdf');
    const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 180_000);

  test('converts every sheet to CSV, no cell is an error, the Customers sheet has every customer', () => {
    convert(dir, report, CSV_FILTER);
    const sheets = ['Summary', 'Customers', 'Matrix', 'Segment rules'];
    for (const sheet of sheets) {
      const file = path.join(dir, `report-${sheet}.csv`);
      expect(fs.existsSync(file)).toBe(true);
      const cells = fs.readFileSync(file, 'utf8').split(/\r?\n/).flatMap((line) => line.split(','));
      expect(cells.filter((c) => ERROR_CELL.test(c.replace(/^"|"$/g, '')))).toEqual([]);
    }
    const customers = fs.readFileSync(path.join(dir, 'report-Customers.csv'), 'utf8').trimEnd().split(/\r?\n/);
    expect(customers).toHaveLength(996);
    // Dates display as dates (yyyy-mm-dd), not serial numbers.
    expect(customers.find((l) => l.startsWith("Abbey O'Reilly"))).toMatch(/^Abbey O'Reilly,\d{4}-\d{2}-\d{2},2006-06-09,/);
  }, 180_000);

  test('the Persian report opens too: every sheet to CSV, no error cells, dates shown as dates', async () => {
    const faDir = path.join(dir, 'fa');
    fs.mkdirSync(faDir);
    const fa = path.join(faDir, 'report-fa.xlsx');
    const io = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } };
    expect(await main(['analyze', ORDERS, '--out', fa, '--lang', 'fa', '--quiet'], io as unknown as Parameters<typeof main>[1])).toBe(0);
    convert(faDir, fa, CSV_FILTER);
    const csvs = fs.readdirSync(faDir).filter((f) => f.endsWith('.csv'));
    expect(csvs.sort()).toEqual(['خلاصه', 'مشتریان', 'ماتریس', 'خوشه‌ها', 'بررسی مدل', 'قواعد بخش‌بندی'].map((n) => `report-fa-${n}.csv`).sort());
    for (const file of csvs) {
      const cells = fs.readFileSync(path.join(faDir, file), 'utf8').split(/\r?\n/).flatMap((line) => line.split(','));
      expect(cells.filter((c) => ERROR_CELL.test(c.replace(/^"|"$/g, '')))).toEqual([]);
    }
    // LibreOffice has no Persian calendar in number formats: it shows the same date in Gregorian,
    // in Persian digits (the format's numeral code), as it shows the other numbers.
    const customers = fs.readFileSync(path.join(faDir, 'report-fa-مشتریان.csv'), 'utf8').split(/\r?\n/);
    expect(customers.find((l) => l.startsWith("Abbey O'Reilly"))).toMatch(/^Abbey O'Reilly,[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2},۲۰۰۶\/۰۶\/۰۹,[۰-۹]+,۲۰۵,/);
  }, 180_000);
});

/** Cells of a CSV export that read as errors. */
function errorCells(file: string): string[] {
  const cells = fs.readFileSync(file, 'utf8').split(/\r?\n/).flatMap((line) => line.split(','));
  return cells.filter((c) => ERROR_CELL.test(c.replace(/^"|"$/g, '')));
}

suite('LibreOffice reads the Migration and Cohorts sheets (issue 14)', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-lo-time-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['en', 'fa'] as const)('%s: both sheets convert to CSV without error cells, the workbook to PDF', async (lang) => {
    const out = path.join(dir, lang);
    fs.mkdirSync(out);
    const report = path.join(out, 'over.xlsx');
    const io = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } };
    const args = ['analyze', ORDERS, '--out', report, '--lang', lang, '--quiet', '--compare-to', '2006-07-01', '--analysis-date', '2006-12-31', '--cohorts', '--model', 'off'];
    expect(await main(args, io as unknown as Parameters<typeof main>[1])).toBe(0);
    convert(out, report, CSV_FILTER);
    for (const key of ['migration', 'cohorts']) {
      const file = path.join(out, `over-${STRINGS[lang][`report.sheet.${key}`]}.csv`);
      expect(fs.existsSync(file)).toBe(true);
      expect(errorCells(file)).toEqual([]);
    }
    const migration = fs.readFileSync(path.join(out, `over-${STRINGS[lang]['report.sheet.migration']}.csv`), 'utf8').split(/\r?\n/);
    // the headline of the largest move down, in the language
    expect(migration[1]).toMatch(lang === 'en' ? /^"?[\d,]+ .+ slipped to .+/ : /^"?[۰-۹٬]+ مشتری از «.+» به «.+» افت کرد/);
    convert(out, report, 'pdf');
    expect(fs.readFileSync(path.join(out, 'over.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 300_000);
});
