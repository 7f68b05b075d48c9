/**
 * Messages between the pane and the analysis worker. The table goes as one message whose packed
 * buffers (excel/packedTable.ts) are in the transfer list: moved to the worker, not copied, and
 * moved back with the result (write-back reads the customer column again).
 */
import type { AnalysisOptions, Analysis } from '../engine';
import type { WorkbookPlan } from '../report/plan';
import type { Lang } from '../i18n';
import type { CampaignContacts } from '../report/campaignList';
import type { PackedTable } from '../excel/packedTable';

/** Pane → worker. Without `lang` the worker only analyses (Refresh builds the plan itself). */
export type ToWorker = { type: 'run'; table: PackedTable; options: AnalysisOptions; lang?: Lang };

/** Worker → pane. */
export type FromWorker =
  | { type: 'progress'; fraction: number; stage: string }
  /**
   * The analysis and the table handed back; with `lang` (the pane's Analyze) the plan, and the
   * table's contact columns for the "Lists" choice.
   */
  | { type: 'done'; analysis: Analysis; table: PackedTable; plan?: WorkbookPlan; contacts?: CampaignContacts }
  | { type: 'error'; message: string; inputError: boolean; key?: string; params?: Record<string, string | number> };
