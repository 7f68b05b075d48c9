/**
 * Optional write-back: the segment and RFM code of each row's customer, in the two columns right of
 * the source block. Only into cells that are empty, or into the columns this add-in wrote before
 * (same sheet, same place, our headers, as recorded in `rfm.outputs`); anything else is refused
 * with the address, and nothing is written.
 *
 * Three steps, so a run can decide before it writes anything and undo after a later failure:
 * `checkWriteBack` (read only: refuses, or returns the target with its previous values),
 * `writeBackValues` (inside a running batch), `restoreWriteBack` (puts the previous values back).
 */
import type { Analysis } from '../engine';
import { normalizeId } from '../engine';
import { t, type Lang } from '../i18n';
import { columnName, rectAddress, type CellRect } from './a1';
import { excelRows, textGuard } from './cellValues';
import type { PlanValue } from '../report/plan';
import { PAYLOAD_BUDGET_BYTES, chunkRows, chunkSpans, sampledRowBytes } from './chunks';
import { ExcelInputError } from './errors';
import { type ExcelHost, supportsExcelApi } from './host';
import type { ReadResult } from './read';
import { existingMarkers } from './markers';
import { columnCells } from './packedTable';
import { type WriteBackRecord, queueOutputRecord, readOutputRecord } from './sheets';

/** Options of a write-back. */
export interface WriteBackOptions {
  lang?: Lang;
  budgetBytes?: number;
  onProgress?: (fraction: number) => void;
}

/** Where write-back goes, decided before anything is written. */
export interface WriteBackTarget {
  sheetId: string;
  /** Header row plus one row per source row, two columns. */
  rect: CellRect;
  headers: string[];
  /** What the cells held before (empty cells, or our earlier write-back), for `restoreWriteBack`. */
  previous: unknown[][];
  budgetBytes: number;
  /** The source table and its address, to be resized back after writing beside it (ExcelApi 1.13). */
  table?: { name: string; address: string };
}

/** The two headers in a language. */
export function writeBackHeaders(lang: Lang): string[] {
  return [t(lang, 'excel.writeBackHeaderSegment'), t(lang, 'excel.writeBackHeaderCode')];
}

/**
 * Segment and RFM code per source row (empty for rows whose customer was not scored).
 * O(rows + customers).
 */
export function writeBackRows(read: ReadResult, analysis: Analysis): (string | number | null)[][] {
  const customerColumn = analysis.settings.columns.find((c) => c.role === 'customer')?.index;
  const byId = new Map<string, { segment: string; rfmCode: number }>();
  for (const c of analysis.customers) byId.set(c.id, c);
  // without a customer column every row is left blank (normalizeId of a missing cell is undefined)
  const cells = customerColumn === undefined ? [] : columnCells(read.data, customerColumn);
  const out = new Array<(string | number | null)[]>(read.data.rowCount);
  for (let r = 0; r < out.length; r++) {
    const id = normalizeId(cells[r]);
    const hit = id === undefined ? undefined : byId.get(id);
    out[r] = hit ? [hit.segment, hit.rfmCode] : [null, null];
  }
  return out;
}

function sameSpot(a: WriteBackRecord | undefined, sheetId: string, headerRow: number, column: number): boolean {
  return !!a && a.sheetId === sheetId && a.headerRow === headerRow && a.column === column;
}

/** True when every cell of the grid is empty. */
function allEmpty(values: unknown[][]): boolean {
  return values.every((row) => row.every((v) => v === '' || v === null));
}

/** Row spans of the two target columns that fit the payload budget. */
function targetSpans(rows: number, budgetBytes: number): [number, number][] {
  return chunkSpans(rows, chunkRows(sampledRowBytes([['', '']]) * 8, budgetBytes));
}

/**
 * Decides whether write-back may go beside the source, reading only (nothing is written).
 * @param host the Excel host
 * @param read the source as read for this analysis
 * @returns the target and what its cells hold now
 * @throws ExcelInputError `excel.writeBackBlocked` when the cells hold data we did not write
 */
