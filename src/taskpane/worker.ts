/**
 * The analysis worker: receives the table's packed parts (their buffers transferred, not copied),
 * unpacks each as it arrives, runs the engine with progress events, and lays out the workbook plan,
 * all off the pane's UI thread. The unpacked rows are let go once normalised (with the wallet and
 * contact columns folded), so the collector does not trace a million row arrays through the run.
 * The analysis is posted as soon as it is made, so that the pane takes it in (a structured clone)
 * while the plan is laid out; the plan and the parts follow. Bundled by webpack as worker.js.
 */
import { analyzePrepared, readRows, type Analysis, type Cell, type PreparedInput, type ProgressFn } from '../engine';
import { buildWorkbookPlan } from '../report/build';
import { RowUnpacker, partBuffers, tableWithRows, type PackedPart } from '../excel/packedTable';
import { keyOf } from './messages';
import { NO_CONTACTS, paneContacts } from './lists';
import { addPaneWallet, paneWallet, type PaneWallet } from './wallet';
import type { CampaignContacts } from '../report/campaignList';
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
 * Posts the analysis as the pane's Analyze takes it: each customer's churn reason left out (the
 * field is undefined in the pane's copy). The reasons reach the pane in the plan's customer sheet,
 * laid out here; the pane itself never reads them (its summary, lists and write-back do not), and
 * they are over a third of the analysis' clone. postMessage clones the message before it returns
 * (HTML, "StructuredSerializeWithTransfer" in postMessage), so the reasons are put back at once.
 * Refresh (no `lang`) builds its plan from the analysis it gets, so it gets them: see handleMessage.
 * @param analysis the analysis (as it was when this returns)
 * @param post how to answer
 */
export function postWithoutChurnReasons(analysis: Analysis, post: Post): void {
  // only the customers that have the field (a run without the purchase models gives none)
  const holders = analysis.customers.filter((c) => c.churnReason !== undefined);
  const reasons = holders.map((c) => c.churnReason);
  for (const c of holders) c.churnReason = undefined;
  try {
    post({ type: 'analysis', analysis });
  } finally {
    for (let i = 0; i < holders.length; i++) holders[i].churnReason = reasons[i];
  }
}

/** What a run reads of its table's rows: the normalised input, and the wallet and contact columns. */
interface ReadTable {
  input: PreparedInput;
  wallet?: PaneWallet;
  contacts: CampaignContacts;
}

/**
 * Reads the run's rows: checks the options and normalises the rows (readRows, as analyze does),
 * and folds the wallet and contact columns, the only other reads of them; afterwards the rows can go.
 * @param message the run (its table's header and fields, and the options)
 * @param rows every row of the table
 * @param progress told 'reading' before the rows are read
 */
function readTable(message: Extract<ToWorker, { type: 'run' }>, rows: Cell[][], progress: ProgressFn): ReadTable {
  const table = tableWithRows(message.table, rows);
  const input = readRows(table, message.options, progress);
  return { input, wallet: paneWallet(table, input.columns), contacts: message.lang ? paneContacts(table, input.columns) : NO_CONTACTS };
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
    const progress = progressPoster(post);
    const read = readTable(message, rows.rows, progress);
    // the rows' last reference: the analysis traces none of them (the prepared input holds none)
    rows.rows.length = 0;
    const analysis = analyzePrepared(read.input, message.options, progress);
    addPaneWallet(read.wallet, analysis);
    const back = partBuffers(parts);
    if (!message.lang) {
      post({ type: 'analysis', analysis });
      return post({ type: 'done', parts }, back);
    }
    post({ type: 'progress', fraction: 1, stage: 'planning' });
    postWithoutChurnReasons(analysis, post);
    const plan = buildWorkbookPlan(analysis, { lang: message.lang });
    post({ type: 'done', parts, plan, contacts: read.contacts }, back);
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
