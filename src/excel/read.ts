/**
 * Reads the transactions from the workbook: the selection, a named Excel table, or (for Refresh) a
 * saved source that may have grown. Values come in row chunks sized from the measured width of the
 * first rows so that every response stays far below the 5 MB limit; number formats of the first
 * chunk tell which columns hold dates (`InputTable.dateFormattedColumns`). Each chunk is packed by
 * column as it arrives (packedTable.ts), so no array per row outlives its chunk.
 * Excel error values (`#N/A`, `#VALUE!`, ...) arrive as their text, which the engine skips as
 * 'error-cell' rows.
 */
import type { Cell } from '../engine';
import type { Lang } from '../i18n';
import { CellRect, intersect, parseRect, rectAddress, splitAddress } from './a1';
import { PAYLOAD_BUDGET_BYTES, chunkRows, chunkSpans, sampledRowBytes } from './chunks';
import { ExcelInputError } from './errors';
import type { PackedPart, PackedTable } from './packedTable';
import { RowPacker } from './rowPacker';
import { type ExcelHost, assertBaseApi } from './host';
import type { SourceRef } from './settings';
import { SOURCE_MARKER, resolveMarkers } from './markers';
import { type WriteBackRecord, readOutputRecord } from './sheets';

/** Options of a read. */
export interface ReadOptions {
  /** Fraction 0..1 of rows read. */
  onProgress?: (fraction: number) => void;
  /** Target response size per sync (default 2 MB). */
  budgetBytes?: number;
  /** Language of refusal messages. */
  lang?: Lang;
  /**
   * Takes each part as it is read (e.g. to send it to the worker at once; the read goes on when the
   * returned promise settles); the result's `data.parts` then holds none of them.
   */
  onPart?: (part: PackedPart) => void | Promise<void>;
}

/** What was read. */
export interface ReadResult {
  /** The header and the rows, packed by column (packedTable.ts): the worker gets them without a copy. */
  data: PackedTable;
  /** The first rows (up to rowPacker.ts HEAD_ROWS), unpacked, for column detection; kept when `data` is handed over. */
  head: Cell[][];
  /** `Sheet!A1:E500`: header and data rows. */
  address: string;
  /** How to find the same data again (saved for Refresh). */
  source: SourceRef;
  sheetId: string;
  /** 0-based position of the header row and first column on the sheet. */
  rect: CellRect;
  /** Cells holding Excel error values. */
  errorCells: number;
}

/** Where to read: a sheet, the rectangle (header included), and the saved form of the source. */
interface Block {
  sheetId: string;
  sheetName: string;
  rect: CellRect;
  source: SourceRef;
}

const SAMPLE_ROWS = 200;

/** True for number formats that display dates or times (d, m, y, h, s outside quotes/brackets). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]|m{3,}|h|s/i.test(bare) && !/^[#0.,%\s]*$/.test(bare) && bare !== '@' && bare.toLowerCase() !== 'general';
}

/**
 * Per column: true when most numeric cells of the sample carry a date format.
 * @param values sample values (data rows)
 * @param formats their number formats
 */
export function dateColumns(values: readonly unknown[][], formats: readonly unknown[][]): boolean[] {
  const width = values[0]?.length ?? 0;
  const out: boolean[] = [];
  for (let c = 0; c < width; c++) {
    let numbers = 0, dates = 0;
    for (let r = 0; r < values.length; r++) {
      if (typeof values[r][c] !== 'number') continue;
      numbers++;
      if (isDateFormat(formats[r]?.[c])) dates++;
    }
    out.push(numbers > 0 && dates * 2 > numbers);
  }
  return out;
}

/**
 * `host.run` for reads: a response over Excel on the web's 5 MB limit (rows much wider than the
 * sampled ones) becomes the "too large" message instead of a raw host error
 * ("Resource limits and performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
async function runRead<T>(host: ExcelHost, lang: Lang | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await host.run(batch);
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') throw new ExcelInputError('excel.tooLargeRead', {}, lang);
    throw error;
  }
}

/**
 * The block without our write-back columns when they are its last two: writing beside an Excel table
 * makes the table grow over them ("the table will expand automatically",
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#import-data-into-tables), and a host
 * without Table.resize cannot shrink it back (writeBack.ts), so Refresh must not read them as input.
 */
