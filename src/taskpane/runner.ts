/**
 * Runs an analysis in the Web Worker with progress and cancel. Cancel terminates the worker, so
 * nothing of the run survives; a new worker is started for each run, when the pane starts reading
 * (so the worker loads, and unpacks each part, while the rest is read). The table's packed parts are
 * transferred to the worker (no copy: the pane's views are empty meanwhile) and come back with the
 * result, into the same PackedTable object; after a failure or Cancel they are gone.
 */
import type { Analysis, AnalysisOptions, ProgressFn } from '../engine';
import { partBuffers, type PackedPart, type PackedTable } from '../excel/packedTable';
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

/** What the pane's Analyze gets. */
export type PaneResult = { analysis: Analysis; plan: WorkbookPlan; contacts?: CampaignContacts };

/** A worker started before its run: parts of the table can go to it while the rest is read. */
export interface RunFeed<R> {
  /**
   * Sends the next part of the table (its buffers are moved). Until the worker says it is ready,
   * resolves in a new task: a worker starts only when its page gets a turn, and a read over the
   * simulator (whose syncs resolve at once) would otherwise keep the page busy to its end. Rejects
   * once the feed was cancelled or its worker failed, so that the read stops at its next chunk.
   */
  part(part: PackedPart): Promise<void>;
  /** Sends the table's remaining parts and starts the run. */
  start(table: PackedTable, options: AnalysisOptions, lang: Lang | undefined, onProgress: ProgressFn): Run<R>;
  /** Stops the worker (nothing happens when its run has ended). */
  cancel(): void;
}

/** Resolves in a new task (a message to itself: no timer clamping), after the tasks already queued. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** The error of a worker's error event. */
function workerFailure(event: ErrorEvent): WorkerError {
  return new WorkerError(event.message || 'the analysis worker failed', false);
}

/** The worker's answers that make a result: the analysis, then the rest. */
type Done = Extract<FromWorker, { type: 'done' }> & { analysis: Analysis };

function open<R>(workerUrl: string, pick: (message: Done) => R): RunFeed<R> {
  const worker = new Worker(workerUrl);
  let ready = false;
  worker.onmessage = (event: MessageEvent<FromWorker>) => void (ready ||= event.data.type === 'ready');
  // a worker that fails before its run (its script did not load) fails the run when it starts
  let failed: WorkerError | undefined;
  worker.onerror = (event) => void (failed ??= workerFailure(event));
  let cancelled = false;
  let rejectRun: ((e: Error) => void) | undefined;
  const cancel = () => {
    cancelled = true;
    worker.terminate();
    rejectRun?.(new CancelledError());
  };
  return {
    part(part) {
      if (failed || cancelled) return Promise.reject(failed ?? new CancelledError());
      worker.postMessage({ type: 'part', part } satisfies ToWorker, partBuffers([part]));
      return ready ? Promise.resolve() : nextTask();
    },
    start(table, options, lang, onProgress) {
      const result = new Promise<R>((resolve, reject) => {
        rejectRun = reject;
        let analysis: Analysis | undefined;
        worker.onmessage = (event: MessageEvent<FromWorker>) => {
          const message = event.data;
          if (message.type === 'ready') return;
          if (message.type === 'progress') return onProgress(message.fraction, message.stage);
          if (message.type === 'analysis') return void (analysis = message.analysis);
          worker.terminate();
          if (message.type === 'done' && analysis) {
            table.parts = message.parts;
            resolve(pick({ ...message, analysis }));
          } else if (message.type === 'done') reject(new WorkerError('the analysis worker gave no analysis', false));
          else reject(new WorkerError(message.message, message.inputError, message.key, message.params));
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(workerFailure(event));
        };
        if (failed) {
          worker.terminate();
          reject(failed);
        }
      });
      worker.postMessage({ type: 'run', table, options, lang } satisfies ToWorker, partBuffers(table.parts));
      return { result, cancel };
    },
    cancel,
  };
}

/**
 * Starts a worker for the pane's next Analyze: the engine and the report layout.
 * @param workerUrl URL of worker.js
 * @returns the feed: parts as they are read, then the run (analysis, plan and the table's contact columns)
 */
export function openPaneRun(workerUrl: string): RunFeed<PaneResult> {
  return open(workerUrl, (m) => ({ analysis: m.analysis, plan: m.plan as WorkbookPlan, contacts: m.contacts }));
}

/**
 * The engine's `analyze` run in a worker, in the shape src/excel's Refresh accepts
 * (`RefreshDeps.analyze`), so the ribbon's Refresh keeps the page responsive too. The table's parts
 * are the worker's until the analysis resolves.
 * @param workerUrl URL of worker.js
 * @returns an analyze function returning a promise
 */
export function workerAnalyze(workerUrl: string): (table: PackedTable, options: AnalysisOptions, onProgress?: ProgressFn) => Promise<Analysis> {
  return (table, options, onProgress) => open(workerUrl, (m) => m.analysis).start(table, options, undefined, onProgress ?? (() => undefined)).result;
}
