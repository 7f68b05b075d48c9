/**
 * The pipeline on what a host folded while reading (engine/transactionStream.ts): the same stages
 * as analyze() from the customer table on, and the analyses over time (overTime.ts) as a whole
 * table gets them. The cohort tables read the per-customer-day columns (a day holds a purchase or
 * not, which is all cohortTable asks of a line); a migration's earlier run is a second read of
 * the input with earlierRunOptions, which the host makes (the engine reads no file). A host with a
 * second thread may make the model check there (ModelCheckBeside) while this one runs the rest.
 */
import { analyzeCustomerTable, checkOptions, noRowsError, type PipelineContext } from './analyze';
import { keyedReason } from './clv/reasons';
import { modelCheck } from './clv/run';
import { clvFailed } from './predict';
import type { ClvReport } from './clv/types';
import type { CustomerTable } from './customers';
import { MAX_LEDGER_DAYS } from './dayLedger';
import { note } from './messages';
import { addOverTime, assertCompareToRange, earlierRunOptions } from './overTime';
import type { StreamResult } from './transactionStream';
import type { Analysis, AnalysisOptions, DayNumber, ProgressFn } from './types';
import type { DayColumns } from './modelLines';

/** Reads the input again into a new stream made with other options (the host's second pass). */
export type Reread = (options: AnalysisOptions) => Promise<StreamResult>;

/**
 * Starts modelCheck (clv/run.ts) on another thread, so that the check, a good share of a default
 * run, overlaps the rest of the pipeline: `result` resolves to the check, or rejects when that
 * thread fails (the check is then made in this one); `cancel` stops a thread whose result is not
 * wanted. Undefined when the host keeps this check in line (e.g. too many days to copy).
 */
export type ModelCheckBeside = (lines: DayColumns, analysisDate: DayNumber, options: AnalysisOptions) => ModelCheckThread | undefined;

/** A model check running on another thread. */
export interface ModelCheckThread {
  result: Promise<ClvReport['backtest']>;
  cancel(): void;
}

/**
 * Analyses transactions a host folded while reading: the same pipeline as analyze() from the
 * customer table on. The purchase models get the per-customer-day columns; when those outgrew their
 * limit the models are skipped with that reason, and cohorts asked for are left out with a note.
 * @param input the stream's result
 * @param options the user's options (the same the stream was made with)
 * @param onProgress called with a fraction 0..1 and a stage name
 * @param reread for `compareTo`: the input read again into a stream made with the given options
 *   (earlierRunOptions); called once, after the comparison date was checked
 * @param beside runs the model check on another thread (the same result as in this one)
 * @returns the analysis; customers sorted by id
 * @throws InputError on no usable rows, bad bins, thresholds or rules, or a comparison date out of range
 * @example const analysis = await analyzeStream(stream.finish().result, options, undefined, (earlier) => readAgain(earlier));
 */
export async function analyzeStream(input: StreamResult, options: AnalysisOptions = {}, onProgress?: ProgressFn, reread?: Reread, beside?: ModelCheckBeside): Promise<Analysis> {
  checkOptions(options);
  const lines = input.modelLines?.();
  const ctx: PipelineContext = { columns: input.columns, skipped: input.skipped, notes: input.notes, onProgress };
  if (input.dayMonthOrder) ctx.dayMonthOrder = input.dayMonthOrder;
  if (input.transactions === 0) throw noRowsError('engine.what.transactions', ctx.skipped);
  onProgress?.(0.6, 'customers');
  const table = input.customers(options);
  const check = beside && lines && modelRuns(input, options) && options.backtest !== false ? beside(lines, table.analysisDate, options) : undefined;
  let analysis: Analysis;
  try {
    analysis = analyzeFolded(input, check ? { ...options, backtest: false } : options, lines, table, ctx);
    if (check && lines && analysis.clv?.status === 'ok') await putCheck(analysis, check, () => modelCheck(lines, table.analysisDate, options));
  } finally {
    // a check whose result is not used (the pipeline threw, or the models were skipped) stops
    check?.cancel();
  }
  const earlier = options.compareTo === undefined ? undefined : await earlierRun(analysis, options, reread);
  const cohortsLost = options.cohorts === true && lines === undefined;
  addOverTime(analysis, lines ?? [], cohortsLost ? { ...options, cohorts: false } : options, () => earlier as Analysis);
  if (cohortsLost) analysis.notes = [...(analysis.notes ?? []), note('engine.note.cohortsTooManyDays', { limit: MAX_LEDGER_DAYS })];
  return analysis;
}

/** The pipeline from the stream's customer table on (no analyses over time). */
function analyzeFolded(input: StreamResult, options: AnalysisOptions, lines: DayColumns | undefined, table: CustomerTable, ctx: PipelineContext): Analysis {
  if (modelRuns(input, options) || options.model === 'off') return analyzeCustomerTable(table, 'transactions', options, lines ?? [], ctx);
  const analysis = analyzeCustomerTable(table, 'transactions', { ...options, model: 'off' }, [], ctx);
  analysis.clv = { status: 'skipped', ...keyedReason('predict.reason.tooManyDays', { limit: MAX_LEDGER_DAYS }) };
  return analysis;
}

/**
 * Puts the thread's check in the analysis (in place of the one the pipeline skipped); when the
 * thread failed, the check made here; when that throws too, the stage fails as it would in line.
 */
async function putCheck(analysis: Analysis, check: ModelCheckThread, inLine: () => ClvReport['backtest']): Promise<void> {
  const clv = analysis.clv as ClvReport;
  try {
    clv.backtest = await check.result.catch(inLine);
  } catch (error) {
    analysis.clv = clvFailed(analysis, error);
  }
}

/** Whether the purchase models get their lines (not turned off, and the ledger kept every day). */
function modelRuns(input: StreamResult, options: AnalysisOptions): boolean {
  return options.model !== 'off' && !input.modelLinesOverflowed;
}

/**
 * The migration's earlier run: the comparison date checked first (as addOverTime does, so a date
 * out of range costs no second read), then the input read again with the earlier run's options.
 * @throws InputError engine.error.compareToRange; Error when the host gave no way to read again
 */
async function earlierRun(analysis: Analysis, options: AnalysisOptions, reread: Reread | undefined): Promise<Analysis> {
  assertCompareToRange(analysis, options.compareTo as number);
  if (!reread) throw new Error('analyzeStream: compareTo needs the input read again (reread)');
  const earlier = earlierRunOptions(options);
  return analyzeStream(await reread(earlier), earlier);
}
