/**
 * Runs RFM.CUSTOMERTABLE and RFM.FIT in a Web Worker of their own (functions-worker.js), off the shared
 * runtime's thread, where the task pane, the ribbon and every other function live: Office may restart
 * an add-in that stays unresponsive for 5 seconds ("Resource limits and performance optimization for
 * Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * and a custom function may return a Promise ("Custom functions ... can be asynchronous",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs).
 * Where no Worker exists (Node, tests) or it cannot start, the job runs here after a turn of the
 * event loop; the result is the same matrix either way.
 */
import { errorCodeOf } from './args';
import { type ExcelErrorCode, excelError } from './errors';
import { HEAVY, type HeavyName } from './heavy';

/** The worker's bundle, beside functions.js in dist/addin (a webpack entry of its own). */
export const FUNCTIONS_WORKER_URL = 'functions-worker.js';

/** Main thread → worker. */
export interface HeavyJob {
  id: number;
  name: HeavyName;
  args: unknown[];
  /** Office's display language, for the messages of error values. */
  displayLanguage: string;
}

/** Worker → main thread. */
export interface HeavyAnswer {
  id: number;
  result: unknown[][];
}

/** The worker as this module uses it (a Web Worker, or a test's stand-in). */
export interface WorkerLike {
  postMessage(message: HeavyJob): void;
  onmessage: ((event: { data: HeavyAnswer }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

interface Pending {
  resolve: (result: unknown[][]) => void;
  inline: () => unknown[][];
}

let worker: WorkerLike | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Makes the worker; replaceable in tests. */
let makeWorker: () => WorkerLike | null = () => {
  // the global is read through globalThis: this module also compiles for Node (tsconfig.cli.json), which has no Web Worker
  const WorkerClass = (globalThis as unknown as { Worker?: new (url: string) => WorkerLike }).Worker;
  return WorkerClass ? new WorkerClass(FUNCTIONS_WORKER_URL) : null;
};

/**
 * Replaces how the worker is made (tests), and forgets the current one.
 * @param factory returns a worker, or null for none
 */
export function setWorkerFactory(factory: () => WorkerLike | null): void {
  makeWorker = factory;
  worker = undefined;
}

function displayLanguage(): string {
  const office = (globalThis as unknown as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const language = office?.context?.displayLanguage;
  return typeof language === 'string' ? language : 'en-US';
}

/** Error cells as plain `{ code, message }`: a CustomFunctions.Error does not survive postMessage. */
function plainCells(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCells);
  const code = errorCodeOf(value);
  return code === undefined ? value : { code, message: String((value as { message?: unknown }).message ?? '') };
}

/** Plain `{ code, message }` cells from the worker become Excel error values again. */
function revive(result: unknown[][]): unknown[][] {
  return result.map((row) => row.map((cell) => {
    const code = errorCodeOf(cell);
    return code === undefined ? cell : excelError(code as ExcelErrorCode, String((cell as { message?: unknown }).message ?? ''));
  }));
}

function started(): WorkerLike | null {
  if (worker !== undefined) return worker;
  try {
    worker = makeWorker();
  } catch {
    worker = null;
  }
  if (worker) {
    worker.onmessage = (event) => {
      const job = pending.get(event.data.id);
      pending.delete(event.data.id);
      job?.resolve(revive(event.data.result));
    };
    worker.onerror = () => {
      // the worker could not load or crashed: what it had not answered runs here instead
      worker = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.resolve(job.inline());
      }
    };
  }
  return worker;
}

/**
 * Runs a heavy function off the main thread where possible.
 * @param name `table` or `fit`
 * @param args the function's arguments as Excel passed them
 * @returns the function's result matrix (error values included)
 */
export function runHeavy(name: HeavyName, args: unknown[]): Promise<unknown[][]> {
  const inline = () => (HEAVY[name] as (...a: unknown[]) => unknown[][])(...args);
  const w = started();
  if (!w) return Promise.resolve().then(inline);
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, { resolve, inline });
    w.postMessage({ id, name, args: args.map(plainCells), displayLanguage: displayLanguage() });
  });
}

/**
 * The worker's side: computes one job (functionsWorker.ts calls it).
 * @param job the job
 * @returns the answer to post back
 */
export function answerJob(job: HeavyJob): HeavyAnswer {
  const scope = globalThis as unknown as { Office?: unknown };
  // messageLang() reads Office.context.displayLanguage; the worker has no Office of its own
  scope.Office = { context: { displayLanguage: job.displayLanguage } };
  const result = (HEAVY[job.name] as (...a: unknown[]) => unknown[][])(...job.args);
  return { id: job.id, result: JSON.parse(JSON.stringify(result)) as unknown[][] };
}
