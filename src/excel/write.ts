/**
 * Renders a WorkbookPlan into the workbook, never half-way:
 * 1. every plan sheet is written into a new temporary sheet: values first (all sheets), then number
 *    formats, then (for sheets that are new) tables, styles, widths, colour scales, charts and PivotTables;
 * 2. only when all of that succeeded, one final sync puts the result in place: a sheet we wrote before
 *    is rewritten in place from its staged copy (inPlace.ts: its tables keep their names, so the user's
 *    formulas, charts and PivotTables on them keep working), a new one is renamed from its temporary
 *    name; sheets and markers are recorded as ours (sheets.ts, markers.ts);
 * 3. on any failure the temporary sheets are deleted and the old output stays as it was.
 * A run can hook in: `beforeSwap` writes more (write-back) in the same batch after the sheets, and
 * `queueWithSwap` queues commands (the run's settings) first in the final sync, so they are done
 * only when everything before succeeded, and nothing of the swap is done when they fail.
 * A user's sheet that has a plan sheet's name is left alone: ours gets "Name (2)".
 * Calculation is suspended for every sync (ExcelApi 1.6) and screen updating once at the start
 * (ExcelApi 1.9). That suspension lasts only until the next sync ("Suspends screen updating until the
 * next context.sync() is called", https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendscreenupdatinguntilnextsync-member(1)),
 * and the same page warns that calling it repeatedly, as in a loop, makes the window flicker; so it is
 * not renewed per chunk. The chunks go to temporary sheets that are not the active one, so Excel has
 * little to redraw while they are written.
 */
import type { SheetKey, WorkbookPlan } from '../report/plan';
import { type ChunkHooks, SyncBatcher } from './batcher';
import { blockRowCount, writeBlockFormats, writeBlockValues } from './blocks';
import { ExcelInputError } from './errors';
import { type ExcelHost, assertBaseApi } from './host';
import { type WriteBackRecord, listSheets, readOutputRecord, uniqueSheetName } from './sheets';
import { swapIn } from './swap';
import { type Features, type MadeTable, detectFeatures, queuePivot, queueSheetDressing, queueTables } from './structures';

/** Options of a render. */
export interface RenderOptions {
  /** Fraction 0..1 of the work done. */
  onProgress?: (fraction: number) => void;
  /** Target request size per sync (default 2 MB). */
  budgetBytes?: number;
  /** Runs in the render's batch once every sheet is written, before the swap; may return a write-back record. */
  beforeSwap?: (context: Excel.RequestContext) => Promise<{ writeBack?: WriteBackRecord } | void>;
  /** Queues commands first in the final sync, before the old output is touched; gets our existing marker names. */
  queueWithSwap?: (context: Excel.RequestContext, existingMarkers: readonly string[]) => void;
}

/** What was written. */
export interface RenderResult {
  /** Our sheets in plan order, with their final names. */
  sheets: { key: SheetKey; name: string; id: string }[];
  /** Plan table name → name in the workbook (differs when a user's table had the name). */
  tables: Record<string, string>;
  /** Features skipped for lack of host support, e.g. `pivotTables`. */
  skipped: string[];
}

export interface TempSheet {
  key: SheetKey;
  id: string;
  sheet: Excel.Worksheet;
  tables: MadeTable[];
  pivots: { pivot: Excel.PivotTable; planName: string }[];
  /** Our existing sheet that this one's content replaces in place (inPlace.ts). */
  target?: string;
}

function hooksFor(features: Features, total: number, from: number, to: number, options: RenderOptions): ChunkHooks {
  let done = 0;
  return {
    beforeSync: (context) => {
      if (features.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
    },
    rowsDone: (rows) => {
      done += rows;
      options.onProgress?.(from + (to - from) * Math.min(1, done / Math.max(1, total)));
    },
    budgetBytes: options.budgetBytes,
  };
}

async function addTempSheets(context: Excel.RequestContext, plan: WorkbookPlan): Promise<TempSheet[]> {
  const taken = (await listSheets(context)).map((s) => s.name);
  const made = plan.sheets.map((p, i) => {
    const name = uniqueSheetName(`rfm-new-${i + 1}`, taken);
    taken.push(name);
    const sheet = context.workbook.worksheets.add(name);
    sheet.load('id');
    return { key: p.key, sheet };
  });
  await context.sync();
  return made.map((m) => ({ key: m.key, id: m.sheet.id, sheet: m.sheet, tables: [], pivots: [] }));
}

/** Values of every sheet, then number formats of every sheet, in chunks (70% and 20% of progress). */
async function writeAllCells(context: Excel.RequestContext, plan: WorkbookPlan, temps: TempSheet[], features: Features, options: RenderOptions): Promise<ChunkHooks> {
  const rows = plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + blockRowCount(b), 0), 0);
  if (features.suspendScreenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const values = new SyncBatcher(context, hooksFor(features, rows, 0, 0.7, options));
  for (let i = 0; i < plan.sheets.length; i++) for (const block of plan.sheets[i].blocks) await writeBlockValues(temps[i].sheet, block, values);
  await values.flush();
  const formatHooks = hooksFor(features, rows, 0.7, 0.9, options);
  const formats = new SyncBatcher(context, formatHooks);
  for (let i = 0; i < plan.sheets.length; i++) for (const block of plan.sheets[i].blocks) await writeBlockFormats(temps[i].sheet, block, formats);
  await formats.flush();
  return formatHooks;
}

