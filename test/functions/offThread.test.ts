/**
 * RFM.CUSTOMERTABLE and RFM.FIT run off the shared runtime's thread (offThread.ts): the registered functions
 * return Promises, post their job to the functions' worker, and give the same matrix as the
 * synchronous computation; error values survive the trip; a worker that fails falls back to here.
 */
import { fit, table } from '../../src/functions/functions';
import { fitNow, tableNow } from '../../src/functions/heavy';
import { type HeavyJob, type WorkerLike, answerJob, setWorkerFactory } from '../../src/functions/offThread';
import { StubError, installCustomFunctionsStub } from './support/customFunctionsStub';

beforeAll(installCustomFunctionsStub);
afterEach(() => setWorkerFactory(() => null));

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
const ids = column(['a', 'a', 'b', 'c', 'c']);
const days = column([43831, 43841, 43851, 43836, 43861]);
const money = column([10, 30, 25, 40, -5]);

/** A stand-in worker that answers with the worker's own code, after a turn of the event loop. */
function fakeWorker(jobs: HeavyJob[], fail = false): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(job) {
      jobs.push(JSON.parse(JSON.stringify(job)) as HeavyJob);
      setTimeout(() => (fail ? w.onerror?.({}) : w.onmessage?.({ data: answerJob(JSON.parse(JSON.stringify(job)) as HeavyJob) })), 0);
    },
  };
  return w;
}

describe('heavy functions off the main thread', () => {
  it('returns a Promise with the synchronous result where no worker exists', async () => {
    setWorkerFactory(() => null);
    const pending = table(ids, days, money, 43900);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual(tableNow(ids, days, money, 43900));
  });

  it('posts TABLE and FIT to the worker and gives back the same matrices', async () => {
    const jobs: HeavyJob[] = [];
    setWorkerFactory(() => fakeWorker(jobs));
    const x = column([0, 1, 3, 2, 0, 5]);
    const tx = column([0, 10, 30, 20, 0, 40]);
    const T = column([52, 50, 45, 40, 38, 52]);
    const [t, f] = await Promise.all([table(ids, days, money, 43900), fit(x, tx, T)]);
    expect(jobs.map((j) => j.name)).toEqual(['table', 'fit']);
    expect(jobs[0].args[3]).toBe(43900);
    expect(t).toEqual(tableNow(ids, days, money, 43900));
    expect(f).toEqual(fitNow(x, tx, T));
  });

  it('error values come back as Excel errors, and error cells go over as plain values', async () => {
    const jobs: HeavyJob[] = [];
    setWorkerFactory(() => fakeWorker(jobs));
    const result = await table(ids, days, money, undefined, 12);
    expect(result[0][0]).toBeInstanceOf(StubError);
    expect((result[0][0] as StubError).message).toContain('bins:');
    await table(column(['a', new StubError('#N/A', 'x')]), column([43831, 43832]), column([1, 2]));
    expect(jobs[1].args[0]).toEqual([['a'], [{ code: '#N/A', message: 'x' }]]);
  });

  it('computes here when the worker fails', async () => {
    setWorkerFactory(() => fakeWorker([], true));
    expect(await table(ids, days, money)).toEqual(tableNow(ids, days, money));
  });
});
