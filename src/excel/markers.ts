/**
 * Persistent markers for our sheets and write-back columns: hidden workbook-scoped defined names.
 *
 * `Worksheet.id` is not a key that survives reopening: Microsoft staff say the id "remains constant within
 * a single session but will change between sessions (eg. closing and reopening)"
 * (https://github.com/OfficeDev/office-js-docs/issues/297; also OfficeDev/office-js#1390 and #552), and the
 * reference promises only that it survives a rename or a move
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member).
 * A defined name is part of the saved file and refers to its cells by sheet, so it follows a renamed or
 * moved sheet and inserted rows or columns, and turns into #REF! when its sheet is deleted
 * ("Define and use names in formulas", Microsoft Support). Office.js: `workbook.names.add(name, range)`
 * and `getItemOrNullObject` (ExcelApi 1.4, https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection),
 * `NamedItem.getRangeOrNullObject()` (1.4) and `NamedItem.visible` (1.1, hidden from the Name Manager,
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditem).
 * Names share one name space with tables and PivotTables, so ours start with `_rfm_`.
 */
import type { SheetKey } from '../report/plan';

/** Prefix of every marker name. */
export const MARKER_PREFIX = '_rfm_';

/** The marker of an output sheet (it refers to the sheet's A1). */
export function sheetMarker(key: SheetKey): string {
  return `${MARKER_PREFIX}sheet_${key}`;
}

/** The marker of the write-back columns (it refers to their two header cells). */
export const WRITE_BACK_MARKER = `${MARKER_PREFIX}writeback`;

/** The marker of a range source's header row (Refresh finds the data again through it). */
export const SOURCE_MARKER = `${MARKER_PREFIX}source`;

/** Where a marker points now. */
export interface MarkerTarget {
  sheetId: string;
  sheetName: string;
  /** 0-based row and column of the first cell. */
  row: number;
  column: number;
}

/**
 * Where each named marker points in this session (missing: no such name, or it refers to #REF!).
 * Three syncs: names, their ranges, the ranges' sheets.
 */
export async function resolveMarkers(context: Excel.RequestContext, names: readonly string[]): Promise<Map<string, MarkerTarget>> {
  const items = names.map((n) => context.workbook.names.getItemOrNullObject(n));
  await context.sync();
  const ranges = items.map((item) => {
    if (item.isNullObject) return undefined;
    const range = item.getRangeOrNullObject();
    range.load('rowIndex,columnIndex');
    return range;
  });
  await context.sync();
  const sheets = ranges.map((r) => {
    if (!r || r.isNullObject) return undefined;
    const ws = r.worksheet;
    ws.load('id,name');
    return ws;
  });
  await context.sync();
  const out = new Map<string, MarkerTarget>();
  names.forEach((name, i) => {
    const range = ranges[i];
    const ws = sheets[i];
    if (range && ws) out.set(name, { sheetId: ws.id, sheetName: ws.name, row: range.rowIndex, column: range.columnIndex });
  });
  return out;
}

/** Names of the workbook that are our markers (loaded in a running batch). */
export async function existingMarkers(context: Excel.RequestContext): Promise<string[]> {
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();
  return names.items.map((n) => n.name).filter((n) => n.toLowerCase().startsWith(MARKER_PREFIX));
}

/**
 * Queues a marker: the old name of that name is deleted first (when `existing` lists it), then the
 * name is added, hidden, over `range`.
 */
export function queueMarker(context: Excel.RequestContext, name: string, range: Excel.Range, existing: readonly string[]): void {
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) context.workbook.names.getItem(name).delete();
  const item = context.workbook.names.add(name, range);
  item.visible = false;
}

/** Queues the deletion of a marker that exists. */
export function queueMarkerDelete(context: Excel.RequestContext, name: string, existing: readonly string[]): void {
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) context.workbook.names.getItem(name).delete();
}
