/**
 * The analysis worker: receives the packed table (its buffers transferred, not copied), unpacks the
 * rows, runs the engine with progress events, and lays out the workbook plan, all off the pane's UI
 * thread; the table's buffers go back with the result. Bundled by webpack as worker.js.
 */
import { analyze } from '../engine';
import { buildWorkbookPlan } from '../report/build';
import { inputTable, tableBuffers } from '../excel/packedTable';
import { keyOf } from './messages';
import { paneContacts } from './lists';
import { addPaneWallet } from './wallet';
import type { FromWorker, ToWorker } from './protocol';

/** Posts a message, moving the given buffers. */
export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

/** Progress is posted at most every 1% to keep the message queue short. */
function progressPoster(post: Post) {
  let last = -1;
  return (fraction: number, stage: string) => {
    const step = Math.floor(fraction * 100);
    if (step === last) return;
    last = step;
    post({ type: 'progress', fraction, stage });
  };
}

/**
 * Handles the pane's message: analyses the table, answers with the result or the error.
 * @param message the run
 * @param post how to answer
 */
export function handleMessage(message: ToWorker, post: Post): void {
  try {
    const table = inputTable(message.table);
    const analysis = analyze(table, message.options, progressPoster(post));
    addPaneWallet(table, analysis);
    const back = tableBuffers(message.table);
    if (!message.lang) return post({ type: 'done', analysis, table: message.table }, back);
    post({ type: 'progress', fraction: 1, stage: 'planning' });
    const plan = buildWorkbookPlan(analysis, { lang: message.lang });
    post({ type: 'done', analysis, table: message.table, plan, contacts: paneContacts(table, analysis) }, back);
  } catch (error) {
    const err = error as Error;
    post({ type: 'error', message: err.message || String(error), inputError: err.name === 'InputError', ...keyOf(error) });
  }
}

declare const self: { onmessage: ((event: { data: ToWorker }) => void) | null; postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void };
if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  self.onmessage = (event) => handleMessage(event.data, (m, transfer) => self.postMessage(m, transfer ?? []));
}
