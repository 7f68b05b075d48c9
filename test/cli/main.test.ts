/**
 * `rfm analyze` end to end, in-process: temp files in, exit code, stdout and stderr out.
 * Expected values are the R package's documented results (../shared/data/README.md), the CDNOW
 * file's published totals, and hand-made small files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { parseDelimitedText } from '../../src/cli/textTable';
import { runCli, type RunResult } from '../support/cli';
import { RFM_CUSTOMERS, RFM_ORDERS } from '../support/rfmPackage';
import { requireSharedData } from '../support/sharedData';

// Whole analyses of real files (clusters and purchase models included) on a shared 2-core machine.
jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-main-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

/** Runs `rfm` in the test (test/support/cli.ts). */
const run = runCli;

/** The CSV's rows as objects keyed by header name. */
function records(csv: string): Record<string, string>[] {
  const table = parseDelimitedText(csv, { header: true });
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, String(row[i] ?? '')])));
}

/** A one-line reason: exit 2, one stderr line starting `rfm: `, no stack trace. */
function expectOneLineReason(result: RunResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^rfm: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

describe('rfm analyze on the R package data', () => {
  it('gives the documented RFM codes, segment counts and 4,906 orders for rfm_data_orders', async () => {
    const orders = requireSharedData(RFM_ORDERS.file);
    const result = await run('analyze', orders, '--analysis-date', RFM_ORDERS.analysisDate);
    expect(result.code).toBe(0);
    const rows = records(result.stdout);
    expect(rows).toHaveLength(RFM_ORDERS.customers);
    const byId = new Map(rows.map((r) => [r.customer, r]));
    for (const [id, recency, frequency, monetary, code] of RFM_ORDERS.documentedCustomers) {
      const r = byId.get(id);
      expect([id, r?.recency_days, r?.frequency, r?.monetary, r?.rfm_code]).toEqual([id, String(recency), String(frequency), String(monetary), String(code)]);
    }
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.segment] = (counts[r.segment] ?? 0) + 1;
    expect(counts).toEqual(RFM_ORDERS.segmentCounts);
    expect(rows.reduce((sum, r) => sum + Number(r.frequency), 0)).toBe(RFM_ORDERS.orders);
    expect(rows[0].first_purchase).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('writes the whole analysis as JSON with meta', async () => {
    const orders = requireSharedData(RFM_ORDERS.file);
    const out = path.join(dir, 'orders.json');
    const result = await run('analyze', orders, '--analysis-date', '2006-12-31', '--out', out, '--model', 'off', '--clusters', 'off');
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.meta).toMatchObject({ tool: 'rfm', input: 'rfm_data_orders.csv', options: { analysisDate: 13513, model: 'off', clusters: 'off', columns: {} } });
    expect(doc.meta.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.customers).toHaveLength(RFM_ORDERS.customers);
    expect(doc.totals.orders).toBe(RFM_ORDERS.orders);
    expect(doc.settings.analysisDate).toBe(13513);
    expect(doc.skipped.total).toBe(0);
    // The package's segment counts, and no other segment with customers.
    const counts = Object.fromEntries((doc.segments as { segment: string; customers: number }[]).filter((x) => x.customers > 0).map((x) => [x.segment, x.customers]));
    expect(counts).toEqual(RFM_ORDERS.segmentCounts);
  });

  it('reads customer-level input: total frequency 393,223, dates and length empty', async () => {
    const customers = requireSharedData(RFM_CUSTOMERS.file);
    const result = await run(
      'analyze', customers, '--input-kind', 'customers', '--analysis-date', '2007-01-01',
      '--customer', 'customer_id', '--recency-days', 'recency_days', '--frequency', 'number_of_orders', '--monetary', 'revenue',
      '--clusters', 'off',
    );
    expect(result.code).toBe(0);
    const rows = records(result.stdout);
    expect(rows).toHaveLength(RFM_CUSTOMERS.customers);
    expect(rows.reduce((sum, r) => sum + Number(r.frequency), 0)).toBe(RFM_CUSTOMERS.totalOrders);
    expect(rows[0].first_purchase).toBe('');
    expect(rows[0].length_days).toBe('');
    expect(rows[0].l_score).toBe('');
    expect(rows[0].loyalty_quadrant).toBe('');
  });
});

describe('input forms give the same result', () => {
  const csv = 'customer,date,amount\nA,2020-01-01,10\nA,2020-02-01,30\nB,2020-01-15,5\nC,2020-03-01,100\nC,2020-03-05,-20\n';
  let expected: string;
  beforeAll(async () => {
    const plain = await run('analyze', file('forms.csv', csv), '--model', 'off', '--clusters', 'off');
    expect(plain.code).toBe(0);
    expected = plain.stdout;
  });

  it.each([
    ['forms.csv.gz', () => zlib.gzipSync(csv)],
    ['forms.tsv', () => csv.replace(/,/g, '\t')],
    ['forms.txt', () => csv.replace(/,/g, '   ').replace(/\n/g, '\r\n')],
    ['forms-semicolon.csv', () => csv.replace(/,/g, ';')],
    ['forms.txt.gz', () => zlib.gzipSync(csv.replace(/,/g, ' '))],
  ])('%s', async (name, content) => {
    const result = await run('analyze', file(name, content()), '--model', 'off', '--clusters', 'off');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('hand-checks the small file: net monetary, returns not purchases, analysis date the day after the latest transaction', () => {
    // The latest transaction is C's return on 2020-03-05, so the analysis date is 2020-03-06.
    const rows = records(expected);
    expect(rows.map((r) => [r.customer, r.frequency, r.monetary, r.recency_days, r.last_purchase])).toEqual([
      ['A', '2', '40', '34', '2020-02-01'],
      ['B', '1', '5', '51', '2020-01-15'],
      ['C', '1', '80', '5', '2020-03-01'],
    ]);
  });
});

describe('unused columns are not parsed past the first rows', () => {
  it('gives the same customers as the engine on the fully parsed file', async () => {
    const lines = ['Invoice,Description,Qty,When,Price,Client,Country'];
    for (let i = 0; i < 3000; i++) {
      lines.push(`${1000 + (i >> 1)},"Item, ${i % 7}",${1 + (i % 4)},2021-0${1 + (i % 9)}-1${i % 10},${(i % 13) + 0.5},${i % 4 === 3 ? '' : `C${i % 97}`},UK`);
    }
    const text = lines.join('\n');
    // Expected from the raw rows, counted here: per client, distinct invoices, Qty × Price summed,
    // the latest When; rows without a client are skipped.
    const expected = new Map<string, { invoices: Set<string>; revenue: number; last: string }>();
    for (const line of lines.slice(1)) {
      const [invoice, , qty, when, price, client] = line.replace(/"[^"]*"/, 'item').split(',');
      if (client === '') continue;
      const e = expected.get(client) ?? { invoices: new Set<string>(), revenue: 0, last: '' };
      e.invoices.add(invoice);
      e.revenue += Number(qty) * Number(price);
      if (when > e.last) e.last = when;
      expected.set(client, e);
    }
    const result = await run('analyze', file('wide.csv', text), '--model', 'off', '--clusters', 'off');
    expect(result.code).toBe(0);
    const rows = records(result.stdout);
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) {
      const e = expected.get(r.customer);
      expect([r.customer, Number(r.frequency), Number(r.monetary), r.last_purchase]).toEqual([r.customer, e?.invoices.size, Number(e?.revenue.toFixed(6)), e?.last]);
    }
  });
});

describe('CDNOW sample (whitespace, CRLF, no header)', () => {
  it('is read headerless: $244,091.94 over 2,357 customers, 8 of whom have only $0.00 rows', async () => {
    // Counted from the raw file: 8 rows are 0.00 and they are the only rows of 8 customers. Zero
    // amounts are purchases (free items), so all 2,357 customers are scored and no row is skipped;
    // --zero-amounts skip leaves those 8 out. The model's columns are filled by default.
    const cdnow = requireSharedData('cdnow/CDNOW_sample.txt');
    const out = path.join(dir, 'cdnow.csv');
    const result = await run('analyze', cdnow, '--customer', 'column2', '--date', 'column3', '--amount', 'column5', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/skipped/);
    const rows = records(fs.readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(2357);
    expect(rows.filter((r) => Number(r.monetary) === 0)).toHaveLength(8);
    const skipping = await run('analyze', cdnow, '--customer', 'column2', '--date', 'column3', '--amount', 'column5', '--zero-amounts', 'skip', '--model', 'off', '--clusters', 'off');
    expect(skipping.stderr).toMatch(/^rfm: skipped 8 of 6,919 rows \(zero-amount 8\)/);
    expect(records(skipping.stdout)).toHaveLength(2349);
    expect(rows.every((r) => r.p_alive !== '' && r.clv !== '' && r.churn_status !== '')).toBe(true);
    expect(rows.reduce((sum, r) => sum + Number(r.monetary), 0)).toBeCloseTo(244091.94, 2);
    expect(rows.every((r) => r.first_purchase >= '1997-01-01' && r.first_purchase <= '1997-03-31')).toBe(true);
  });
});

describe('bad input: exit 2 with a one-line reason, or a result with skipped rows reported', () => {
  it.each([
    ['empty.csv', '', /empty/],
    ['header-only.csv', 'customer,date,amount\n', /no data rows/],
    ['no-date.csv', 'customer,amount\nA,10\nB,20\n', /date/i],
    ['no-amount.csv', 'customer,date\nA,2020-01-01\nB,2020-01-02\n', /amount/i],
    ['all-invalid.csv', 'customer,date,amount\nA,not a date,10\n,2020-01-01,5\nC,2020-01-02,abc\n', /^rfm: No usable transactions: all 3 rows were skipped \(first: row 2, date: "not a date" is not a date\)\.\n$/],
  ])('%s', async (name, content, reason) => {
    expectOneLineReason(await run('analyze', file(name, content)), reason);
  });

  it('a missing file and a folder', async () => {
    expectOneLineReason(await run('analyze', path.join(dir, 'nope.csv')), /cannot read .*no such file/);
    expectOneLineReason(await run('analyze', dir), /is a directory/);
  });

  // Each input has one right outcome, worked out by hand from the rows (exit 0 and these customers).
  it.each([
    // 05/02/2020 is read day/month (the default, with a note); 1404/01/15 is Jalali = 2025-04-04 (1404/01/01 = 2025-03-21).
    ['mixed-dates.csv', 'customer,date,amount\nA,2020-01-05,10\nB,05/02/2020,20\nC,20200301,5\nD,1404/01/15,7\n',
      [['A', '2020-01-05', '10'], ['B', '2020-02-05', '20'], ['C', '2020-03-01', '5'], ['D', '2025-04-04', '7']], /note: the column mixes date forms/],
    ['one-row.csv', 'customer,date,amount\nA,2020-01-05,10\n', [['A', '2020-01-05', '10']], /^$/],
    // The first of two "amount" columns is used, and a note says so.
    ['duplicate-header.csv', 'customer,date,amount,amount\nA,2020-01-05,10,11\nB,2020-01-06,20,21\n',
      [['A', '2020-01-05', '10'], ['B', '2020-01-06', '20']], /note: 2 columns are named "amount" \(columns 3 \(C\), 4 \(D\)\); using column 3 \(C\)/],
    // Row 3 has no customer, row 4 no date; C's 0 is a purchase (a free item).
    ['some-bad.csv', 'customer,date,amount\nA,2020-01-05,10\n,2020-01-06,20\nB,garbage,5\nC,2020-01-07,0\n',
      [['A', '2020-01-05', '10'], ['C', '2020-01-07', '0']], /^rfm: skipped 2 of 4 rows \(missing-customer 1, bad-date 1\)/],
  ] as [string, string, string[][], RegExp][])('%s gives its one right result', async (name, content, customers, stderr) => {
    const result = await run('analyze', file(name, content), '--model', 'off', '--clusters', 'off');
    expect(result.code).toBe(0);
    expect(records(result.stdout).map((r) => [r.customer, r.last_purchase, r.monetary])).toEqual(customers);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('reports skipped rows in one stderr line', async () => {
    const result = await run('analyze', file('skips.csv', 'customer,date,amount\nA,2020-01-05,10\n,2020-01-06,20\nB,garbage,5\nC,2020-01-07,12\n'), '--model', 'off', '--clusters', 'off');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^rfm: skipped 2 of 4 rows \([^)]*\); first: row 3 [^\n]*\n$/);
    expect(records(result.stdout).map((r) => r.customer)).toEqual(['A', 'C']);
  });

  it('gives file line numbers for skipped rows after blank lines, and a header with only blank lines after it has no data', async () => {
    const result = await run('analyze', file('blank-lines.csv', 'customer,date,amount\nA,2020-01-05,10\n\n\nB,garbage,5\nC,2020-01-07,12\n\n'), '--model', 'off', '--clusters', 'off');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^rfm: skipped 1 of 3 rows \(bad-date 1\); first: row 5 bad-date/);
    expectOneLineReason(await run('analyze', file('header-blank.csv', 'customer,date,amount\r\n\r\n\r\n')), /no data rows/);
  });

  it('names the column when an option names none, and writes nothing', async () => {
    const out = path.join(dir, 'never.csv');
    expectOneLineReason(await run('analyze', file('named.csv', 'id,when,total\nA,2020-01-01,5\n'), '--customer', 'client', '--out', out), /--customer: no column named 'client'/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown output extension before reading', async () => {
    expectOneLineReason(await run('analyze', file('ok.csv', 'customer,date,amount\nA,2020-01-01,5\n'), '--out', 'x.pdf'), /--out must end in .csv, .json or .xlsx/);
  });

  it.each(['x.csv', 'x.json', 'x.xlsx'])('reports a folder that does not exist for --out %s', async (name) => {
    const target = path.join(dir, 'no', 'such', name);
    const result = await run('analyze', file('ok2.csv', 'customer,date,amount\nA,2020-01-01,5\n'), '--out', target, '--model', 'off');
    expectOneLineReason(result, new RegExp(`^rfm: cannot write ${target.replace(/[.\\/]/g, '\\$&')}: no such folder\n$`));
  });
});

describe('command line', () => {
  it('prints help and version', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rfm analyze <file>');
    const analyzeHelp = await run('analyze', '--help');
    expect(analyzeHelp.stdout).toContain('--holdout-from');
    const version = await run('--version');
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 2 on an unknown option or a bad value', async () => {
    expectOneLineReason(await run('analyze', 'x.csv', '--colour', 'red'), /^rfm: unknown option '--colour' \(see rfm analyze --help\)\n$/);
    expectOneLineReason(await run('analyze', 'x.csv', '--bins', '12'), /--bins must be a whole number from 2 to 10/);
  });

  it("neutralises formula-like ids in the CSV with a leading ' (OWASP); --csv-raw keeps them literal", async () => {
    const input = file('formula.csv', 'customer,date,amount\n=1+1,2020-01-01,5\n@cmd,2020-01-02,6\n');
    const result = await run('analyze', input, '--model', 'off', '--clusters', 'off');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n"\'=1+1",');
    expect(records(result.stdout).map((r) => r.customer).sort()).toEqual(["'=1+1", "'@cmd"]);
    const raw = await run('analyze', input, '--model', 'off', '--clusters', 'off', '--csv-raw');
    expect(raw.stdout).toContain('\n"=1+1",');
    expect(records(raw.stdout).map((r) => r.customer).sort()).toEqual(['=1+1', '@cmd']);
  });
});
