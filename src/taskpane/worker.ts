/**
 * The analysis worker: receives the table's packed parts (their buffers transferred, not copied),
 * unpacks each as it arrives, runs the engine with progress events, and lays out the workbook plan,
 * all off the pane's UI thread. The analysis is posted as soon as it is made, so that the pane takes
 * it in (a structured clone) while the plan is laid out; the plan and the parts follow. Bundled by
 * webpack as worker.js.
 */
import { analyze } from '../engine';
import { buildWorkbookPlan } from '../report/build';
import { RowUnpacker, partBuffers, tableWithRows, type PackedPart } from '../excel/packedTable';
import { keyOf } from './messages';
import { paneContacts } from './lists';
import { addPaneWallet } from './wallet';
import type { FromWorker, ToWorker } from './protocol';

/** Posts a message, moving the given buffers. */
export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

/** The parts received ahead of the run, their rows, and the error of one that could not be unpacked. */
let received: { parts: PackedPart[]; rows: RowUnpacker; failure?: unknown } = { parts: [], rows: new RowUnpacker() };

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
 * Handles one message from the pane: a part is unpacked and kept; the run analyses every row
 * received, answers with the result or the error, and forgets them.
 * @param message the message
 * @param post how to answer
 */
export function handleMessage(message: ToWorker, post: Post): void {
  if (message.type === 'part') {
    received.parts.push(message.part);
    try {
      if (received.failure === undefined) received.rows.add(message.part);
    } catch (error) {
      received.failure = error;
    }
    return;
  }
  const { parts, rows, failure } = received;
  received = { parts: [], rows: new RowUnpacker() };
  try {
    if (failure !== undefined) throw failure;
    for (const part of message.table.parts) {
      parts.push(part);
      rows.add(part);
    }
    const table = tableWithRows(message.table, rows.rows);
    const analysis = analyze(table, message.options, progressPoster(post));
    addPaneWallet(table, analysis);
    if (message.lang) post({ type: 'progress', fraction: 1, stage: 'planning' });
    post({ type: 'analysis', analysis });
    const back = partBuffers(parts);
    if (!message.lang) return post({ type: 'done', parts }, back);
    const plan = buildWorkbookPlan(analysis, { lang: message.lang });
    post({ type: 'done', parts, plan, contacts: paneContacts(table, analysis) }, back);
  } catch (error) {
    const err = error as Error;
    post({ type: 'error', message: err.message || String(error), inputError: err.name === 'InputError', ...keyOf(error) });
  }
}

declare const self: { onmessage: ((event: { data: ToWorker }) => void) | null; postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void };
if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  self.onmessage = (event) => handleMessage(event.data, (m, transfer) => self.postMessage(m, transfer ?? []));
  self.postMessage({ type: 'ready' });
}
