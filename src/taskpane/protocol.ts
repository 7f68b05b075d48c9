/**
 * Messages between the pane and the analysis worker. The table is streamed in chunks so that no
 * single postMessage has to clone a million rows at once (the pane stays responsive).
 */
import type { AnalysisOptions, Analysis, Cell, InputTable } from '../engine';
import type { WorkbookPlan } from '../report/plan';
import type { Lang } from '../i18n';
import type { CampaignContacts } from '../report/campaignList';

/** Pane → worker. */
export type ToWorker =
  | { type: 'begin'; header: string[]; firstRowNumber?: number; dateFormattedColumns?: boolean[] }
  | { type: 'rows'; rows: Cell[][] }
  /** Without `lang` the worker only analyses (Refresh builds the plan itself). */
  | { type: 'run'; options: AnalysisOptions; lang?: Lang };

/** Worker → pane. */
export type FromWorker =
  | { type: 'progress'; fraction: number; stage: string }
  /** With `lang` (the pane's Analyze): the plan, and the table's contact columns for the "Lists" choice. */
  | { type: 'done'; analysis: Analysis; plan?: WorkbookPlan; contacts?: CampaignContacts }
  | { type: 'error'; message: string; inputError: boolean; key?: string; params?: Record<string, string | number> };

/** Rows per 'rows' message. */
export const ROWS_PER_MESSAGE = 50_000;

/**
 * Splits a table into the messages that carry it to the worker.
 * @param table the input table
 * @param rowsPerMessage chunk size
 * @returns 'begin' then one 'rows' message per chunk
 */
export function tableMessages(table: InputTable, rowsPerMessage = ROWS_PER_MESSAGE): ToWorker[] {
  const messages: ToWorker[] = [
    { type: 'begin', header: table.header, firstRowNumber: table.firstRowNumber, dateFormattedColumns: table.dateFormattedColumns },
  ];
  for (let start = 0; start < table.rows.length; start += rowsPerMessage) {
    messages.push({ type: 'rows', rows: table.rows.slice(start, start + rowsPerMessage) });
  }
  return messages;
}
