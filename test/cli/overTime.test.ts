/**
 * Issue 14 on the R package's orders (rfm_data_orders.csv: customer_id, order_date, revenue,
 * first_name, last_name, email): the migration's earlier segments equal a separate run at the
 * earlier date; the cohort tables equal counts made here from the raw rows (Gregorian months by the
 * ISO text, Jalali months by Node's own Persian calendar, not our conversion); the campaign lists
 * hold every customer exactly once, with the email of the raw rows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { csvFields, csvRecords, runCli } from '../support/cli';
import { requireSharedData } from '../support/sharedData';

let dir: string;
const orders = requireSharedData('rfm-r/rfm_data_orders.csv');

beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-over-time-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

/** Records of a CSV file by header name. */
function records(file: string): Record<string, string>[] {
  return csvRecords(fs.readFileSync(file, 'utf8'));
}

/** The raw orders: customer, ISO date, revenue, email. */
const raw = fs.readFileSync(orders, 'utf8').trim().split('\n').slice(1).map(csvFields).map(([customer, date, , , , email]) => ({ customer, date, email }));

describe('--compare-to 2006-07-01', () => {
  it('gives every customer the segment of a separate run with --analysis-date 2006-07-01', async () => {
    const now = path.join(dir, 'now.csv');
    const before = path.join(dir, 'before.csv');
    expect((await run('analyze', orders, '--analysis-date', '2006-12-31', '--compare-to', '2006-07-01', '--clusters', 'off', '--model', 'off', '--out', now)).code).toBe(0);
    expect((await run('analyze', orders, '--analysis-date', '2006-07-01', '--clusters', 'off', '--model', 'off', '--out', before)).code).toBe(0);
    const earlier = new Map(records(before).map((r) => [r.customer, r.segment]));
    const rows = records(now);
    expect(rows).toHaveLength(995);
    for (const r of rows) expect([r.customer, r.previous_segment]).toEqual([r.customer, earlier.get(r.customer) ?? '']);
    // the customers new since 2006-07-01: first order on or after that day in the raw rows
    const firstOrder = new Map<string, string>();
    for (const o of raw) if (!firstOrder.has(o.customer) || o.date < firstOrder.get(o.customer)!) firstOrder.set(o.customer, o.date);
    const newSince = [...firstOrder.values()].filter((d) => d >= '2006-07-01' && d < '2006-12-31').length;
    expect(rows.filter((r) => r.previous_segment === '').length).toBe(newSince);
  });
  it('refuses a comparison date not before the analysis date (exit 2, naming the option)', async () => {
    const result = await run('analyze', orders, '--analysis-date', '2006-12-31', '--compare-to', '2007-01-01', '--out', path.join(dir, 'x.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rfm: --compare-to: the comparison date \(2007-01-01\) must be after the first purchase and before the analysis date\.\n$/);
  });
});

describe('--cohorts', () => {
  /** Cohort counts from raw rows: month of first order, months with an order, by a month function. */
  function countCohorts(monthOf: (iso: string) => string): Map<string, Map<string, number>> {
    const months = new Map<string, Set<string>>();
    for (const o of raw) {
      if (o.date >= '2006-12-31') continue;
      if (!months.has(o.customer)) months.set(o.customer, new Set());
      months.get(o.customer)!.add(monthOf(o.date));
    }
    const out = new Map<string, Map<string, number>>();
    for (const set of months.values()) {
      const first = [...set].sort()[0];
      if (!out.has(first)) out.set(first, new Map());
      for (const m of set) out.get(first)!.set(m, (out.get(first)!.get(m) ?? 0) + 1);
    }
    return out;
  }
  /** YYYY-MM shifted by k months. */
  const plus = (month: string, k: number): string => {
    const [y, m] = month.split('-').map(Number);
    const index = y * 12 + m - 1 + k;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const persian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const jalaliMonth = (iso: string): string => {
    const parts = persian.formatToParts(new Date(`${iso}T00:00:00Z`));
    const year = parts.find((p) => p.type === 'year')!.value.replace(/\D/g, '');
    return `${year}-${parts.find((p) => p.type === 'month')!.value.padStart(2, '0')}`;
  };

  let analysis: { cohorts: { cohort: string; customers: number; active: number[] }[]; cohortsJalali: { cohort: string; customers: number; active: number[] }[] };
  beforeAll(async () => {
    const out = path.join(dir, 'cohorts.json');
    expect((await run('analyze', orders, '--analysis-date', '2006-12-31', '--cohorts', '--clusters', 'off', '--model', 'off', '--out', out)).code).toBe(0);
    analysis = JSON.parse(fs.readFileSync(out, 'utf8'));
  });
  it.each([
    ['Gregorian', (iso: string) => iso.slice(0, 7), 'cohorts'],
    ['Jalali', jalaliMonth, 'cohortsJalali'],
  ] as const)('the %s table equals a count of the raw rows: active[k] = customers of the cohort who ordered in month cohort + k', (_name, monthOf, field) => {
    const expected = countCohorts(monthOf);
    const table = analysis[field];
    expect(table.map((c) => c.cohort)).toEqual([...expected.keys()].sort());
    for (const c of table) {
      const counts = expected.get(c.cohort)!;
      expect(c.customers).toBe(counts.get(c.cohort));
      c.active.forEach((n, k) => expect([c.cohort, k, n]).toEqual([c.cohort, k, counts.get(plus(c.cohort, k)) ?? 0]));
    }
  });
});

describe('--lists', () => {
  it('writes one list per segment and per status; each customer is in exactly one segment list, with its email', async () => {
    const listDir = path.join(dir, 'lists');
    const result = await run('analyze', orders, '--analysis-date', '2006-12-31', '--lists', listDir, '--clusters', 'off', '--out', path.join(dir, 'l.csv'));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote \d+ campaign lists to .* \(contact columns: first_name, last_name, email\)/);
    // some emails in the raw file end in spaces: the list writes them trimmed
    const emailOf = new Map(raw.map((o) => [o.customer, o.email.trim()]));
    const seen = new Map<string, number>();
    const files = fs.readdirSync(listDir);
    expect(files).toContain('segment-champions.csv');
    for (const file of files.filter((f) => f.startsWith('segment-'))) {
      for (const r of records(path.join(listDir, file))) {
        seen.set(r.Customer, (seen.get(r.Customer) ?? 0) + 1);
        expect([r.Customer, r.email]).toEqual([r.Customer, emailOf.get(r.Customer)]);
        expect(r.Message).toContain(r.first_name);
      }
    }
    expect(seen.size).toBe(995);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const statusTotal = files.filter((f) => f.startsWith('status-')).reduce((sum, f) => sum + records(path.join(listDir, f)).length, 0);
    expect(statusTotal).toBe(995);
  }, 60_000);
});
