/**
 * The installed command: bin/rfm.js → dist/node/cli/main.js, as a child process. The build is
 * refreshed first when any compiled source is newer than dist (under CI `npm ci` has built it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireSharedData } from '../support/sharedData';
import { ABBEY } from '../support/rfmPackage';
import { runCli } from '../support/cli';

// Whole analyses of real files (clusters and purchase models included) on a shared 2-core machine.
jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'rfm.js');
const DIST_MAIN = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');

/** Newest modification time of the .ts files below a folder. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  const sources = Math.max(...['engine', 'report', 'cli', 'i18n'].map((d) => newestSource(path.join(ROOT, 'src', d))));
  if (!fs.existsSync(DIST_MAIN) || fs.statSync(DIST_MAIN).mtimeMs < sources) {
    // tsc emits even when another part has a type error; the typecheck step reports those.
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'ignore' });
  }
}, 300_000);

function rfm(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('bin/rfm.js', () => {
  it('scores the R sample orders as the package documents', () => {
    const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
    const result = rfm('analyze', orders, '--analysis-date', '2006-12-31', '--model', 'off', '--clusters', 'off');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const abbey = result.stdout.split('\n').find((line) => line.startsWith("Abbey O'Reilly,"));
    expect(abbey?.split(',').slice(4, 7).concat(abbey.split(',')[11])).toEqual(ABBEY.slice(1).map(String));
  });

  it('makes the model check on its own thread with the same result as in line', async () => {
    // The installed command finds dist/node/cli/modelCheckWorker.js and runs the check there;
    // main() run from the TypeScript sources (runCli) has no compiled worker and runs it in line.
    expect(fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'modelCheckWorker.js'))).toBe(true);
    const orders = requireSharedData('rfm-r/rfm_data_orders.csv');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-bin-'));
    try {
      const threaded = path.join(dir, 'threaded.json');
      const inLine = path.join(dir, 'in-line.json');
      const args = ['analyze', orders, '--clusters', 'off', '--churn-horizon-days', '180', '-q'];
      expect(rfm(...args, '--out', threaded).status).toBe(0);
      expect((await runCli(...args, '--out', inLine)).code).toBe(0);
      // customers who bought on or before the calibration end (the last order day − 180), counted here
      const rows = fs.readFileSync(orders, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
      const lastDay = rows.reduce((latest, r) => (r[1] > latest ? r[1] : latest), '');
      const calibrationEnd = new Date(Date.parse(`${lastDay}T00:00:00Z`) - 180 * 86_400_000).toISOString().slice(0, 10);
      const before = new Set(rows.filter((r) => r[1] <= calibrationEnd).map((r) => r[0])).size;
      const check = JSON.parse(fs.readFileSync(threaded, 'utf8')).clv.backtest;
      expect(check).toMatchObject({ status: 'ok', horizonDays: 180, customers: before });
      expect(fs.readFileSync(threaded, 'utf8')).toBe(fs.readFileSync(inLine, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the model check on the thread itself, to the same scorecard, and keeps it in line above its day limit', async () => {
    // the compiled modules, as the installed command loads them (the thread needs compiled JS)
    /* eslint-disable @typescript-eslint/no-require-imports */
    const thread = require(path.join(ROOT, 'dist', 'node', 'cli', 'modelCheckThread.js')) as typeof import('../../src/cli/modelCheckThread');
    const engine = require(path.join(ROOT, 'dist', 'node', 'engine', 'index.js')) as typeof import('../../src/engine');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const rows = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
    const options = { churnHorizonDays: 180 };
    const stream = new engine.TransactionStream({ header: rows[0], rows: rows.slice(1, 501) }, options);
    stream.add(rows.slice(1), 2);
    const end = stream.finish();
    if ('redo' in end) throw new Error('unexpected second pass');
    const lines = end.result.modelLines?.();
    if (!lines) throw new Error('no day columns');
    const analysisDate = end.result.customers(options).analysisDate;
    const beside = thread.modelCheckThread();
    const running = beside?.(lines, analysisDate, options);
    expect(running).toBeDefined();
    // resolves (a failed thread would reject), to what the check made here gives
    const fromThread = await running?.result;
    expect(fromThread).toMatchObject({ status: 'ok', horizonDays: 180 });
    expect(fromThread).toEqual(engine.modelCheck(lines, analysisDate, options));
    expect(beside?.({ ...lines, rows: thread.MAX_THREAD_DAYS + 1 }, analysisDate, options)).toBeUndefined();
  });

  it('exits 2 with one line on bad input', () => {
    const result = rfm('analyze', path.join(ROOT, 'no-such-file.csv'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rfm: cannot read .*no such file\n$/);
  });
});
