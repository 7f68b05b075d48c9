/**
 * The analysis worker: receives the table in chunks, runs the engine with progress events, and
 * lays out the workbook plan, all off the pane's UI thread. Bundled by webpack as worker.js.
 */
import { analyze } from '../engine';
import { buildWorkbookPlan } from '../report/build';
import type { Cell, InputTable } from '../engine';
import { keyOf } from './messages';
import { paneContacts } from './lists';
import { addPaneWallet } from './wallet';
import type { FromWorker, ToWorker } from './protocol';

let table: InputTable = { header: [], rows: [] };

/** Progress is posted at most every 1% to keep the message queue short. */
function progressPoster(post: (message: FromWorker) => void) {
  let last = -1;
  return (fraction: number, stage: string) => {
    const step = Math.floor(fraction * 100);
    if (step === last) return;
    last = step;
    post({ type: 'progress', fraction, stage });
  };
}

/**
 * Handles one message from the pane.
 * @param message the message
 * @param post how to answer
 */
export function handleMessage(message: ToWorker, post: (message: FromWorker) => void): void {
  if (message.type === 'begin') {
    table = { header: message.header, rows: [], firstRowNumber: message.firstRowNumber, dateFormattedColumns: message.dateFormattedColumns };
    return;
  }
  if (message.type === 'rows') {
    const rows: Cell[][] = table.rows;
    for (const row of message.rows) rows.push(row);
    return;
  }
  try {
    const analysis = analyze(table, message.options, progressPoster(post));
    addPaneWallet(table, analysis);
    if (!message.lang) return post({ type: 'done', analysis });
    post({ type: 'progress', fraction: 1, stage: 'planning' });
    post({ type: 'done', analysis, plan: buildWorkbookPlan(analysis, { lang: message.lang }), contacts: paneContacts(table, analysis) });
  } catch (error) {
    const err = error as Error;
    post({ type: 'error', message: err.message || String(error), inputError: err.name === 'InputError', ...keyOf(error) });
  } finally {
    table = { header: [], rows: [] };
  }
}

declare const self: { onmessage: ((event: { data: ToWorker }) => void) | null; postMessage(message: FromWorker): void };
if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  self.onmessage = (event) => handleMessage(event.data, (m) => self.postMessage(m));
}
