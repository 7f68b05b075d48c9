/**
 * Runs an analysis in the Web Worker with progress and cancel. Cancel terminates the worker, so
 * nothing of the run survives; a new worker is started for the next run.
 */
import type { Analysis, AnalysisOptions, InputTable } from '../engine/types';
import type { WorkbookPlan } from '../report/plan';
import type { Lang } from '../i18n';
import { tableMessages, type FromWorker } from './protocol';

/** Thrown (rejected) when the user cancels. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** An error from the engine, with whether it is the user's input (InputError). */
export class WorkerError extends Error {
  constructor(message: string, readonly inputError: boolean) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** A running analysis. */
export interface Run {
  result: Promise<{ analysis: Analysis; plan: WorkbookPlan }>;
  cancel(): void;
}

/** Lets the UI breathe between posting chunks. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Starts the engine in a new worker.
 * @param workerUrl URL of worker.js
 * @param table the input
 * @param options analysis options
 * @param lang output language of the plan
 * @param onProgress fraction 0..1 and stage name
 * @returns the run: its result and a cancel function
 */
export function runInWorker(workerUrl: string, table: InputTable, options: AnalysisOptions, lang: Lang, onProgress: (fraction: number, stage: string) => void): Run {
  const worker = new Worker(workerUrl);
  let settle: { reject: (e: Error) => void } | undefined;
  let cancelled = false;
  const result = new Promise<{ analysis: Analysis; plan: WorkbookPlan }>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.fraction, message.stage);
      else {
        worker.terminate();
        if (message.type === 'done') resolve({ analysis: message.analysis, plan: message.plan });
        else reject(new WorkerError(message.message, message.inputError));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new WorkerError(event.message || 'worker failed', false));
    };
  });
  void (async () => {
    for (const message of tableMessages(table)) {
      if (cancelled) return;
      worker.postMessage(message);
      await yieldToUi();
    }
    if (!cancelled) worker.postMessage({ type: 'run', options, lang });
  })();
  return {
    result,
    cancel() {
      cancelled = true;
      worker.terminate();
      settle?.reject(new CancelledError());
    },
  };
}
