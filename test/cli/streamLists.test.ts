/**
 * `--lists` and `--wallet` on streamed text input (cli/extraColumns.ts): the contact and wallet
 * columns are folded per customer as the rows pass, no row kept. The JSON text and every list file
 * equal, byte for byte, what the whole-table route writes (test/support/wholeTable.ts, computed
 * here), and each customer's contact values and wallet equal those counted here from the raw
 * rows: the first non-blank value of a contact column, the largest positive wallet.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { normalizeId, normalizeIranianMobile } from '../../src/engine';
import { csvFields, csvRecords, runCli } from '../support/cli';
import { requireSharedData } from '../support/sharedData';
import { wholeTableJson } from '../support/wholeTable';

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-stream-lists-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file of a folder: name → text. */
function folder(at: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(at).sort().map((f) => [f, fs.readFileSync(path.join(at, f), 'utf8')]));
}

interface Routes {
  /** The streamed run's JSON document. */
  doc: { customers: { id: string; segment: string; wallet?: number | null }[] };
  /** The streamed run's list files (none without --lists). */
  lists: Record<string, string>;
  stderr: string;
}

/**
 * Runs `rfm analyze INPUT ARGS` streamed, and the whole-table route on the same arguments; expects
 * the same JSON text and the same list files.
 * @param tag a name for this case's files
 * @param lists whether to write campaign lists
 */
async function bothRoutes(tag: string, input: string, lists: boolean, ...args: string[]): Promise<Routes> {
  const out = path.join(dir, `${tag}.json`);
  const streamedLists = path.join(dir, `${tag}-lists-streamed`);
  const wholeLists = path.join(dir, `${tag}-lists-whole`);
  const run = await runCli('analyze', input, ...args, ...(lists ? ['--lists', streamedLists] : []), '--out', out);
  expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
  const whole = await wholeTableJson('analyze', input, ...args, ...(lists ? ['--lists', wholeLists] : []));
  const text = fs.readFileSync(out, 'utf8');
  expect(text === whole).toBe(true);
  const written = lists ? folder(streamedLists) : {};
  if (lists) expect(written).toEqual(folder(wholeLists));
  return { doc: JSON.parse(text), lists: written, stderr: run.stderr };
}

/** Per customer, the first non-blank (trimmed) value of a column in raw rows. */
function firstValues(rows: string[][], idColumn: number, column: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const id = normalizeId(row[idColumn]);
    if (id === undefined) continue;
    const value = (row[column] ?? '').trim();
    if (!out.has(id) || out.get(id) === '') out.set(id, value);
  }
  return out;
}

/** Per customer, the largest positive number of a column in raw rows (thousands commas and spaces dropped). */
function largestValues(rows: string[][], idColumn: number, column: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    const id = normalizeId(row[idColumn]);
    const value = Number((row[column] ?? '').replace(/[,\s]/g, ''));
    if (id !== undefined && value > 0 && Number.isFinite(value)) out.set(id, Math.max(out.get(id) ?? 0, value));
  }
  return out;
}

/** The segment lists' rows (each customer once), by customer. */
function segmentRows(lists: Record<string, string>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [name, text] of Object.entries(lists)) {
    if (!name.startsWith('segment-')) continue;
    for (const r of csvRecords(text)) out.set(r.Customer, r);
  }
  return out;
}

describe('the R package orders', () => {
  const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
  const raw = fs.readFileSync(orders, 'utf8').trim().split('\n').slice(1).map(csvFields);

  it('--lists (with CLV and churn status): the same JSON and lists as the whole table; emails and first names from the raw rows', async () => {
    const { doc, lists } = await bothRoutes('orders', orders, true, '--analysis-date', '2006-12-31', '--clusters', 'off', '--model', 'bgnbd', '--no-backtest');
    expect(Object.keys(lists).filter((f) => f.startsWith('status-')).length).toBeGreaterThan(0);
    const rows = segmentRows(lists);
    expect(rows.size).toBe(doc.customers.length);
    const email = firstValues(raw, 0, 5);
    const firstName = firstValues(raw, 0, 3);
    const wrong = [...rows].filter(([id, r]) => r.email !== email.get(id) || r.first_name !== firstName.get(id));
    expect(wrong).toEqual([]);
  });

  it('--wallet on a data column (revenue): no share of wallet on either route', async () => {
    const { doc } = await bothRoutes('orders-wallet', orders, false, '--analysis-date', '2006-12-31', '--clusters', 'off', '--model', 'off', '--wallet', 'revenue');
    expect(doc.customers.every((c) => c.wallet === undefined)).toBe(true);
  });
});

