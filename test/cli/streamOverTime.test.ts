/**
 * `--compare-to` and `--cohorts` on streamed text input: the migration's earlier run reads the file
 * a second time, the cohort tables come from the per-customer-day ledger. The JSON text equals, byte
 * for byte, what the whole-table route writes (test/support/wholeTable.ts, computed here), and the
 * cohorts and new customers equal counts made here from the raw rows. A generated file of several
 * batches run with all four row-reading options (--compare-to, --cohorts, --lists, --wallet) is
 * shown to take the stream: the whole-table reader is never called and every batch of both reads
 * goes through TransactionStream. A file whose forms only later rows show is read three times (the
 * first read, its redo, the earlier run's read with the forms already known), not four.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import * as readers from '../../src/cli/readers';
import * as textStream from '../../src/cli/textStream';
import { BATCH_ROWS } from '../../src/cli/textStream';
import { normalizeId, TransactionStream } from '../../src/engine';
import { csvFields, csvRecords, runCli } from '../support/cli';
import { requireSharedData } from '../support/sharedData';
import { wholeTableJson } from '../support/wholeTable';

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-stream-over-time-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Cohort { cohort: string; customers: number; active: number[] }
interface Doc {
  customers: { id: string; previousSegment?: string | null; wallet?: number | null }[];
  migration: { newCustomers: number };
  cohorts: Cohort[];
}

/** A purchase in raw rows: its customer and ISO date. */
interface Purchase { id: string; date: string }

/**
 * Runs streamed, then the whole-table route on the same arguments; expects the same JSON text and,
 * with `lists`, the same list files.
 */
async function bothRoutes(tag: string, input: string, lists: boolean, ...args: string[]): Promise<Doc> {
  const out = path.join(dir, `${tag}.json`);
  const listArgs = (route: string) => (lists ? ['--lists', path.join(dir, `${tag}-${route}`)] : []);
  const run = await runCli('analyze', input, ...args, ...listArgs('streamed'), '--out', out);
  expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
  const whole = await wholeTableJson('analyze', input, ...args, ...listArgs('whole'));
  const text = fs.readFileSync(out, 'utf8');
  expect(text === whole).toBe(true);
  if (lists) expect(folder(path.join(dir, `${tag}-streamed`))).toEqual(folder(path.join(dir, `${tag}-whole`)));
  return JSON.parse(text) as Doc;
}

/** Every file of a folder: name → text. */
function folder(at: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(at).sort().map((f) => [f, fs.readFileSync(path.join(at, f), 'utf8')]));
}

/** The Gregorian cohort table counted from raw purchases dated before `end`. */
function countCohorts(purchases: readonly Purchase[], end: string): Cohort[] {
  const months = new Map<string, Set<string>>();
  for (const p of purchases) {
    if (p.date >= end) continue;
    if (!months.has(p.id)) months.set(p.id, new Set());
    months.get(p.id)!.add(p.date.slice(0, 7));
  }
  const index = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const last = Math.max(...[...months.values()].flatMap((s) => [...s].map(index)));
  const byFirst = new Map<string, number[]>();
  for (const set of months.values()) {
    const first = [...set].sort()[0];
    if (!byFirst.has(first)) byFirst.set(first, new Array<number>(last - index(first) + 1).fill(0));
    for (const m of set) byFirst.get(first)![index(m) - index(first)]++;
  }
  return [...byFirst.keys()].sort().map((cohort) => ({ cohort, customers: byFirst.get(cohort)![0], active: byFirst.get(cohort)! }));
}

/** Customers whose first raw purchase is on or after `since` (and before `end`). */
function countNew(purchases: readonly Purchase[], since: string, end: string): number {
  const first = new Map<string, string>();
  for (const p of purchases) if (p.date < end && (!first.has(p.id) || p.date < first.get(p.id)!)) first.set(p.id, p.date);
  return [...first.values()].filter((d) => d >= since).length;
}

describe('the R package orders', () => {
  const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
  const raw = fs.readFileSync(orders, 'utf8').trim().split('\n').slice(1).map(csvFields);
  const purchases = raw.map(([id, date]) => ({ id, date }));

  it('--compare-to and --cohorts with a purchase model: the same JSON as the whole table, counts from the raw rows', async () => {
    const doc = await bothRoutes('orders', orders, false, '--analysis-date', '2006-12-31', '--compare-to', '2006-07-01', '--cohorts', '--clusters', 'off', '--model', 'bgnbd', '--no-backtest');
    expect(doc.cohorts).toEqual(countCohorts(purchases, '2006-12-31'));
    expect(doc.migration.newCustomers).toBe(countNew(purchases, '2006-07-01', '2006-12-31'));
  });
});

describe('UCI Online Retail (133 batches)', () => {
  const retail = requireSharedData('online-retail/online_retail.csv.gz');

  it('--compare-to 2011-06-01 --cohorts with the models off: the same JSON as the whole table, counts from the raw rows', async () => {
    const doc = await bothRoutes('retail', retail, false, '--compare-to', '2011-06-01', '--cohorts', '--clusters', 'off', '--model', 'off');
    // a purchase: quantity × unit price above 0, or 0 with a quantity not below 0 (engine/rowRules.ts)
    const purchases: Purchase[] = [];
    for (const line of zlib.gunzipSync(fs.readFileSync(retail)).toString('utf8').trim().split('\n').slice(1)) {
      const [, , , quantity, date, price, customer] = csvFields(line);
      const id = normalizeId(customer);
      const amount = Number(quantity) * Number(price);
      if (id !== undefined && (amount > 0 || (amount === 0 && Number(quantity) >= 0))) purchases.push({ id, date: date.slice(0, 10) });
    }
    expect(doc.cohorts).toEqual(countCohorts(purchases, '9999'));
    expect(doc.migration.newCustomers).toBe(countNew(purchases, '2011-06-01', '9999'));
  });
});

