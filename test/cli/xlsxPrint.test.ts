/**
 * The CLI's workbooks print well (issue 13): LibreOffice converts them to PDF, and in the PDF no
 * number shows as `###`, the Summary takes at most two pages, the whole workbook at most
 * customers / 20 + 10 pages, and the native charts are drawn (their titles are in no cell, so
 * their text on a page comes from the chart). Two files: a Persian shop's rials (60 customers,
 * invoices up to billions, Jalali dates, Persian digits; test/support/persianRialSample.ts) and
 * the rfm package's sample orders. The first pages are saved as PNG in test-artifacts/print/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { t, type Lang } from '../../src/i18n';
import { parseDelimitedText } from '../../src/cli/textTable';
import { PDFTOTEXT, SOFFICE, convertWithLibreOffice, pdfPages, savePagesAsPng } from '../support/libreOffice';
import { rialCsv, rialRows } from '../support/persianRialSample';
import { requireSharedData } from '../support/sharedData';

const suite = SOFFICE && PDFTOTEXT ? describe : describe.skip;
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'print');

interface Printed {
  pages: string[];
  customers: number;
}

const quiet = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } } as unknown as Parameters<typeof main>[1];

/** `rfm analyze` to .xlsx, LibreOffice to PDF, the pages as text; the first three saved as PNG. */
async function print(dir: string, input: string, name: string, lang: Lang): Promise<string[]> {
  const xlsx = path.join(dir, `${name}.xlsx`);
  expect(await main(['analyze', input, '--out', xlsx, '--lang', lang, '--quiet'], quiet)).toBe(0);
  convertWithLibreOffice(dir, xlsx, 'pdf');
  const pdf = path.join(dir, `${name}.pdf`);
  savePagesAsPng(pdf, path.join(ARTIFACTS, name), 3);
  return pdfPages(pdf);
}

/** Pages before the Customers sheet: the first page showing its "Length (days)" header (in no Summary). */
function summaryPages(pages: string[], lang: Lang): number {
  const header = t(lang, 'report.col.length_days');
  return pages.findIndex((p) => p.includes(header));
}

suite('printing the CLI workbook (LibreOffice to PDF)', () => {
  let dir: string;
  const printed: Record<string, Printed> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-print-'));
    const rial = path.join(dir, 'rial.csv');
    fs.writeFileSync(rial, rialCsv());
    printed.rial = { pages: await print(dir, rial, 'rial-fa', 'fa'), customers: new Set(rialRows().map((r) => r[0])).size };
    const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
    const table = parseDelimitedText(fs.readFileSync(orders, 'utf8'), { header: true });
    const idColumn = table.header.indexOf('customer_id');
    printed.r = { pages: await print(dir, orders, 'rfm-r-en', 'en'), customers: new Set(table.rows.map((r) => String(r[idColumn]))).size };
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the files are the ones the issue names: 60 and 995 customers', () => {
    expect(printed.rial.customers).toBe(60);
    expect(printed.r.customers).toBe(995);
  });

  test.each([['rial', 'fa'], ['r', 'en']] as const)('%s: no ###, Summary on one or two pages, at most customers/20 + 10 pages', (key, lang) => {
    const { pages, customers } = printed[key];
    expect(pages.filter((p) => p.includes('###'))).toEqual([]);
    const summary = summaryPages(pages, lang);
    expect(summary).toBeGreaterThanOrEqual(1);
    expect(summary).toBeLessThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(customers / 20 + 10);
  });

  test('the rial file: amounts in rials (its header and amounts say ریال), without decimals, in Persian digits', () => {
    const summary = printed.rial.pages[0];
    expect(summary).toContain(`${t('fa', 'report.currency.IRR')}`);
    // The total revenue, counted here from the generated rows: Persian digits, Persian thousands separator, no ٫۰۰.
    const total = rialRows().reduce((sum, r) => sum + Number(r[2].replace(/[^۰-۹]/g, '').replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))), 0);
    const persian = total.toLocaleString('en-US').replace(/,/g, '٬').replace(/[0-9]/g, (d) => String.fromCharCode(0x6f0 + Number(d)));
    expect(summary).toContain(persian);
    expect(summary).not.toContain(`${persian}٫`);
  });

  test.each([['rial', 'fa'], ['r', 'en']] as const)('%s: the Summary\'s and the matrices\' charts are drawn', (key, lang) => {
    // A title too long for its chart wraps: compare with runs of white space as one space.
    const text = printed[key].pages.join('\n').replace(/\s+/g, ' ');
    for (const title of ['report.chart.customersPerSegment', 'report.chart.valueQuadrants', 'report.chart.loyaltyQuadrants']) {
      expect(text).toContain(t(lang, title));
    }
  });
});
