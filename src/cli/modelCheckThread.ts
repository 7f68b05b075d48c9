/**
 * The model check (issue 10's backtest) on a second thread: on a default run it is about a third
 * of the model stage, and it needs nothing the rest of the stage computes, so on a machine with two
 * cores it overlaps the main fit, the forecasts and the outputs. The result is the same: the same
 * function on the same data (structured clone keeps every number as it is).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ClvReport, ModelCheckBeside, ModelCheckThread } from '../engine';

/** The compiled worker beside this file (dist/node/cli). */
const WORKER_FILE = path.join(__dirname, 'modelCheckWorker.js');

/**
 * Customer-days above which the check stays in line: the thread gets its own copy of the day
 * columns (31 bytes a customer-day, plus the ids: about 125 MB here) and builds its own histories.
 */
export const MAX_THREAD_DAYS = 4_000_000;

/**
 * Starts the model check on a worker thread, or undefined where the compiled worker is not there
 * (the CLI run from its TypeScript sources, as in the unit tests): the check then runs in line.
 * @returns the function analyzeStream calls with the lines, or undefined
 */
export function modelCheckThread(): ModelCheckBeside | undefined {
  if (!fs.existsSync(WORKER_FILE)) return undefined;
  return (lines, analysisDate, options) => (lines.rows > MAX_THREAD_DAYS ? undefined : startWorker({ lines, analysisDate, options }));
}

/** The worker with its data; its one message is the result. */
function startWorker(workerData: unknown): ModelCheckThread {
  let worker: Worker | undefined;
  const result = new Promise<ClvReport['backtest']>((resolve, reject) => {
    worker = new Worker(WORKER_FILE, { workerData });
    worker.once('message', (message: ClvReport['backtest']) => {
      resolve(message);
      void worker?.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the model check's thread ended (exit code ${code}) without a result`)));
  });
  // whoever does not await it (a cancelled check) must not leave an unhandled rejection
  result.catch(() => undefined);
  return { result, cancel: () => void worker?.terminate() };
}
