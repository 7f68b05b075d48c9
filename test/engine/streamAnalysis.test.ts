/**
 * The analyses over time on a folded stream (engine/streamAnalysis.ts): cohorts read from the
 * per-customer-day ledger and a migration whose earlier run is a second read equal what analyze()
 * gives on the same rows as one table. The rows are hand-made to hold what the ledger merges: a
 * return on a purchase day, a day of returns only, a zero-amount return and a zero-amount purchase.
 */
import * as fs from 'fs';
import { analyze, analyzeStream, modelCheck, TransactionStream } from '../../src/engine';
import type { AnalysisOptions, ClvReport, DayColumns, InputTable, StreamResult } from '../../src/engine';
import * as backtest from '../../src/engine/clv/backtest';
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

  /** A stand-in for the thread: runs `make` and records the call and any cancel. */
  function fakeThread(make: (lines: DayColumns, analysisDate: number, given: AnalysisOptions) => Promise<ClvReport['backtest']>) {
    const calls: { analysisDate: number; options: AnalysisOptions }[] = [];
    let cancels = 0;
    const beside = (lines: DayColumns, analysisDate: number, given: AnalysisOptions) => {
      calls.push({ analysisDate, options: given });
      const result = make(lines, analysisDate, given);
      result.catch(() => undefined);
      return { result, cancel: () => void cancels++ };
    };
    return { beside, calls, cancels: () => cancels };
  }

  it('is put in place of the one the pipeline skips, and a failed thread falls back to making it in line', async () => {
    const inLine = await analyzeStream(ordersStream(), options);
    const thread = fakeThread(async (lines, analysisDate, given) => modelCheck(lines, analysisDate, given));
    const threaded = await analyzeStream(ordersStream(), options, undefined, undefined, thread.beside);
    // the day after the last order (2006-12-30), with the user's options as they were
    expect(thread.calls).toEqual([{ analysisDate: day('2006-12-31'), options }]);
    expect(inLine.clv?.status === 'ok' && inLine.clv.backtest?.status).toBe('ok');
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(inLine));
    const failed = await analyzeStream(ordersStream(), options, undefined, undefined, fakeThread(() => Promise.reject(new Error('thread died'))).beside);
    expect(JSON.stringify(failed)).toBe(JSON.stringify(inLine));
  });

  it('ends as the in-line stage does when the check throws in the thread and again in line', async () => {
    const spy = jest.spyOn(backtest, 'runBacktest').mockImplementation(() => {
      throw new Error('check broke');
    });
    try {
      const inLine = await analyzeStream(ordersStream(), options);
      expect(inLine.clv).toMatchObject({ status: 'skipped', key: 'predict.reason.failed' });
      const thread = fakeThread(() => Promise.reject(new Error('thread died')));
      const threaded = await analyzeStream(ordersStream(), options, undefined, undefined, thread.beside);
      expect(JSON.stringify(threaded)).toBe(JSON.stringify(inLine));
    } finally {
      spy.mockRestore();
    }
  });

  it('stops the thread when the pipeline throws before using it', async () => {
    // every line a return: customers with returns only are reported, not scored
    const returnsOnly: InputTable = { header: ['customer', 'date', 'amount'], rows: [['a', '2024-01-05', '-10'], ['b', '2024-02-05', '-3']] };
    const stream = new TransactionStream(returnsOnly, options);
    stream.add(returnsOnly.rows, 2);
    const end = stream.finish();
    if ('redo' in end) throw new Error('unexpected second pass');
    const thread = fakeThread(() => new Promise(() => undefined));
    await expect(analyzeStream(end.result, options, undefined, undefined, thread.beside)).rejects.toMatchObject({ key: 'engine.error.noPurchaseReturnsOnly' });
    expect(thread.calls).toHaveLength(1);
    expect(thread.cancels()).toBe(1);
  });

  it('is not asked for when the user turned it or the models off', async () => {
    const beside = jest.fn(() => undefined);
    await analyzeStream(ordersStream(), { ...options, backtest: false }, undefined, undefined, beside);
    await analyzeStream(ordersStream(), { ...options, model: 'off' }, undefined, undefined, beside);
    expect(beside).not.toHaveBeenCalled();
  });
});
