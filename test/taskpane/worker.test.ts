/**
 * The worker's message handling, in Node: the table arrives in chunks, the engine and the report
 * run, progress is reported, and input errors come back as messages (never a crash).
 */
import { handleMessage } from '../../src/taskpane/worker';
import { ROWS_PER_MESSAGE, tableMessages, type FromWorker } from '../../src/taskpane/protocol';
import type { InputTable } from '../../src/engine/types';

/** Excel serial of 2024-01-01 plus n days. */
const day = (n: number) => 45292 + n;

function runAll(table: InputTable, rowsPerMessage: number, lang?: 'en' | 'fa'): FromWorker[] {
  const out: FromWorker[] = [];
  for (const message of tableMessages(table, rowsPerMessage)) handleMessage(message, (m) => out.push(m));
  handleMessage({ type: 'run', options: { analysisDate: 19_730 }, lang }, (m) => out.push(m));
  return out;
}

describe('tableMessages', () => {
  test('splits rows into chunks after one begin message', () => {
    const table: InputTable = { header: ['a'], rows: Array.from({ length: 5 }, (_, i) => [i]), firstRowNumber: 4, dateFormattedColumns: [false] };
    const messages = tableMessages(table, 2);
    expect(messages.map((m) => m.type)).toEqual(['begin', 'rows', 'rows', 'rows']);
    expect(messages[0]).toEqual({ type: 'begin', header: ['a'], firstRowNumber: 4, dateFormattedColumns: [false] });
    expect(messages.slice(1).map((m) => (m.type === 'rows' ? m.rows.length : 0))).toEqual([2, 2, 1]);
  });

  test('by default, a large table goes in several chunks of at most ROWS_PER_MESSAGE rows that add up to every row in order', () => {
    const rows = Array.from({ length: 120_001 }, (_, i) => [i]);
    const messages = tableMessages({ header: ['a'], rows });
    const chunks = messages.flatMap((m) => (m.type === 'rows' ? [m.rows] : []));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length <= ROWS_PER_MESSAGE)).toBe(true);
    expect(chunks.flat()).toEqual(rows);
  });
});

describe('handleMessage', () => {
  // Hand-computed: 2024-01-01 is day number 19723 (54 years × 365 + 13 leap days), so the analysis
  // date 19730 is 2024-01-08, 7 days later. a bought on days 0 and 5 (10 + 20), b on day 2 (30):
  // recency a = 7 - 5 = 2 days, b = 7 - 2 = 5 days.
  const table: InputTable = {
    header: ['Customer', 'Date', 'Amount'],
    rows: [['a', day(0), 10], ['b', day(2), 30], ['a', day(5), 20]],
    dateFormattedColumns: [false, true, false],
  };

  test('chunked input gives the same analysis as one chunk, with the plan in the asked language', () => {
    const one = runAll(table, 100, 'fa');
    const chunked = runAll(table, 1, 'fa');
    const done = one[one.length - 1];
    expect(done.type).toBe('done');
    expect(chunked[chunked.length - 1]).toEqual(done);
    if (done.type !== 'done') return;
    const byId = Object.fromEntries(done.analysis.customers.map((c) => [c.id, [c.recencyDays, c.frequency, c.monetary]]));
    expect(byId).toEqual({ a: [2, 2, 30], b: [5, 1, 30] });
    expect(done.plan?.lang).toBe('fa');
    expect(one.some((m) => m.type === 'progress')).toBe(true);
  });

  test('without a language the worker only analyses (Refresh builds the plan)', () => {
    const out = runAll(table, 100);
    const done = out[out.length - 1];
    expect(done.type === 'done' && done.plan).toBeUndefined();
  });

  test('bad input comes back as an input error message', () => {
    const out = runAll({ header: ['Customer', 'Date', 'Amount'], rows: [['a', 'someday', 10]] }, 100, 'en');
    const last = out[out.length - 1];
    expect(last.type).toBe('error');
    if (last.type === 'error') {
      expect(last.inputError).toBe(true);
      expect(last.message).toMatch(/row 2/);
    }
  });
});
