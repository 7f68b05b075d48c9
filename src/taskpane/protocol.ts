/**
 * Messages between the pane and the analysis worker. The table's rows go as packed parts
 * (excel/packedTable.ts) whose buffers are in the transfer list: moved to the worker, not copied.
 * Parts may be sent as they are read, before the run; the rest come with the run. All of them are
 * moved back with the result (write-back reads the customer column again).
 */
import type { AnalysisOptions, Analysis } from '../engine';
import type { WorkbookPlan } from '../report/plan';
import type { Lang } from '../i18n';
import type { CampaignContacts } from '../report/campaignList';
import type { PackedPart, PackedTable } from '../excel/packedTable';

/** Pane → worker. */
export type ToWorker =
  /** The next rows, ahead of the run. */
  | { type: 'part'; part: PackedPart }
  /** The table (its parts not sent before) and the run; without `lang` only the analysis (Refresh builds the plan itself). */
  | { type: 'run'; table: PackedTable; options: AnalysisOptions; lang?: Lang };

/** Worker → pane. */
export type FromWorker =
  /** Posted once when the worker has started. */
  | { type: 'ready' }
  | { type: 'progress'; fraction: number; stage: string }
  /**
   * The analysis, as soon as it is made (the pane takes it in while the worker lays out the plan);
   * for the pane's Analyze without the customers' churn reasons, which only the plan shows.
   */
  | { type: 'analysis'; analysis: Analysis }
  /**
   * Every part of the table handed back; with `lang` (the pane's Analyze) the plan, and the table's
   * contact columns for the "Lists" choice.
   */
  | { type: 'done'; parts: PackedPart[]; plan?: WorkbookPlan; contacts?: CampaignContacts }
  | { type: 'error'; message: string; inputError: boolean; key?: string; params?: Record<string, string | number> };