function withoutWriteBack(block: Block, wb: WriteBackRecord | undefined): Block {
  const r = block.rect;
  const ours = !!wb && wb.sheetId === block.sheetId && wb.headerRow === r.row && wb.column === r.column + r.columns - 2 && r.columns > 2;
  return ours ? { ...block, rect: { ...r, columns: r.columns - 2 } } : block;
}

/** Reads the rows of a block in chunks (header first), checks ownership, reports progress. */
async function readBlock(context: Excel.RequestContext, given: Block, options: ReadOptions): Promise<ReadResult> {
  const lang = options.lang ?? 'en';
  const owned = await readOutputRecord(context);
  const block = withoutWriteBack(given, owned.writeBack);
  const address = `${quote(block.sheetName)}!${rectAddress(block.rect)}`;
  if (owned.sheets.some((s) => s.id === block.sheetId)) throw new ExcelInputError('excel.ownSheet', { sheet: block.sheetName }, lang);
  if (block.rect.rows === 1 && block.rect.columns === 1) throw new ExcelInputError('excel.oneCell', {}, lang);
  if (block.rect.rows < 2) throw new ExcelInputError('excel.headerOnly', { address }, lang);
  const sheet = context.workbook.worksheets.getItem(block.sheetId);
  const { row, column, rows, columns } = block.rect;
  const sampleCount = Math.min(rows - 1, SAMPLE_ROWS);
  const first = sheet.getRange(rectAddress({ row, column, rows: 1 + sampleCount, columns }));
  first.load('values,numberFormat');
  await context.sync();
  const header = (first.values[0] as unknown[]).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const sample = first.values.slice(1) as Cell[][];
  const dateFormattedColumns = dateColumns(sample, first.numberFormat.slice(1));
  const size = chunkRows(sampledRowBytes(sample), options.budgetBytes ?? PAYLOAD_BUDGET_BYTES);
  const total = rows - 1;
  const packer = new RowPacker(columns, options.onPart);
  await packer.add(sample);
  options.onProgress?.(sampleCount / total);
  for (const [start, end] of chunkSpans(total - sampleCount, size)) {
    const range = sheet.getRange(rectAddress({ row: row + 1 + sampleCount + start, column, rows: end - start, columns }));
    range.load('values');
    await context.sync();
    await packer.add(range.values as Cell[][]);
    options.onProgress?.((sampleCount + end) / total);
  }
  if (!packer.anyValue) throw new ExcelInputError('excel.headerOnly', { address }, lang);
  return {
    data: { header, rowCount: total, parts: packer.parts, firstRowNumber: row + 2, dateFormattedColumns },
    head: packer.head,
    address,
    source: block.source,
    sheetId: block.sheetId,
    rect: block.rect,
    errorCells: packer.errorCells,
  };
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Loads position fields of a range and its sheet. */
function loadPlace(range: Excel.Range, sheet: Excel.Worksheet): void {
  range.load('rowIndex,columnIndex,rowCount,columnCount');
  sheet.load('id,name');
}

function placeRect(range: Excel.Range): CellRect {
  return { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

/**
 * Reads the selected block: the selection cut to the sheet's used range, so whole columns work.
 * @throws ExcelInputError for an empty selection, one cell, a header only, or one of our sheets
 */
export async function readSelection(host: ExcelHost, options: ReadOptions = {}): Promise<ReadResult> {
  assertBaseApi(host);
  return runRead(host, options.lang, async (context) => {
    const selection = context.workbook.getSelectedRange();
    const sheet = selection.worksheet;
    const used = sheet.getUsedRangeOrNullObject(true);
    loadPlace(selection, sheet);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync().catch((e: { code?: string }) => {
      throw e?.code === 'InvalidSelection' ? new ExcelInputError('excel.multipleAreas', {}, options.lang) : e;
    });
    const selected = placeRect(selection);
    const rect = used.isNullObject ? undefined : intersect(selected, placeRect(used));
    if (!rect) {
      const owned = await readOutputRecord(context);
      if (owned.sheets.some((s) => s.id === sheet.id)) throw new ExcelInputError('excel.ownSheet', { sheet: sheet.name }, options.lang);
      throw new ExcelInputError(selected.rows * selected.columns === 1 ? 'excel.oneCell' : 'excel.emptySelection', {}, options.lang);
    }
    const headerAddress = rectAddress({ ...rect, rows: 1 });
    return readBlock(context, { sheetId: sheet.id, sheetName: sheet.name, rect, source: { kind: 'range', sheetId: sheet.id, sheetName: sheet.name, headerAddress } }, options);
  });
}

/**
 * Reads a named Excel table (header and all its rows).
 * @throws ExcelInputError when the table does not exist or has no data
 */
export async function readTable(host: ExcelHost, tableName: string, options: ReadOptions = {}): Promise<ReadResult> {
  assertBaseApi(host);
  return runRead(host, options.lang, async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName);
    table.load('name');
    await context.sync();
    if (table.isNullObject) throw new ExcelInputError('excel.tableMissing', { name: tableName }, options.lang);
    const range = table.getRange();
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const sheetName = splitAddress(range.address).sheet ?? '';
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.load('id,name');
    await context.sync();
    return readBlock(context, { sheetId: sheet.id, sheetName: sheet.name, rect: placeRect(range), source: { kind: 'table', tableName: table.name } }, options);
  });
}

/**
 * Reads a saved source again: a table as it is now, or the rows under the saved header down to the
 * last used row of its sheet (new rows pasted below are included).
 */
export async function readSource(host: ExcelHost, source: SourceRef, options: ReadOptions = {}): Promise<ReadResult> {
  if (source.kind === 'table') return readTable(host, source.tableName, options);
  return runRead(host, options.lang, async (context) => {
    // The header row's marker follows the sheet across reopening, renames and inserted rows or columns;
    // the saved sheet id is valid only in the session that saved it (markers.ts).
    const marker = (await resolveMarkers(context, [SOURCE_MARKER])).get(SOURCE_MARKER);
    // without a marker (saved by an older version): the saved id, valid in the session that saved it,
    // then the sheet's name
    let sheet = context.workbook.worksheets.getItemOrNullObject(marker?.sheetId ?? source.sheetId);
    sheet.load('id,name');
    await context.sync();
    if (sheet.isNullObject && !marker) {
      sheet = context.workbook.worksheets.getItemOrNullObject(source.sheetName);
      sheet.load('id,name');
      await context.sync();
    }
    const saved = parseRect(source.headerAddress);
    const header = saved && marker ? { ...saved, row: marker.row, column: marker.column } : saved;
    if (sheet.isNullObject || !header) throw new ExcelInputError('excel.sourceSheetMissing', {}, options.lang);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    await context.sync();
    const lastRow = used.isNullObject ? header.row : Math.max(header.row, used.rowIndex + used.rowCount - 1);
    const rect = { ...header, rows: lastRow - header.row + 1 };
    return readBlock(context, { sheetId: sheet.id, sheetName: sheet.name, rect, source: { ...source, sheetId: sheet.id, sheetName: sheet.name, headerAddress: rectAddress(header) } }, options);
  });
}

/**
 * Names of the workbook's Excel tables, our output tables left out.
 */
export async function listSourceTables(host: ExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const owned = await readOutputRecord(context);
    const tables = context.workbook.tables;
    tables.load('items/name');
    await context.sync();
    const ids = new Set(owned.sheets.map((s) => s.id));
    const sheets = tables.items.map((t) => {
      const ws = t.worksheet;
      ws.load('id');
      return ws;
    });
    await context.sync();
    return tables.items.filter((_, i) => !ids.has(sheets[i].id)).map((t) => t.name);
  });
}