describe('UCI Online Retail (133 batches)', () => {
  const retail = requireSharedData('online-retail/online_retail.csv.gz');
  const raw = zlib.gunzipSync(fs.readFileSync(retail)).toString('utf8').trim().split('\n').slice(1).map(csvFields);

  it('--lists with columns the analysis does not read, and --wallet StockCode: same as the whole table and the raw rows', async () => {
    const { doc, lists, stderr } = await bothRoutes('retail', retail, true, '--clusters', 'off', '--model', 'off', '--contact', 'Country', '--contact', 'Description', '--wallet', 'StockCode');
    expect(stderr).toContain('(contact columns: Country, Description)');
    const country = firstValues(raw, 6, 7);
    const rows = segmentRows(lists);
    expect(rows.size).toBe(4_339);
    expect([...rows].filter(([id, r]) => r.Country !== country.get(id))).toEqual([]);
    // StockCode as a number where it is one (85123A is not): the largest per customer
    const wallet = largestValues(raw, 6, 1);
    const wrong = doc.customers.filter((c) => (c.wallet ?? undefined) !== wallet.get(c.id));
    expect(wrong).toEqual([]);
    expect(doc.customers.filter((c) => c.wallet !== null).length).toBeGreaterThan(4_000);
  });
});

describe('a small file with contact and wallet columns', () => {
  // A: contacts and wallet blank on its first row, given on the second, other values later (too
  // late). B: its only contacts are on a row with a bad date (skipped, yet the row's contacts
  // count, as they always did from the table). C: an invalid mobile, kept as written. D: returns
  // only (not scored, so in no list). Wallets with thousands commas; B's wallet in Persian digits.
  const lines = [
    'customer,date,amount,email,mobile,wallet',
    'A,2024-01-05,10,,,',
    'B,not a date,5,b@x.ir,۰۹۱۲ ۲۲۲ ۳۳۴۴,"۷۰۰"',
    'A,2024-02-01,20, a@x.ir ,+98 912 111 2233,"1,500"',
    'C,2024-02-03,7,c@x.ir,12345,300',
    'B,2024-02-10,8,,,',
    'A,2024-03-01,5,late@x.ir,09129999999,"2,000"',
    'D,2024-03-02,-4,d@x.ir,09120000000,50',
  ];
  const raw = lines.slice(1).map(csvFields);

  it('gives the same JSON and lists as the whole table, with the raw rows\' first contacts and largest wallets', async () => {
    const input = path.join(dir, 'contacts.csv');
    fs.writeFileSync(input, lines.join('\n') + '\n');
    const { doc, lists, stderr } = await bothRoutes('small', input, true, '--clusters', 'off', '--model', 'off', '--wallet', 'wallet');
    const rows = segmentRows(lists);
    expect([...rows.keys()].sort()).toEqual(['A', 'B', 'C']);
    const email = firstValues(raw, 0, 3);
    const mobile = firstValues(raw, 0, 4);
    for (const [id, r] of rows) {
      const m = normalizeIranianMobile(mobile.get(id)!);
      expect([id, r.email, r.mobile]).toEqual([id, email.get(id), m.value]);
    }
    expect(stderr).toContain('1 mobile numbers are not valid Iranian or international numbers and were kept as written (C: 12345)');
    // B's wallet is written in Persian digits: the engine reads them, the test's count does not
    const wallet = largestValues(raw, 0, 5);
    expect(doc.customers.map((c) => [c.id, c.wallet])).toEqual([['A', wallet.get('A')], ['B', 700], ['C', wallet.get('C')]]);
  });

  it('refuses a --wallet or --contact that names no column (exit 2, one line), the wallet first', async () => {
    const input = path.join(dir, 'contacts.csv');
    const contact = await runCli('analyze', input, '--lists', path.join(dir, 'never'), '--contact', 'sms', '--out', path.join(dir, 'x.csv'));
    expect([contact.code, contact.stderr]).toEqual([2, "rfm: --contact: no column 'sms' (columns: customer, date, amount, email, mobile, wallet)\n"]);
    const both = await runCli('analyze', input, '--wallet', 'spend', '--lists', path.join(dir, 'never'), '--contact', 'sms', '--out', path.join(dir, 'x.csv'));
    expect([both.code, both.stderr]).toEqual([2, "rfm: --wallet: no column 'spend' (columns: customer, date, amount, email, mobile, wallet)\n"]);
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