/** Tables (temporary names), styles, widths, panes, colour scales, charts of every sheet: one sync. */
async function addStructures(context: Excel.RequestContext, plan: WorkbookPlan, temps: TempSheet[], features: Features, hooks: ChunkHooks): Promise<void> {
  let tableCount = 0;
  hooks.beforeSync(context);
  for (let i = 0; i < plan.sheets.length; i++) {
    if (temps[i].target) continue;
    temps[i].tables = queueTables(temps[i].sheet, plan.sheets[i], () => `rfm_new_table_${++tableCount}`);
    queueSheetDressing(temps[i].sheet, plan.sheets[i], features);
  }
  await context.sync();
}

/** PivotTables over the new tables (temporary names), in one sync. */
async function addPivots(context: Excel.RequestContext, plan: WorkbookPlan, temps: TempSheet[], hooks: ChunkHooks): Promise<void> {
  const allTables = temps.flatMap((t) => t.tables);
  let pivotCount = 0;
  plan.sheets.forEach((sheetPlan, i) => {
    if (temps[i].target) return;
    for (const spec of sheetPlan.pivots) {
      if (!allTables.some((t) => t.planName === spec.sourceTable)) continue;
      const pivot = queuePivot(temps[i].sheet, spec, allTables, `rfm_new_pivot_${++pivotCount}`);
      if (pivot) temps[i].pivots.push({ pivot, planName: spec.name });
    }
  });
  hooks.beforeSync(context);
  await context.sync();
}

/** Everything of the plan into the temporary sheets; returns the features skipped. */
async function writeSheets(context: Excel.RequestContext, plan: WorkbookPlan, temps: TempSheet[], features: Features, options: RenderOptions): Promise<string[]> {
  const hooks = await writeAllCells(context, plan, temps, features, options);
  await addStructures(context, plan, temps, features, hooks);
  const skipped: string[] = [];
  const hasPivots = plan.sheets.some((s) => s.pivots.length > 0);
  if (hasPivots && features.pivotTables) await addPivots(context, plan, temps, hooks);
  if (hasPivots && !features.pivotTables) skipped.push('pivotTables');
  if (plan.sheets.some((s) => s.rightToLeft) && !features.readingOrder) skipped.push('rightToLeft');
  if (plan.sheets.some((s) => s.pageSetup) && !features.pageLayout) skipped.push('pageLayout');
  options.onProgress?.(0.95);
  return skipped;
}

/** Deletes the temporary sheets of a failed render (best effort, in a fresh batch). */
async function removeTemps(host: ExcelHost, ids: string[]): Promise<void> {
  try {
    await host.run(async (context) => {
      const sheets = ids.map((id) => context.workbook.worksheets.getItemOrNullObject(id));
      await context.sync();
      for (const s of sheets) if (!s.isNullObject) s.delete();
      await context.sync();
    });
  } catch {
    // the original error is the one worth reporting
  }
}

function asUserError(error: unknown): Error {
  if (error instanceof ExcelInputError) return error;
  const code = (error as { code?: string })?.code;
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return new ExcelInputError('excel.tooLarge');
  return new ExcelInputError('excel.writeFailed', { detail: (error as Error)?.message ?? String(error) });
}

/**
 * Writes a plan into the workbook, replacing our previous output.
 * @param host the Excel host
 * @param plan the plan (from report/buildWorkbookPlan)
 * @param options progress and payload budget
 * @returns our sheets, table names and skipped features
 * @throws ExcelInputError when Excel refuses; the workbook is then as it was
 */
export async function renderPlan(host: ExcelHost, plan: WorkbookPlan, options: RenderOptions = {}): Promise<RenderResult> {
  assertBaseApi(host);
  const features = detectFeatures(host);
  const created: string[] = [];
  try {
    return await host.run(async (context) => {
      const old = await readOutputRecord(context);
      const temps = await addTempSheets(context, plan);
      created.push(...temps.map((t) => t.id));
      if (features.inPlace) for (const t of temps) t.target = old.sheets.find((s) => s.key === t.key)?.id;
      const skipped = await writeSheets(context, plan, temps, features, options);
      const more = (await options.beforeSwap?.(context)) ?? {};
      const result = await swapIn(context, plan, temps, old, features, { queueFirst: options.queueWithSwap, writeBack: more.writeBack });
      options.onProgress?.(1);
      return { ...result, skipped };
    });
  } catch (error) {
    await removeTemps(host, created);
    throw asUserError(error);
  }
}
