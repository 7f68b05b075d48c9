/**
 * Our output sheets: how they are recognised and named.
 *
 * Ownership is recorded in the workbook setting `rfm.outputs` (which keys we wrote, ExcelApi 1.4) and
 * found through a hidden defined name per sheet (markers.ts): `Worksheet.id` changes when the workbook
 * is closed and reopened, so the ids in the record are those of this session, resolved on every read.
 * A user's sheet is never ours, whatever its name: when the plan's name is taken by a user sheet,
 * ours becomes "Customers (2)", "Customers (3)", ...
 * Excel's sheet-name rules: at most 31 characters, none of `\ / ? * : [ ]`, not blank, no leading or
 * trailing apostrophe, unique regardless of case
 * (Excel's own message: "You typed an invalid name for a sheet or chart ..."; `Worksheet.name`:
 * "The name must be fewer than 32 characters", https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member).
 */
import type { SheetKey } from '../report/plan';
import { rectAddress } from './a1';
import type { ExcelHost } from './host';
import { WRITE_BACK_MARKER, queueMarker, queueMarkerDelete, resolveMarkers, sheetMarker } from './markers';
import { queueSetting, readSetting } from './settings';

/** Key of the ownership record. */
export const OUTPUTS_KEY = 'rfm.outputs';

/** Columns written beside the source by write-back. */
export interface WriteBackRecord {
  sheetId: string;
  /** 0-based row of the header cells. */
  headerRow: number;
  /** 0-based first column written. */
  column: number;
  headers: string[];
}

/** Which sheets are ours. */
export interface OutputRecord {
  version: 1;
  sheets: { key: SheetKey; id: string }[];
  writeBack?: WriteBackRecord;
}

/** An empty record. */
export function emptyOutputRecord(): OutputRecord {
  return { version: 1, sheets: [] };
}

/**
 * Reads the ownership record in a running batch (empty when there is none or it is not ours), with
 * the sheet ids and write-back place of this session, found through the markers. A key whose marker
 * is gone (sheet deleted by the user) is left out; ids saved in the setting are never trusted, since
 * after reopening they may belong to another sheet (Excel on the web numbers them
 * `{00000000-0001-0000-0000-000000000000}`, ... : OfficeDev/office-js#552).
 */
export async function readOutputRecord(context: Excel.RequestContext): Promise<OutputRecord> {
  const raw = await readSetting<OutputRecord>(context, OUTPUTS_KEY);
  if (!raw || raw.version !== 1 || !Array.isArray(raw.sheets)) return emptyOutputRecord();
  const names = [...raw.sheets.map((s) => sheetMarker(s.key)), ...(raw.writeBack ? [WRITE_BACK_MARKER] : [])];
  const found = await resolveMarkers(context, names);
  const sheets = raw.sheets.flatMap((s) => {
    const m = found.get(sheetMarker(s.key));
    return m ? [{ key: s.key, id: m.sheetId }] : [];
  });
  const wb = raw.writeBack && found.get(WRITE_BACK_MARKER);
  const writeBack = raw.writeBack && wb ? { ...raw.writeBack, sheetId: wb.sheetId, headerRow: wb.row, column: wb.column } : undefined;
  return { version: 1, sheets, ...(writeBack ? { writeBack } : {}) };
}

/**
 * Queues the ownership record and its markers: one hidden name per sheet on its A1, one on the
 * write-back header cells; markers of keys no longer ours are deleted.
 * @param existing our marker names that exist now (markers.ts `existingMarkers`, loaded before)
 */
export function queueOutputRecord(context: Excel.RequestContext, record: OutputRecord, existing: readonly string[]): void {
  queueSetting(context, OUTPUTS_KEY, record);
  const keep = new Set(record.sheets.map((s) => sheetMarker(s.key).toLowerCase()));
  for (const name of existing) if (name.toLowerCase() !== WRITE_BACK_MARKER && !keep.has(name.toLowerCase()) && name.toLowerCase().includes('_sheet_')) queueMarkerDelete(context, name, existing);
  for (const s of record.sheets) queueMarker(context, sheetMarker(s.key), context.workbook.worksheets.getItem(s.id).getRange('A1'), existing);
  const wb = record.writeBack;
  if (wb) queueMarker(context, WRITE_BACK_MARKER, context.workbook.worksheets.getItem(wb.sheetId).getRange(rectAddress({ row: wb.headerRow, column: wb.column, rows: 1, columns: 2 })), existing);
  else queueMarkerDelete(context, WRITE_BACK_MARKER, existing);
}


/**
 * Makes a name legal for a sheet: forbidden characters become spaces, apostrophes at the ends go,
 * at most 31 characters, "Sheet" when nothing is left.
 * @example legalSheetName('Q1/Q2: [draft]') === 'Q1 Q2   draft'
 */
export function legalSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*:[\]]/g, ' ').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return cleaned || 'Sheet';
}

/**
 * The plan's name, or the first free "Name (n)", never equal (case-insensitively) to a taken name.
 * @param wanted the plan's sheet name
 * @param taken names that must not be used
 * @example uniqueSheetName('Customers', ['customers']) === 'Customers (2)'
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const base = legalSheetName(wanted);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Makes a name legal for a table (or PivotTable): letters, digits, `_` and `.` only, starting with a
 * letter or `_`, not a cell reference such as `A1` or `R1C1`, at most 255 characters.
 * @example legalTableName('2024 sales') === '_2024_sales'; legalTableName('R1C1') === '_R1C1'
 */
export function legalTableName(name: string): string {
  let out = name.replace(/[^\p{L}\p{N}_.]/gu, '_').slice(0, 250) || 'Table';
  if (!/^[\p{L}_]/u.test(out) || /^[A-Za-z]{1,3}\d+$/.test(out) || /^[Rr]\d*[Cc]\d*$/.test(out)) out = `_${out}`;
  return out;
}

/**
 * The plan's table name made legal, or `Name_2`, `Name_3`, ... when a table of the workbook already
 * has it (table names are unique in the whole workbook).
 * @example uniqueTableName('Customers', ['CUSTOMERS']) === 'Customers_2'
 */
export function uniqueTableName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const base = legalTableName(wanted);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

/** Worksheet ids and names of the workbook, loaded in a running batch. */
export async function listSheets(context: Excel.RequestContext): Promise<{ id: string; name: string }[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name');
  await context.sync();
  return sheets.items.map((s) => ({ id: s.id, name: s.name }));
}

/**
 * Activates a sheet by name (e.g. a link in the task pane's summary).
 * @param host the Excel host
 * @param name the sheet's name
 */
export async function activateSheet(host: ExcelHost, name: string): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}
