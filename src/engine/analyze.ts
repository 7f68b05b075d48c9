/**
 * The analysis pipeline: customers → scores → segments → matrices → summaries → predictions.
 *
 * `analyzeTransactions` and `analyzeCustomers` take normalised data (the formulas and tests use
 * them); `analyze` adds detection and normalisation of a raw table in front.
 */
import { customersFromInputs, customersFromTransactions, type CustomerMetrics, type CustomerTable } from './customers';
import { prepareInput, type PreparedInput } from './input';
import { addOverTime } from './overTime';
import { withCurrency } from './currency';
import { historiesFromInputs } from './clv/inputHistories';
import type { Histories } from './clv/summary';
import { computeMatrices } from './matrices';
import { addPredictions } from './predict';
import { inputError, note } from './messages';
import { emptySkippedReport } from './skipped';
import { DEFAULT_ZERO_AMOUNTS } from './rowRules';
import { analysisWindow, assertWindowHasPurchases, lastPurchaseOf, windowRows } from './window';
import type { MessageParams } from '../i18n';
import { BINS_LIMIT } from './optionLimits';
import { scoreAll, validateBins, validateThresholds, type ScoreSet } from './scores';
import { assertValidRules, assignSegments, defaultSegmentRules, OTHERS } from './segments';
import { computeTotals, LOYALTY_QUADRANTS, rfGrid, summarizeQuadrants, summarizeSegments, VALUE_QUADRANTS } from './summaries';
import type { ModelLines } from './modelLines';
import {
  InputError,
  type Analysis,
  type AnalysisOptions,
  type CustomerInput,
  type CustomerResult,
  type DetectedColumn,
  type InputKind,
  type InputTable,
  type Note,
  type ProgressFn,
  type ResolvedSettings,
  type SkippedReport,
  type Transaction,
} from './types';

/** Defaults of every option this stage reads. */
export const DEFAULT_BINS = BINS_LIMIT.fallback;

/** What the normalisation step hands to the pipeline besides the data. */
export interface PipelineContext {
  columns?: DetectedColumn[];
  skipped?: SkippedReport;
  dayMonthOrder?: ResolvedSettings['dayMonthOrder'];
  /** Notes on how the input was read (see inputNotes). */
  notes?: Note[];
  onProgress?: ProgressFn;
}

/**
 * The error for input without a usable row, naming the first skipped row when there is one.
 * @param whatKey `engine.what.transactions` or `engine.what.customerRows`
 * @param skipped the skipped-row report of normalisation
 * @returns e.g. `No usable transactions: all 3 rows were skipped (first: row 2, date: "x" is not a date).`
 */
export function noRowsError(whatKey: string, skipped?: SkippedReport): InputError {
  if (!skipped || skipped.total === 0) return inputError('engine.error.noRowsEmpty', { whatKey });
  const first = skipped.examples[0];
  const one = skipped.total === 1 ? 'One' : '';
  if (!first) return inputError(`engine.error.noRowsSkipped${one}`, { whatKey, total: skipped.total });
  const detail: MessageParams = first.key ? { ...first.params, detailKey: first.key } : { detail: first.detail };
  return inputError(`engine.error.noRowsSkipped${one}First`, { ...detail, whatKey, total: skipped.total, row: first.rowNumber });
}

function resolveSettings(options: AnalysisOptions, kind: InputKind, table: CustomerTable, ctx: PipelineContext): ResolvedSettings {
  const settings: ResolvedSettings = {
    inputKind: kind,
    columns: ctx.columns ?? [],
    analysisDate: table.analysisDate,
    bins: options.bins ?? DEFAULT_BINS,
    scoring: options.scoring ?? 'quantile',
    monetaryBasis: options.monetaryBasis ?? 'total',
    split: options.split ?? 'mean',
    segmentRules: options.segmentRules ?? defaultSegmentRules(),
  };
  if (settings.scoring === 'thresholds') settings.thresholds = options.thresholds;
  if (kind === 'transactions') settings.zeroAmounts = options.zeroAmounts ?? DEFAULT_ZERO_AMOUNTS;
  const dayMonthOrder = ctx.dayMonthOrder ?? options.dayMonthOrder;
  if (dayMonthOrder) settings.dayMonthOrder = dayMonthOrder;
  return settings;
}

