/**
 * One place that writes a finished analysis (used by the task pane after Analyze and by Refresh),
 * and Refresh itself: re-read the saved source (grown range or table), apply the possibly edited
 * Segment rules sheet, analyse with the saved settings, rewrite every output.
 * The analysis step is injectable, so the task pane can run it in a Web Worker.
 */
import { analyze as engineAnalyze } from '../engine';
import type { Analysis, AnalysisOptions, ProgressFn, SegmentRule } from '../engine';
import type { Lang } from '../i18n';
import { RULES_TABLE, buildWorkbookPlan, parseRulesSheet } from '../report/build';
import type { WorkbookPlan } from '../report/plan';
import { ExcelInputError } from './errors';
import { inputTable, type PackedTable } from './packedTable';
import { SOURCE_MARKER, queueMarker, queueMarkerDelete } from './markers';
import { type ExcelHost, officeHost } from './host';
import { type ReadResult, readSource } from './read';
import { SETTINGS_KEY, type SavedSettings, columnsByHeader, loadSettings, queueSetting, savableOptions } from './settings';
import { type WriteBackRecord, readOutputRecord } from './sheets';
import { type RenderResult, renderPlan } from './write';
import { checkWriteBack, restoreWriteBack, writeBackRows, writeBackValues } from './writeBack';

/**
 * The engine's entry point on a packed table (sync or async, e.g. in a worker). A worker may take the
 * table's buffers meanwhile (packedTable.ts); they are the table's again when the analysis resolves.
 */
export type AnalyzeFn = (table: PackedTable, options: AnalysisOptions, onProgress?: ProgressFn) => Analysis | Promise<Analysis>;

/** The engine's analyze over a packed table, in this thread. */
const analyzeHere: AnalyzeFn = (table, options, onProgress) => engineAnalyze(inputTable(table), options, onProgress);

/** What writing a run needs. */
export interface WriteRunInput {
  plan: WorkbookPlan;
  analysis: Analysis;
  read: ReadResult;
  /** The options the user chose (saved for Refresh; columns are saved by header name). */
  options: AnalysisOptions;
  lang: Lang;
  writeBack: boolean;
  onProgress?: (fraction: number) => void;
  budgetBytes?: number;
}

/** What a run wrote. */
export interface WriteRunResult {
  render: RenderResult;
  writeBack?: WriteBackRecord;
}

/** Reports only increasing fractions (render and write-back report their own ranges). */
function monotone(report: (fraction: number) => void): (fraction: number) => void {
  let last = 0;
  return (f) => {
    if (f > last) report((last = f));
  };
}

/**
 * Writes the outputs of an analysis, write-back when asked, and the settings for Refresh, never
 * half-way:
 * 1. write-back feasibility is decided first, reading only: a refusal writes nothing at all;
 * 2. the plan is rendered into temporary sheets, then the write-back values are written (same batch);
 * 3. one final sync saves the settings first, then swaps the new sheets in and records them as ours.
 * A failure in 2 or 3 deletes the temporary sheets and puts back what the write-back cells held, so
 * the workbook is as it was. (Excel batches are not transactions: should the host fail inside the
 * final sync after the settings were saved, see docs/excel.md for what remains.)
 * @throws ExcelInputError from the writer or write-back (the workbook is then as it was)
 */
export function writeRun(host: ExcelHost, input: WriteRunInput): Promise<WriteRunResult> {
  return serialised(() => writeRunNow(host, input));
}

/**
 * One workbook change at a time: Analyze (writeRun) and Refresh started together would otherwise
 * interleave their temporary sheets and final syncs, each taking the other's output for its own
 * (both read `rfm.outputs` before either records its sheets). Each waits for the previous to end.
 */
let lastRun: Promise<unknown> = Promise.resolve();
function serialised<T>(run: () => Promise<T>): Promise<T> {
  const next = lastRun.then(run, run);
  lastRun = next.catch(() => undefined);
  return next;
}

async function writeRunNow(host: ExcelHost, input: WriteRunInput): Promise<WriteRunResult> {
  const progress = monotone(input.onProgress ?? (() => undefined));
  const target = input.writeBack ? await checkWriteBack(host, input.read, { lang: input.lang, budgetBytes: input.budgetBytes }) : undefined;
  const settings: SavedSettings = {
    version: 1,
    source: input.read.source,
    columns: columnsByHeader(input.analysis.settings.columns),
    options: savableOptions(input.options),
    lang: input.lang,
    writeBack: input.writeBack,
  };
  let written: WriteBackRecord | undefined;
  let writingBack = false;
  const renderShare = target ? 0.85 : 1;
  try {
    const render = await renderPlan(host, input.plan, {
      budgetBytes: input.budgetBytes,
      onProgress: (f) => progress(Math.min(f, 0.95) * renderShare),
      beforeSwap: async (context) => {
        if (!target) return {};
        writingBack = true;
        written = await writeBackValues(context, target, writeBackRows(input.read, input.analysis), (f) => progress(0.85 * 0.95 + 0.15 * f));
        return { writeBack: written };
      },
      queueWithSwap: (context, markers) => {
        queueSetting(context, SETTINGS_KEY, settings);
        // a range source is found again through a marker on its header row (markers.ts), not by sheet id
        if (settings.source.kind === 'range') queueMarker(context, SOURCE_MARKER, context.workbook.worksheets.getItem(input.read.sheetId).getRange(settings.source.headerAddress), markers);
        else queueMarkerDelete(context, SOURCE_MARKER, markers);
      },
    });
    progress(1);
    return { render, writeBack: written };
  } catch (error) {
    if (target && writingBack) await restoreWriteBack(host, target);
    throw error;
  }
}

