/**
 * `rfm analyze` tells the user, one stderr line each, how the input was read (day/month order and
 * why, duplicate headers), the purchase model's notes, and that --lang only changes the .xlsx;
 * --quiet silences them. The JSON carries the notes; an analysis date that cannot be known is null.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { noteLines } from '../../src/cli/main';
import { runCli } from '../support/cli';
import type { Analysis } from '../../src/engine/types';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-notes-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

const run = runCli;

const OFF = ['--model', 'off', '--clusters', 'off'];
const DMY = 'customer,date,amount,amount\nA,25/12/2020,10,1\nB,03/04/2020,20,2\n';

test('notes on stderr, one line each: duplicate header used, then the day/month order and why', async () => {
  const result = await run('analyze', file('dmy.csv', DMY), ...OFF);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe(
    'rfm: note: 2 columns are named "amount" (columns 3 (C), 4 (D)); using column 3 (C)\n' +
    'rfm: note: Dates were read as day/month/year (the data shows it).\n',
  );
});

test('--quiet prints no notes', async () => {
  expect((await run('analyze', file('dmy-quiet.csv', DMY), ...OFF, '--quiet')).stderr).toBe('');
});

test('the JSON carries the notes with their keys', async () => {
  const out = path.join(dir, 'dmy.json');
  expect((await run('analyze', file('dmy-json.csv', DMY), ...OFF, '--out', out)).code).toBe(0);
  const json = JSON.parse(fs.readFileSync(out, 'utf8')) as Analysis;
  expect(json.notes?.map((n) => n.key)).toEqual(['input.note.duplicateHeader', 'input.dayMonthOrder.fromData']);
});

test('--lang fa with CSV or JSON output says that only the .xlsx is translated; the CSV header keeps its English start', async () => {
  const input = file('iso.csv', 'customer,date,amount\nA,2020-01-05,10\nB,2020-01-06,20\n');
  const csv = await run('analyze', input, ...OFF, '--lang', 'fa');
  expect(csv.stderr).toBe('rfm: note: --lang fa only changes the .xlsx workbook; the CSV keeps English names and headers\n');
  expect(csv.stdout.split('\n')[0].startsWith('customer,first_purchase,last_purchase,length_days,recency_days,frequency,monetary,l_score,r_score,f_score,m_score,rfm_code,segment,value_quadrant,loyalty_quadrant,')).toBe(true);
  const json = await run('analyze', input, ...OFF, '--lang', 'fa', '--out', path.join(dir, 'iso.json'));
  expect(json.stderr).toBe('rfm: note: --lang fa only changes the .xlsx workbook; the JSON keeps English names and headers\n');
  expect((await run('analyze', input, ...OFF)).stderr).toBe('');
});

test('customer-level input with recency days only: a note, and the analysis date is null in the JSON', async () => {
  const out = path.join(dir, 'customers.json');
  const input = file('customers.csv', 'customer_id,recency_days,number_of_orders,revenue\na,3,2,10\nb,40,1,5\n');
  const result = await run('analyze', input, ...OFF, '--out', out);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/^rfm: note: No analysis date was given/);
  expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { settings: { analysisDate: unknown } }).settings.analysisDate).toBeNull();
});

test("the purchase model's notes are printed too", () => {
  const analysis = { notes: [], clv: { status: 'ok', notes: ['The modified BG/NBD did not converge; the BG/NBD was used.'] } } as unknown as Analysis;
  expect(noteLines(analysis, { lang: 'en', out: undefined })).toEqual(['The modified BG/NBD did not converge; the BG/NBD was used.']);
});
