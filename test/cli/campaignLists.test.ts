/**
 * The campaign lists' figures as a marketer reads them: money at the currency's usual precision
 * (two decimals, none for rial and toman), days and orders whole. The lists are data files for an
 * SMS or email tool, like the customer CSV: in Persian their words are Persian and their numbers
 * stay machine-readable (Latin digits, a `.` decimal point, no separators; docs/cli.md). Expected
 * values are sums and means of the rows below, worked out by hand.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { t } from '../../src/i18n';
import { csvRecords, runCli } from '../support/cli';
import { requireSharedData } from '../support/sharedData';

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-lists-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every list of a folder, as records. */
function listRecords(listDir: string): Record<string, string>[] {
  return fs.readdirSync(listDir).filter((f) => f.startsWith('segment-')).flatMap((f) => csvRecords(fs.readFileSync(path.join(listDir, f), 'utf8')));
}

/** Runs `rfm analyze` on a CSV text with --lists; returns every customer's list row by id. */
async function lists(name: string, csv: string, ...options: string[]): Promise<Map<string, Record<string, string>>> {
  const input = path.join(dir, `${name}.csv`);
  fs.writeFileSync(input, csv);
  const listDir = path.join(dir, name);
  const result = await runCli('analyze', input, '--lists', listDir, '--clusters', 'off', '--model', 'off', '--out', path.join(dir, `${name}-out.csv`), ...options);
  expect(result.code).toBe(0);
  const records = listRecords(listDir);
  const id = Object.keys(records[0])[0];
  return new Map(records.map((r) => [r[id], r]));
}

describe('--lists: money at the currency\'s precision', () => {
  it('dollars (no unit named): two decimals; an average order of 45.50 / 3 is 15.17', async () => {
    const csv = [
      'customer,date,amount,email',
      'a,2024-01-05,10.00,a@example.com', 'a,2024-02-10,15.00,a@example.com', 'a,2024-03-01,20.50,a@example.com',
      'b,2024-01-20,1,b@example.com', 'b,2024-02-20,2,b@example.com', 'b,2024-03-02,2,b@example.com',
      'c,2024-02-14,99.99,c@example.com',
    ].join('\n');
    const rows = await lists('usd', csv, '--analysis-date', '2024-03-31', '--monetary-basis', 'average');
    const monetary = t('en', 'report.list.monetary');
    // a: (10 + 15 + 20.50) / 3 = 15.1666…; b: (1 + 2 + 2) / 3 = 1.666…; c: 99.99 / 1.
    expect([rows.get('a')![monetary], rows.get('b')![monetary], rows.get('c')![monetary]]).toEqual(['15.17', '1.67', '99.99']);
    // a's last order 2024-03-01, 30 days before 2024-03-31; 3 orders.
    expect(rows.get('a')![t('en', 'report.list.recency_days')]).toBe('30');
    expect(rows.get('a')![t('en', 'report.list.frequency')]).toBe('3');
  });

  it('rials in Persian: whole rials, Latin digits, Persian headers; an Iranian mobile in Persian digits becomes 09…', async () => {
    const csv = [
      'مشتری,تاریخ,مبلغ (ریال),موبایل',
      'الف,2024-01-05,1000000,۰۹۱۲۱۲۳۴۵۶۷', 'الف,2024-02-10,2000000,۰۹۱۲۱۲۳۴۵۶۷', 'الف,2024-03-01,2500001,۰۹۱۲۱۲۳۴۵۶۷',
      'ب,2024-03-10,750000,09351112233',
    ].join('\n');
    const rows = await lists('rial', csv, '--analysis-date', '2024-03-31', '--monetary-basis', 'average', '--lang', 'fa');
    const monetary = t('fa', 'report.list.monetary');
    // الف: (1,000,000 + 2,000,000 + 2,500,001) / 3 = 1,833,333.67 rials → 1833334.
    expect(rows.get('الف')![monetary]).toBe('1833334');
    expect(rows.get('ب')![monetary]).toBe('750000');
    expect(rows.get('الف')!['موبایل']).toBe('09121234567');
    // 2024-03-31 − 2024-03-01 = 30 days, written as the customer CSV writes numbers.
    expect(rows.get('الف')![t('fa', 'report.list.recency_days')]).toBe('30');
  });

  it('the R sample: every Monetary is the customer\'s revenue from the raw rows with two decimals; every CLV has two decimals', async () => {
    const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
    const revenue = new Map<string, number>();
    for (const line of fs.readFileSync(orders, 'utf8').trim().split('\n').slice(1)) {
      const [customer, , amount] = line.split(',');
      revenue.set(customer, (revenue.get(customer) ?? 0) + Number(amount));
    }
    const listDir = path.join(dir, 'r');
    const result = await runCli('analyze', orders, '--analysis-date', '2006-12-31', '--lists', listDir, '--clusters', 'off', '--no-backtest', '--out', path.join(dir, 'r.csv'));
    expect(result.code).toBe(0);
    const records = listRecords(listDir);
    expect(records).toHaveLength(revenue.size);
    for (const r of records) {
      expect([r.Customer, r.Monetary]).toEqual([r.Customer, revenue.get(r.Customer)!.toFixed(2)]);
      expect([r.Customer, r['Predicted CLV']]).toEqual([r.Customer, expect.stringMatching(/^\d+\.\d\d$/)]);
    }
  }, 60_000);
});
