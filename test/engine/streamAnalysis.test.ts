/**
 * The analyses over time on a folded stream (engine/streamAnalysis.ts): cohorts read from the
 * per-customer-day ledger and a migration whose earlier run is a second read equal what analyze()
 * gives on the same rows as one table. The rows are hand-made to hold what the ledger merges: a
 * return on a purchase day, a day of returns only, a zero-amount return and a zero-amount purchase.
 */
import * as fs from 'fs';
import { analyze, analyzeStream, modelCheck, TransactionStream } from '../../src/engine';
import type { AnalysisOptions, DayColumns, InputTable, StreamResult } from '../../src/engine';
import { requireSharedData } from '../support/sharedData';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

// a: first bought 2024-01-05 (returned part the same day), then only a return on 02-03, then a
// free item (amount 0, quantity 1) on 03-10: a purchase. b: bought 01-20 and 03-02; a zero-amount
// return (quantity -1) on 02-11 is no purchase. c: first bought 02-14, again 02-28.
// Gregorian cohorts (purchase months): a {Jan, Mar}, b {Jan, Mar}, c {Feb}:
//   2024-01: 2 customers, active [2, 0, 2]; 2024-02: 1 customer, active [1, 0].
const table: InputTable = {
  header: ['customer', 'date', 'quantity', 'amount'],
  rows: [
    ['a', '2024-01-05', '2', '20'], ['a', '2024-01-05', '-1', '-10'], ['b', '2024-01-20', '1', '15'],
    ['a', '2024-02-03', '-1', '-10'], ['b', '2024-02-11', '-1', '0'], ['c', '2024-02-14', '3', '30'],
    ['c', '2024-02-28', '1', '5'], ['b', '2024-03-02', '1', '12'], ['a', '2024-03-10', '1', '0'],
  ],
};

/** The table folded two rows at a time, as a host streaming it would. */
function streamOf(options: AnalysisOptions): StreamResult {
  const stream = new TransactionStream({ ...table, rows: table.rows.slice(0, 2) }, options);
  for (let i = 0; i < table.rows.length; i += 2) stream.add(table.rows.slice(i, i + 2), 2 + i);
  const end = stream.finish();
  if ('redo' in end) throw new Error('unexpected second pass');
  return end.result;
}

const base: AnalysisOptions = { clusters: 'off', model: 'off', analysisDate: day('2024-04-01') };

describe('cohorts on a stream', () => {
  it('come from the per-customer-day ledger even with the models off, equal to the whole table\'s', async () => {
    const options = { ...base, cohorts: true };
    const streamed = await analyzeStream(streamOf(options), options);
    expect(streamed.cohorts).toEqual([
      { cohort: '2024-01', customers: 2, active: [2, 0, 2] },
      { cohort: '2024-02', customers: 1, active: [1, 0] },
    ]);
    const whole = analyze(table, options);
    expect(streamed.cohorts).toEqual(whole.cohorts);
    expect(streamed.cohortsJalali).toEqual(whole.cohortsJalali);
  });

  it('are left out with a note when the ledger outgrew its limit', async () => {
    const options = { ...base, cohorts: true };
    const overflowed: StreamResult = { ...streamOf(options), modelLines: undefined, modelLinesOverflowed: true };
    const streamed = await analyzeStream(overflowed, options);
    expect(streamed.cohorts).toBeUndefined();
    expect(streamed.notes?.map((n) => n.key)).toContain('engine.note.cohortsTooManyDays');
  });
});

describe('a migration on a stream', () => {
  it('reads the input again with the earlier run\'s options and equals the whole table\'s', async () => {
    const options = { ...base, compareTo: day('2024-02-15') };
    const asked: AnalysisOptions[] = [];
    const streamed = await analyzeStream(streamOf(options), options, undefined, async (earlier) => {
      asked.push(earlier);
      return streamOf(earlier);
    });
    expect(asked).toEqual([{ ...options, analysisDate: day('2024-02-15'), compareTo: undefined, cohorts: false, clusters: 'off', model: 'off' }]);
    const whole = analyze(table, options);
    expect(streamed.migration).toEqual(whole.migration);
    expect(streamed.customers.map((c) => c.previousSegment)).toEqual(whole.customers.map((c) => c.previousSegment));
    // a and b bought before 02-15, c first on 02-14 too: nobody is new
    expect(streamed.migration?.newCustomers).toBe(0);
  });

  it('checks the comparison date before reading again', async () => {
    const options = { ...base, compareTo: day('2024-01-05') };
    const reread = jest.fn(async (earlier: AnalysisOptions) => streamOf(earlier));
    await expect(analyzeStream(streamOf(options), options, undefined, reread)).rejects.toMatchObject({ key: 'engine.error.compareToRange' });
    expect(reread).not.toHaveBeenCalled();
  });
});

describe('the model check beside the pipeline', () => {
  // The R package's sample orders (995 customers over two years): long enough for the check.
  const rows = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const orders: InputTable = { header: rows[0], rows: rows.slice(1) };
  const options: AnalysisOptions = { clusters: 'off', churnHorizonDays: 180 };

  function ordersStream(): StreamResult {
    const stream = new TransactionStream({ ...orders, rows: orders.rows.slice(0, 500) }, options);
    for (let i = 0; i < orders.rows.length; i += 1000) stream.add(orders.rows.slice(i, i + 1000), 2 + i);
    const end = stream.finish();
    if ('redo' in end) throw new Error('unexpected second pass');
    return end.result;
  }

  it('is put in place of the one the pipeline skips, and a failed thread falls back to making it in line', async () => {
    const inLine = await analyzeStream(ordersStream(), options);
    const asked: { analysisDate: number; options: AnalysisOptions }[] = [];
    const beside = async (lines: DayColumns, analysisDate: number, given: AnalysisOptions) => {
      asked.push({ analysisDate, options: given });
      return modelCheck(lines, analysisDate, given);
    };
    const threaded = await analyzeStream(ordersStream(), options, undefined, undefined, beside);
    // the day after the last order (2006-12-30), with the user's options as they were
    expect(asked).toEqual([{ analysisDate: day('2006-12-31'), options }]);
    expect(inLine.clv?.status === 'ok' && inLine.clv.backtest?.status).toBe('ok');
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(inLine));
    const failed = await analyzeStream(ordersStream(), options, undefined, undefined, () => Promise.reject(new Error('thread died')));
    expect(JSON.stringify(failed)).toBe(JSON.stringify(inLine));
  });

  it('is not asked for when the user turned it or the models off', async () => {
    const beside = jest.fn(async () => ({ status: 'skipped' as const, key: 'x', reason: 'x' }));
    await analyzeStream(ordersStream(), { ...options, backtest: false }, undefined, undefined, beside);
    await analyzeStream(ordersStream(), { ...options, model: 'off' }, undefined, undefined, beside);
    expect(beside).not.toHaveBeenCalled();
  });
});