describe('a generated file of several batches, with all four options', () => {
  const rows = 3 * BATCH_ROWS + 1234;
  const random = ((seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)(11);
  const lines = ['customer,date,amount,email,wallet,note'];
  for (let i = 0; i < rows; i++) {
    const id = `c${Math.floor(random() * 1500)}`;
    const date = new Date(Date.UTC(2022, 0, 1) + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
    const amount = random() < 0.1 ? -Math.ceil(random() * 20) : Math.floor(random() * 100); // returns, and some zero amounts
    const email = random() < 0.7 ? '' : `${id}.${i}@x.ir`; // most rows blank: the first one given wins
    const wallet = random() < 0.5 ? '' : String(100 + Math.floor(random() * 5000));
    lines.push(`${id},${date},${amount},${email},${wallet},row ${i}`);
  }
  const raw = lines.slice(1).map((l) => l.split(','));
  const args = ['--compare-to', '2023-01-01', '--cohorts', '--wallet', 'wallet', '--clusters', 'off', '--model', 'off'];

  let input: string;
  beforeAll(() => {
    input = path.join(dir, 'generated.csv.gz');
    fs.writeFileSync(input, zlib.gzipSync(lines.join('\n') + '\n'));
  });

  it('takes the stream: no whole-table read, every batch of both reads folded', async () => {
    const readTable = jest.spyOn(readers, 'readInputTable');
    const add = jest.spyOn(TransactionStream.prototype, 'add');
    try {
      const run = await runCli('analyze', input, ...args, '--lists', path.join(dir, 'spied-lists'), '--out', path.join(dir, 'spied.json'));
      expect(run.code).toBe(0);
      expect(readTable).not.toHaveBeenCalled();
      // the analysis' read and the earlier run's read (--compare-to), each in several batches
      // (a batch is flushed once it holds BATCH_ROWS rows, so it may hold more)
      const batches = add.mock.calls.map(([batch, firstRow]) => ({ rows: batch.length, firstRow }));
      expect(batches.filter((b) => b.firstRow === 2)).toHaveLength(2);
      expect(batches.length).toBeGreaterThanOrEqual(4);
      expect(batches.reduce((n, b) => n + b.rows, 0)).toBe(2 * rows);
    } finally {
      readTable.mockRestore();
      add.mockRestore();
    }
  });

  it('gives the same JSON and lists as the whole table, and the raw rows\' cohorts, emails and wallets', async () => {
    const doc = await bothRoutes('gen', input, true, ...args);
    const purchases = raw.filter((r) => Number(r[2]) >= 0).map(([id, date]) => ({ id, date }));
    expect(doc.cohorts).toEqual(countCohorts(purchases, '9999'));
    expect(doc.migration.newCustomers).toBe(countNew(purchases, '2023-01-01', '9999'));
    const email = new Map<string, string>();
    const wallet = new Map<string, number>();
    for (const [id, , , e, w] of raw) {
      if (!email.get(id)) email.set(id, e);
      if (Number(w) > 0) wallet.set(id, Math.max(wallet.get(id) ?? 0, Number(w)));
    }
    const lists = folder(path.join(dir, 'gen-streamed'));
    const listed = Object.keys(lists).filter((f) => f.startsWith('segment-')).flatMap((f) => csvRecords(lists[f]));
    expect(listed.length).toBe(doc.customers.length);
    expect(listed.filter((r) => r.email !== email.get(r.Customer))).toEqual([]);
    expect(doc.customers.filter((c) => (c.wallet ?? undefined) !== wallet.get(c.id))).toEqual([]);
    expect(doc.customers.filter((c) => c.previousSegment === null).length).toBe(doc.migration.newCustomers);
  });
});

describe('a file whose forms only later rows show, with --compare-to', () => {
  // Until row 30,000 the dates' parts are both <= 12 and the amounts whole; later rows say
  // month/day and decimal comma. The first batch (a gzip piece holds some 13,000 rows) cannot
  // tell, so the first read is redone with the whole file's forms, and the earlier run's read
  // starts with them: three reads in all, not four.
  const rows = 40_000;
  const late = 30_000;
  const random = ((seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)(5);
  const lines = ['customer;date;amount'];
  for (let i = 0; i < rows; i++) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * (i < late ? 12 : 28))).padStart(2, '0');
    const cents = i < late ? 100 * (1 + Math.floor(random() * 50)) : 5 + 10 * Math.floor(random() * 300);
    const amount = i < late ? String(cents / 100) : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    lines.push(`c${Math.floor(random() * 800)};${month}/${day}/2021;${amount}`);
  }

  it('reads the file three times and gives the whole table\'s JSON', async () => {
    const input = path.join(dir, 'late-forms.csv.gz');
    fs.writeFileSync(input, zlib.gzipSync(lines.join('\n') + '\n'));
    const args = ['--compare-to', '2021-07-01', '--cohorts', '--clusters', 'off', '--model', 'off'];
    const out = path.join(dir, 'late.json');
    const reads = jest.spyOn(textStream, 'streamTextFile');
    try {
      expect((await runCli('analyze', input, ...args, '--out', out)).code).toBe(0);
      expect(reads.mock.calls.map(([, , settings]) => settings.encoding)).toEqual([undefined, 'utf-8', 'utf-8']);
    } finally {
      reads.mockRestore();
    }
    expect(fs.readFileSync(out, 'utf8') === (await wholeTableJson('analyze', input, ...args))).toBe(true);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as Doc & { settings: { dayMonthOrder?: string } };
    expect(doc.settings.dayMonthOrder).toBe('mdy');
  });
});