/** Copies one metric of every customer into a typed array. */
function column(customers: readonly CustomerMetrics[], pick: (c: CustomerMetrics) => number): Float64Array {
  const out = new Float64Array(customers.length);
  for (let i = 0; i < customers.length; i++) out[i] = pick(customers[i]);
  return out;
}

/**
 * Checks options that do not depend on the data, before any work.
 * @param options the user's options
 * @throws InputError on bad bins, thresholds or rules
 */
export function checkOptions(options: AnalysisOptions): void {
  const rules = options.segmentRules;
  if (rules) assertValidRules(rules);
  const bins = options.bins ?? DEFAULT_BINS;
  validateBins(bins);
  if (options.scoring === 'thresholds') validateThresholds(options.thresholds, bins);
}

function buildResults(customers: readonly CustomerMetrics[], scores: ScoreSet, segments: string[], value: CustomerResult['valueQuadrant'][], loyalty: CustomerResult['loyaltyQuadrant'][] | null): CustomerResult[] {
  const out = new Array<CustomerResult>(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    const r = scores.recency.scores[i];
    const f = scores.frequency.scores[i];
    const m = scores.monetary.scores[i];
    out[i] = {
      id: c.id,
      firstPurchase: c.firstPurchase,
      lastPurchase: c.lastPurchase,
      lengthDays: c.lengthDays,
      recencyDays: c.recencyDays,
      frequency: c.frequency,
      monetary: c.monetary,
      revenue: c.revenue,
      averageOrderValue: c.averageOrderValue,
      lengthScore: scores.length ? scores.length.scores[i] : null,
      recencyScore: r,
      frequencyScore: f,
      monetaryScore: m,
      rfmCode: 100 * r + 10 * f + m,
      segment: segments[i],
      valueQuadrant: value[i],
      loyaltyQuadrant: loyalty ? loyalty[i] : null,
    };
  }
  return out;
}

/** The input notes, and a note when no analysis date could be known (recency days only). */
function analysisNotes(table: CustomerTable, ctx: PipelineContext): Note[] {
  const notes = [...(ctx.notes ?? [])];
  if (!Number.isFinite(table.analysisDate)) notes.push(note('engine.note.noAnalysisDate'));
  return notes;
}

/**
 * Scores, segments and summarises a customer table (the shared tail of both entry points).
 * @param table customers from transactions or customer-level input
 * @param kind the input kind
 * @param options the user's options
 * @param transactions the transactions (empty for customer-level input), for predictions
 * @param ctx columns, skipped rows and progress from the normalisation step
 * @returns the analysis
 * @throws InputError when no customer can be scored
 * The options were checked by checkOptions before (once per entry point; analyzeStream in
 * streamAnalysis.ts is one).
 */
