/**
 * Runs an analysis in the Web Worker with progress and cancel. Cancel terminates the worker, so
 * nothing of the run survives; a new worker is started for each run. The packed table's buffers are
 * transferred to the worker (no copy: the pane's views are empty meanwhile) and come back with the
 * result, into the same PackedTable object; after a failure or Cancel they are gone.
 */
import type { Analysis, AnalysisOptions, ProgressFn } from '../engine';
import { tableBuffers, type PackedTable } from '../excel/packedTable';
import type { WorkbookPlan } from '../report/plan';
import type { Lang } from '../i18n';
import type { FromWorker, ToWorker } from './protocol';
import type { CampaignContacts } from '../report/campaignList';

/** Thrown (rejected) when the user cancels. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** An error from the engine, with whether it is the user's input (InputError) and its string key. */
export class WorkerError extends Error {
  constructor(message: string, readonly inputError: boolean, readonly key?: string, readonly params?: Record<string, string | number>) {
    super(message);
    this.name = inputError ? 'InputError' : 'WorkerError';
  }
}

/** A running analysis. */
export interface Run<R> {
  result: Promise<R>;
  cancel(): void;
}

function start<R>(workerUrl: string, table: PackedTable, options: AnalysisOptions, lang: Lang | undefined, onProgress: ProgressFn, pick: (message: Extract<FromWorker, { type: 'done' }>) => R): Run<R> {
  const worker = new Worker(workerUrl);
  let rejectRun: ((e: Error) => void) | undefined;
  const result = new Promise<R>((resolve, reject) => {
    rejectRun = reject;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.fraction, message.stage);
      worker.terminate();
      if (message.type === 'done') {
        table.columns = message.table.columns;
        resolve(pick(message));
      } else reject(new WorkerError(message.message, message.inputError, message.key, message.params));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new WorkerError(event.message || 'the analysis worker failed', false));
    };
  });
  const run: ToWorker = { type: 'run', table, options, lang };
  worker.postMessage(run, tableBuffers(table));
  return {
    result,
    cancel() {
      worker.terminate();
      rejectRun?.(new CancelledError());
    },
  };
}

/**
 * Starts the engine and the report layout in a new worker.
 * @param workerUrl URL of worker.js
 * @param table the input (its buffers are the worker's until the result)
 * @param options analysis options
 * @param lang output language of the plan
 * @param onProgress fraction 0..1 and stage name
 * @returns the run: its result (analysis, plan and the table's contact columns) and a cancel function
 */
export function runInWorker(workerUrl: string, table: PackedTable, options: AnalysisOptions, lang: Lang, onProgress: ProgressFn): Run<{ analysis: Analysis; plan: WorkbookPlan; contacts?: CampaignContacts }> {
  return start(workerUrl, table, options, lang, onProgress, (m) => ({ analysis: m.analysis, plan: m.plan as WorkbookPlan, contacts: m.contacts }));
}

/**
 * The engine's `analyze` run in a worker, in the shape src/excel's Refresh accepts
 * (`RefreshDeps.analyze`), so the ribbon's Refresh keeps the page responsive too.
 * @param workerUrl URL of worker.js
 * @returns an analyze function returning a promise
 */
export function workerAnalyze(workerUrl: string): (table: PackedTable, options: AnalysisOptions, onProgress?: ProgressFn) => Promise<Analysis> {
  return (table, options, onProgress) => start(workerUrl, table, options, undefined, onProgress ?? (() => undefined), (m) => m.analysis).result;
}