export async function checkWriteBack(host: ExcelHost, read: ReadResult, options: WriteBackOptions = {}): Promise<WriteBackTarget> {
  const lang = options.lang ?? 'en';
  const headers = writeBackHeaders(lang);
  const rect: CellRect = { row: read.rect.row, column: read.rect.column + read.rect.columns, rows: read.data.rowCount + 1, columns: 2 };
  const budgetBytes = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  return host.run(async (context) => {
    const record = await readOutputRecord(context);
    const sheet = context.workbook.worksheets.getItem(read.sheetId);
    const previous: unknown[][] = [];
    for (const [from, to] of targetSpans(rect.rows, budgetBytes)) {
      const part = sheet.getRange(rectAddress({ ...rect, row: rect.row + from, rows: to - from }));
      part.load('values');
      await context.sync();
      for (const line of part.values) previous.push(line);
    }
    const ours = sameSpot(record.writeBack, read.sheetId, rect.row, rect.column)
      && previous[0].every((v, i) => v === record.writeBack?.headers[i] || v === headers[i]);
    if (!ours && !allEmpty(previous)) {
      const address = `${columnName(rect.column)}${rect.row + 1}:${columnName(rect.column + 1)}${rect.row + rect.rows}`;
      throw new ExcelInputError('excel.writeBackBlocked', { address }, lang);
    }
    const table = read.source.kind === 'table' && supportsExcelApi(host, 13) ? { name: read.source.tableName, address: rectAddress(read.rect) } : undefined;
    return { sheetId: read.sheetId, rect, headers, previous, budgetBytes, ...(table ? { table } : {}) };
  });
}

/** Writes a grid of the target's size in chunks, in a running batch. */
async function writeGrid(context: Excel.RequestContext, target: WriteBackTarget, all: readonly (readonly unknown[])[], onProgress?: (fraction: number) => void): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(target.sheetId);
  const rows = all as readonly (readonly (string | number | boolean | null)[])[];
  const rowBytes = sampledRowBytes(excelRows(rows, 0, Math.min(rows.length, 1000), 2)) + 2;
  for (const [from, to] of chunkSpans(rows.length, chunkRows(rowBytes, target.budgetBytes))) {
    const range = sheet.getRange(rectAddress({ ...target.rect, row: target.rect.row + from, rows: to - from }));
    const guard = textGuard(rows as readonly (readonly PlanValue[])[], from, to, 2);
    if (guard) range.numberFormat = guard as string[][];
    range.values = excelRows(rows, from, to, 2);
    await context.sync();
    onProgress?.(to / rows.length);
  }
}

/**
 * Writing right beside an Excel table makes it grow over the written columns ("the table will expand
 * automatically", https://learn.microsoft.com/office/dev/add-ins/excel/performance#import-data-into-tables;
 * OfficeDev/office-js#6745 shows the table's AutoCorrect options applying to API writes): the source table
 * is resized back to what it was (`Table.resize`, ExcelApi 1.13), so the user's table keeps its columns
 * and Refresh does not read ours as input (read.ts also leaves them out where resize is missing).
 */
async function shrinkTableBack(context: Excel.RequestContext, target: WriteBackTarget): Promise<void> {
  if (!target.table) return;
  const sheet = context.workbook.worksheets.getItem(target.sheetId);
  context.workbook.tables.getItem(target.table.name).resize(sheet.getRange(target.table.address));
  await context.sync();
}

/**
 * Writes the segment and RFM code into a checked target, in a running batch.
 * @returns the record to keep in `rfm.outputs` (not queued here)
 */
export async function writeBackValues(context: Excel.RequestContext, target: WriteBackTarget, rows: (string | number | null)[][], onProgress?: (fraction: number) => void): Promise<WriteBackRecord> {
  await writeGrid(context, target, [target.headers, ...rows], onProgress);
  await shrinkTableBack(context, target);
  return { sheetId: target.sheetId, headerRow: target.rect.row, column: target.rect.column, headers: target.headers };
}

/**
 * Puts back what the target held before (best effort, in a fresh batch): after a failure later in a run.
 */
export async function restoreWriteBack(host: ExcelHost, target: WriteBackTarget): Promise<void> {
  try {
    await host.run((context) => writeGrid(context, target, target.previous));
  } catch {
    // the original error is the one worth reporting
  }
}

/**
 * Writes the segment and RFM code beside the source (check, write, record), on its own.
 * @param host the Excel host
 * @param read the source as read for this analysis
 * @param analysis the analysis of those rows
 * @returns the record of what was written (also saved in `rfm.outputs`)
 * @throws ExcelInputError when the target cells hold data we did not write (nothing is written)
 */
export async function writeBack(host: ExcelHost, read: ReadResult, analysis: Analysis, options: WriteBackOptions = {}): Promise<WriteBackRecord> {
  const target = await checkWriteBack(host, read, options);
  return host.run(async (context) => {
    const written = await writeBackValues(context, target, writeBackRows(read, analysis), options.onProgress);
    const record = await readOutputRecord(context);
    queueOutputRecord(context, { ...record, writeBack: written }, await existingMarkers(context));
    await context.sync();
    return written;
  });
}