export function analyzeCustomerTable(table: CustomerTable, kind: InputKind, options: AnalysisOptions, transactions: ModelLines, ctx: PipelineContext, histories?: Histories | null): Analysis {
  const progress = ctx.onProgress ?? (() => undefined);
  const { customers } = table;
  const skipped: SkippedReport = { ...(ctx.skipped ?? emptySkippedReport()), returnsOnlyCustomers: table.returnsOnlyCustomers };
  if (customers.length === 0) {
    const count = table.returnsOnlyCustomers.count;
    throw count > 0 ? inputError('engine.error.noPurchaseReturnsOnly', { count }) : inputError('engine.error.noPurchase');
  }
  const settings = resolveSettings(options, kind, table, ctx);
  // customer-level input has a length only when every row gives its first purchase (the table of `rfm sql`)
  const hasLength = kind === 'transactions' || customers.every((c) => c.lengthDays !== null);
  const metrics = {
    lengthDays: hasLength ? column(customers, (c) => c.lengthDays ?? 0) : null,
    recencyDays: column(customers, (c) => c.recencyDays),
    frequency: column(customers, (c) => c.frequency),
    monetary: column(customers, (c) => c.monetary),
  };
  progress(0.7, 'scores');
  const scores = scoreAll(metrics, settings.bins, settings.scoring, settings.thresholds);
  progress(0.8, 'segments');
  const segments = assignSegments(scores.recency.scores, scores.frequency.scores, scores.monetary.scores, settings.segmentRules);
  progress(0.85, 'matrices');
  const matrices = computeMatrices(
    {
      bins: settings.bins,
      ...metrics,
      lengthScore: scores.length?.scores ?? null,
      recencyScore: scores.recency.scores,
      frequencyScore: scores.frequency.scores,
      monetaryScore: scores.monetary.scores,
      sorted: { lengthDays: scores.length?.sorted, recencyDays: scores.recency.sorted, frequency: scores.frequency.sorted, monetary: scores.monetary.sorted },
    },
    settings.split,
  );
  const results = buildResults(customers, scores, segments, matrices.valueQuadrants, matrices.loyaltyQuadrants);
  progress(0.9, 'summaries');
  const segmentNames = [...settings.segmentRules.map((r) => r.name.trim()), OTHERS];
  const analysis: Analysis = {
    settings,
    totals: computeTotals(results, table.transactionsUsed, table.firstDay, table.lastDay),
    customers: results,
    segments: summarizeSegments(results, segmentNames),
    valueQuadrants: summarizeQuadrants(results, (c) => c.valueQuadrant, VALUE_QUADRANTS),
    loyaltyQuadrants: summarizeQuadrants(results, (c) => c.loyaltyQuadrant, LOYALTY_QUADRANTS),
    splits: matrices.splits,
    grid: rfGrid(results, settings.bins),
    skipped,
    notes: analysisNotes(table, ctx),
  };
  progress(0.95, 'predictions');
  const out = addPredictions(analysis, transactions, options, histories ?? undefined);
  progress(1, 'done');
  return out;
}

/**
 * The context with the rows outside the analysis window added to its skipped rows and notes.
 * @param ctx the normalisation's context
 * @param skipped the report with the window's rows
 * @param notes the window's notes
 */
function withWindow(ctx: PipelineContext, skipped: SkippedReport, notes: Note[]): PipelineContext {
  return notes.length === 0 ? ctx : { ...ctx, skipped, notes: [...(ctx.notes ?? []), ...notes] };
}

/** analyzeTransactions after its options were checked: the analysis window first, then the pipeline. */
function runTransactions(all: readonly Transaction[], options: AnalysisOptions, ctx: PipelineContext): Analysis {
  const window = analysisWindow(options);
  assertWindowHasPurchases(all, window);
  const w = windowRows(all, (t) => t.day, window, ctx.skipped);
  const transactions = w.rows;
  const run = withWindow(ctx, w.skipped, w.notes);
  if (transactions.length === 0) throw noRowsError('engine.what.transactions', run.skipped);
  run.onProgress?.(0.6, 'customers');
  const table = customersFromTransactions(transactions, { analysisDate: options.analysisDate, monetaryBasis: options.monetaryBasis });
  const analysis = analyzeCustomerTable(table, 'transactions', options, transactions, run);
  addOverTime(analysis, transactions, options, (earlier) => runTransactions(all, earlier, { skipped: ctx.skipped }));
  return analysis;
}

/** analyzeCustomers after its options were checked (rows whose last purchase is outside the window are skipped). */
function runCustomers(all: readonly CustomerInput[], options: AnalysisOptions, ctx: PipelineContext): Analysis {
  const w = windowRows(all, lastPurchaseOf, analysisWindow(options), ctx.skipped);
  const inputs = w.rows;
  const run = withWindow(ctx, w.skipped, w.notes);
  if (inputs.length === 0) throw noRowsError('engine.what.customerRows', run.skipped);
  run.onProgress?.(0.6, 'customers');
  const table = customersFromInputs(inputs, { analysisDate: options.analysisDate, monetaryBasis: options.monetaryBasis });
  return analyzeCustomerTable(table, 'customers', options, [], run, historiesFromInputs(inputs));
}