/** Injectable parts of Refresh; every field has a default for the running add-in. */
export interface RefreshDeps {
  host?: ExcelHost;
  analyze?: AnalyzeFn;
  buildPlan?: (analysis: Analysis, lang: Lang) => WorkbookPlan;
  /** Reads the Segment rules table (header row first); default: report's parseRulesSheet. */
  parseRules?: (values: unknown[][], lang: Lang, firstRowNumber: number) => SegmentRule[];
  onProgress?: (fraction: number, stage: string) => void;
  budgetBytes?: number;
}

/** What Refresh did. */
export interface RefreshResult {
  customers: number;
  sheets: string[];
  skippedRows: number;
  writeBack?: WriteBackRecord;
  /** The analysis the sheets were written from (the task pane shows its figures). */
  analysis: Analysis;
}

/** The rules table of our Segment rules sheet (header first) and its 1-based first row, if any. */
async function readRulesTable(host: ExcelHost): Promise<{ values: unknown[][]; firstRowNumber: number } | undefined> {
  return host.run(async (context) => {
    const record = await readOutputRecord(context);
    const id = record.sheets.find((s) => s.key === 'rules')?.id;
    if (!id) return undefined;
    const sheet = context.workbook.worksheets.getItemOrNullObject(id);
    await context.sync();
    if (sheet.isNullObject) return undefined;
    sheet.tables.load('items/name');
    await context.sync();
    const named = (n: string) => n.toLowerCase() === RULES_TABLE.toLowerCase() || n.toLowerCase().startsWith(`${RULES_TABLE.toLowerCase()}_`);
    const table = sheet.tables.items.find((t) => named(t.name)) ?? sheet.tables.items[0];
    if (!table) return undefined;
    const range = table.getRange();
    range.load('values,rowIndex');
    await context.sync();
    return { values: range.values, firstRowNumber: range.rowIndex + 1 };
  });
}

/** The saved column mapping, checked against the header read now. */
function checkedColumns(settings: SavedSettings, read: ReadResult): Record<string, string> {
  const present = new Set(read.data.header.map((h) => h.trim().toLowerCase()));
  for (const header of Object.values(settings.columns)) {
    if (header !== undefined && !present.has(header.trim().toLowerCase())) {
      throw new ExcelInputError('excel.headerMoved', { address: read.address, column: header }, settings.lang);
    }
  }
  return settings.columns as Record<string, string>;
}

/**
 * Refresh (the ribbon button): re-reads the saved source and rewrites every output with the saved
 * settings and the current Segment rules sheet. No dialog.
 * @returns customers analysed, output sheet names, skipped rows, write-back record
 * @throws ExcelInputError with a message for the user (no saved analysis, source gone, ...)
 */
export function refresh(deps: RefreshDeps = {}): Promise<RefreshResult> {
  return serialised(() => refreshNow(deps));
}

async function refreshNow(deps: RefreshDeps = {}): Promise<RefreshResult> {
  const host = deps.host ?? officeHost();
  const progress = deps.onProgress ?? (() => undefined);
  const settings = await loadSettings(host);
  if (!settings) throw new ExcelInputError('excel.noSettings');
  const lang = settings.lang;
  const read = await readSource(host, settings.source, { lang, budgetBytes: deps.budgetBytes, onProgress: (f) => progress(0.3 * f, 'read') });
  const columns = checkedColumns(settings, read);
  const rules = await readRulesTable(host);
  const parseRules = deps.parseRules ?? ((values: unknown[][], l: Lang, first: number) => parseRulesSheet(values, first, l));
  const segmentRules = rules ? parseRules(rules.values, lang, rules.firstRowNumber) : undefined;
  const options: AnalysisOptions = { ...settings.options, columns, ...(segmentRules ? { segmentRules } : {}) };
  const analyze = deps.analyze ?? analyzeHere;
  const analysis = await analyze(read.data, options, (f, stage) => progress(0.3 + 0.3 * f, stage));
  const plan = (deps.buildPlan ?? ((a: Analysis, l: Lang) => buildWorkbookPlan(a, { lang: l })))(analysis, lang);
  const run = await writeRunNow(host, {
    plan, analysis, read, options: { ...settings.options, columns }, lang, writeBack: settings.writeBack,
    budgetBytes: deps.budgetBytes, onProgress: (f) => progress(0.6 + 0.4 * f, 'write'),
  });
  return { customers: analysis.customers.length, sheets: run.render.sheets.map((s) => s.name), skippedRows: analysis.skipped.total, writeBack: run.writeBack, analysis };
}
