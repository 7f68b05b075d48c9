/**
 * =RFM.MIGRATION on the R package's orders (rfm_data_orders.csv), compared with 2006-07-01,
 * analysis date 2006-12-31: every cell equals a count made here from two separate CLI runs' CSVs
 * (one at 2006-07-01, one at 2006-12-31), pairing customers by id; customers missing from the
 * earlier run are the "New" row.
 */
import * as fs from 'fs';
import { migration } from '../../src/functions/functions';
import { migrationNow } from '../../src/functions/heavy';
import { main } from '../../src/cli/main';
import { parseDelimitedText } from '../../src/cli/textTable';
import { defaultSegmentRules } from '../../src/engine/segments';
import { requireSharedData } from '../support/sharedData';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

jest.setTimeout(120_000);
beforeAll(() => installCustomFunctionsStub());

const ORDERS = requireSharedData('rfm-r/rfm_data_orders.csv');
const EXCEL_EPOCH_DAYS = 25569; // serial of 1970-01-01

/** ISO date → Excel serial, by calendar arithmetic independent of the engine. */
function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + EXCEL_EPOCH_DAYS;
}

const rows = fs.readFileSync(ORDERS, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
const customers = rows.map((r) => [r[0]]);
const dates = rows.map((r) => [serialOf(r[1])]);
const amounts = rows.map((r) => [Number(r[2])]);

/** customer → segment of `rfm analyze ORDERS --analysis-date DATE` (CSV to stdout, in-process). */
async function segmentsAt(date: string): Promise<Map<string, string>> {
  let stdout = '';
  const code = await main(['analyze', ORDERS, '--analysis-date', date, '--model', 'off', '--clusters', 'off', '--quiet'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { isTTY: false, write: () => undefined },
  });
  expect(code).toBe(0);
  const csv = parseDelimitedText(stdout, { header: true });
  const id = csv.header.indexOf('customer');
  const segment = csv.header.indexOf('segment');
  return new Map(csv.rows.map((r) => [String(r[id]), String(r[segment])]));
}

test('the matrix equals the counts of two separate runs, paired by customer', async () => {
  const [before, now] = await Promise.all([segmentsAt('2006-07-01'), segmentsAt('2006-12-31')]);
  const names = [...defaultSegmentRules().map((r) => r.name), 'Others'];
  const expected = [...names, 'New'].map(() => names.map(() => 0));
  for (const [id, segment] of now) {
    const from = before.has(id) ? names.indexOf(before.get(id)!) : names.length;
    expected[from][names.indexOf(segment)]++;
  }
  const spill = migrationNow(customers, dates, amounts, '2006-07-01', serialOf('2006-12-31'));
  expect(spill[0]).toEqual(['Before → now', ...names]);
  expect(spill.slice(1).map((r) => r[0])).toEqual([...names, 'New']);
  expect(spill.slice(1).map((r) => r.slice(1))).toEqual(expected);
  // every customer of the later run counted once: 995 in the package's documentation
  expect(spill.slice(1).flatMap((r) => r.slice(1) as number[]).reduce((a, b) => a + b, 0)).toBe(995);
  // the same with the compare date as an Excel date and as Jalali text (1385/04/10 = 2006-07-01)
  expect(migrationNow(customers, dates, amounts, serialOf('2006-07-01'), '2006-12-31')).toEqual(spill);
  expect(migrationNow(customers, dates, amounts, '1385/04/10', '2006-12-31')).toEqual(spill);
  // the registered function posts the job off the shared runtime's thread and gives the same matrix
  expect(await migration(customers, dates, amounts, '2006-07-01', serialOf('2006-12-31'))).toEqual(spill);
});

test('compare_date is required, must be a date, and must lie between the first purchase and the analysis date', async () => {
  expect(errorOf(migrationNow(customers, dates, amounts, '', '2006-12-31'))).toEqual({ code: '#VALUE!', message: 'compare_date: is required' });
  expect(errorOf(migrationNow(customers, dates, amounts, 'soon', '2006-12-31'))).toEqual({ code: '#VALUE!', message: 'compare_date: is not an Excel date (got soon)' });
  expect(errorOf(migrationNow(customers, dates, amounts, '2007-01-01', '2006-12-31'))).toEqual({
    code: '#VALUE!', message: 'The comparison date (2007-01-01) must be after the first purchase and before the analysis date.',
  });
  expect(errorOf(migrationNow(customers, dates, amounts, '2006-07-01', '2006-12-31', 11))?.message).toBe('bins: must be from 2 to 10 (got 11)');
  expect(errorOf(await migration(customers, dates, amounts, '', '2006-12-31'))?.message).toBe('compare_date: is required');
});