/**
 * Analyses normalised transactions.
 * @param transactions usable rows (purchases ≥ 0, returns < 0; see isPurchase); rows outside the
 *   analysis window (see windowReason) are skipped here and reported
 * @param options the user's options (all optional)
 * @param ctx columns, skipped rows and progress from normalisation, when there was one
 * @returns the analysis; customers sorted by id
 * @throws InputError on no usable rows, bad bins, thresholds or rules
 * @example analyzeTransactions([{ customerId: 'a', day: 0, amount: 10, rowNumber: 2 }]).customers[0].rfmCode
 */
export function analyzeTransactions(transactions: readonly Transaction[], options: AnalysisOptions = {}, ctx: PipelineContext = {}): Analysis {
  checkOptions(options);
  return runTransactions(transactions, options, ctx);
}

/**
 * Analyses customer-level input (as R's rfm_table_customer): no length, so no L score and no
 * loyalty matrix.
 * @param inputs one row per customer
 * @param options the user's options (all optional)
 * @param ctx columns, skipped rows and progress from normalisation, when there was one
 * @returns the analysis; customers sorted by id
 * @throws InputError on no usable rows, a row without recency, bad bins, thresholds or rules
 */
export function analyzeCustomers(inputs: readonly CustomerInput[], options: AnalysisOptions = {}, ctx: PipelineContext = {}): Analysis {
  checkOptions(options);
  return runCustomers(inputs, options, ctx);
}

/**
 * Analyses a raw table: detects the input kind and columns (options.columns always win),
 * normalises the rows (skipped rows reported), then runs the pipeline.
 * @param table the header and rows as a host hands them over
 * @param options the user's options (all optional)
 * @param onProgress called with a fraction 0..1 and a stage name
 * @returns the analysis; customers sorted by id
 * @throws InputError with a one-line reason for unusable input (empty, no usable rows, missing
 *   column, bad bins, thresholds or rules)
 * @example analyze({ header: ['customer', 'date', 'amount'], rows: [['a', '2024-01-31', 10]] }).customers[0].segment
 */
export function analyze(table: InputTable, options: AnalysisOptions = {}, onProgress?: ProgressFn): Analysis {
  return analyzePrepared(readRows(table, options, onProgress), options, onProgress);
}

/**
 * The first half of `analyze`: checks the options, then detects and normalises the rows
 * (prepareInput). A host that lets the rows go before the rest calls this, then analyzePrepared.
 * @param table the header and rows as a host hands them over
 * @param options the user's options
 * @param onProgress told 'reading' (fraction 0) before the rows are read
 * @returns the normalised input, holding no row of the table
 * @throws InputError for bad options (before any row is read) and for unusable input
 */
export function readRows(table: InputTable, options: AnalysisOptions = {}, onProgress?: ProgressFn): PreparedInput {
  checkOptions(options); // before reading: bad options fail without parsing a million rows
  onProgress?.(0, 'reading');
  return prepareInput(table, options);
}

/**
 * The rest of `analyze` once the table is read: the pipeline on the normalised rows. The prepared
 * input holds no row of the table, so a host that keeps the table only for this run can let its
 * rows go before calling this (a million rows are a million arrays for the collector to trace).
 * @param input readRows's result for the table and options
 * @param options the options the input was read with
 * @param onProgress called with a fraction 0.5..1 and a stage name
 * @returns the analysis, as `analyze` of the table gives it
 * @throws InputError as `analyze` does after reading
 */
export function analyzePrepared(input: PreparedInput, options: AnalysisOptions = {}, onProgress?: ProgressFn): Analysis {
  const ctx: PipelineContext = { columns: input.columns, skipped: input.skipped, notes: input.notes, onProgress };
  if (input.dayMonthOrder) ctx.dayMonthOrder = input.dayMonthOrder;
  onProgress?.(0.5, 'normalised');
  const analysis = input.kind === 'customers' ? runCustomers(input.customers, options, ctx) : runTransactions(input.transactions, options, ctx);
  return withCurrency(analysis, input.currency);
}
