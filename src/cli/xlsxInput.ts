/**
 * `.xlsx` input for the CLI: one sheet of a workbook as an InputTable, read with ExcelJS's
 * streaming reader (rows are not all held as ExcelJS objects at once).
 *
 * The first non-empty row is the header. Cells with a date number format become Excel serial
 * numbers and their column is flagged in `dateFormattedColumns`, as the add-in reports date cells;
 * formulas give their cached result, error cells their error text (`#N/A`), rich text its text.
 * Row numbers are kept: `rows[i]` is sheet row `firstRowNumber + i`, empty rows included.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError, type Cell, type InputTable } from '../engine/types';

/** Excel serial of 1970-01-01 (1900 date system; ExcelJS already applied the 1904 offset). */
const EXCEL_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;

/** One cell as the engine takes it, and whether it was a date cell. */
interface ReadCell {
  value: Cell;
  isDate: boolean;
}

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymd]/i.test(bare);
}

/** An ExcelJS cell value as a plain engine cell. */
function plainValue(value: ExcelJS.CellValue, format: string | undefined): ReadCell {
  if (value === null || value === undefined) return { value: null, isDate: false };
  if (value instanceof Date) return { value: value.getTime() / MS_PER_DAY + EXCEL_EPOCH, isDate: true };
  if (typeof value === 'number') return { value, isDate: isDateFormat(format) };
  if (typeof value === 'string' || typeof value === 'boolean') return { value, isDate: false };
  if ('error' in value) return { value: String(value.error), isDate: false };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join(''), isDate: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return plainValue((result ?? null) as ExcelJS.CellValue, format);
  }
  if ('text' in value) return { value: String((value as ExcelJS.CellHyperlinkValue).text), isDate: false };
  return { value: null, isDate: false };
}

/** The cells of one row, 0-based, with date flags. */
function rowCells(row: ExcelJS.Row): ReadCell[] {
  const out: ReadCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    while (out.length < columnNumber - 1) out.push({ value: null, isDate: false });
    out[columnNumber - 1] = plainValue(cell.value, cell.numFmt);
  });
  return out;
}

function isBlank(cells: ReadCell[]): boolean {
  return cells.every((c) => c.value === null || (typeof c.value === 'string' && c.value.trim() === ''));
}

/** Collects a sheet's rows into an InputTable. */
class TableBuilder {
  header: string[] | null = null;
  headerRowNumber = 0;
  rows: Cell[][] = [];
  dateColumns: boolean[] = [];
  private lastNonBlank = 0;

  add(rowNumber: number, cells: ReadCell[]): void {
    if (this.header === null) {
      if (isBlank(cells)) return;
      this.header = cells.map((c) => (c.value === null ? '' : String(c.value).trim()));
      this.headerRowNumber = rowNumber;
      return;
    }
    const index = rowNumber - this.headerRowNumber - 1;
    while (this.rows.length < index) this.rows.push([]);
    this.rows[index] = cells.map((c) => c.value);
    cells.forEach((c, j) => {
      if (c.isDate) this.dateColumns[j] = true;
    });
    if (!isBlank(cells)) this.lastNonBlank = index + 1;
  }

  table(): InputTable | null {
    if (this.header === null) return null;
    const width = Math.max(this.header.length, this.dateColumns.length);
    const dateFormattedColumns = Array.from({ length: width }, (_, j) => this.dateColumns[j] === true);
    return {
      header: this.header,
      rows: this.rows.slice(0, this.lastNonBlank),
      firstRowNumber: this.headerRowNumber + 1,
      ...(dateFormattedColumns.some(Boolean) ? { dateFormattedColumns } : {}),
    };
  }
}

interface SheetInfo {
  name: string;
  rId?: string;
}

/** The parts of ExcelJS's streaming reader that it does not type. */
interface ReaderState {
  model?: { sheets?: SheetInfo[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** The workbook's sheets in tab order, once the reader has seen workbook.xml. */
function sheetsOf(reader: ReaderState): SheetInfo[] {
  return reader.model?.sheets ?? [];
}

/** Sheet name of a worksheet part number, from the workbook's relationships. */
function nameOfPart(reader: ReaderState, part: string): string | undefined {
  const rel = (reader.workbookRels ?? []).find((r) => r.Target === `worksheets/sheet${part}.xml` || r.Target === `/xl/worksheets/sheet${part}.xml`);
  return rel ? sheetsOf(reader).find((s) => s.rId === rel.Id)?.name : undefined;
}

function matchesSheet(name: string, wanted: string): boolean {
  return name === wanted || name.trim().toLowerCase() === wanted.trim().toLowerCase();
}

async function readRows(sheet: AsyncIterable<ExcelJS.Row>, builder: TableBuilder): Promise<void> {
  for await (const row of sheet) builder.add(row.number, rowCells(row));
}

/**
 * Reads one sheet of an .xlsx workbook.
 * Worksheets that the streaming reader meets before the workbook part (some writers store them
 * first) cannot be named yet: they are read provisionally and matched by name at the end.
 * @param filePath the workbook
 * @param sheetName the sheet to read (exact, else case-insensitive); default: the first sheet
 * @returns the sheet as an InputTable (header row, data rows, date columns)
 * @throws InputError naming the file (and sheet) when it cannot be used
 */
export async function readXlsxTable(filePath: string, sheetName?: string): Promise<InputTable> {
  const file = path.basename(filePath);
  if (!fs.existsSync(filePath)) throw new InputError(`${file}: file not found`);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  const state = reader as unknown as ReaderState;
  // ExcelJS looks sheets up in model.sheets and fails when a sheet precedes workbook.xml.
  state.model = { sheets: [] };
  let found: { name: string; builder: TableBuilder } | null = null;
  const provisional = new Map<string, TableBuilder>();
  try {
    for await (const sheet of reader) {
      const part = String((sheet as unknown as { id: string | number }).id);
      if (sheetsOf(state).length === 0) {
        const builder = new TableBuilder();
        provisional.set(part, builder);
        await readRows(sheet, builder);
        continue;
      }
      const name = (sheet as unknown as { name: string }).name;
      if (found !== null || !matchesSheet(name, sheetName ?? sheetsOf(state)[0].name)) continue;
      found = { name, builder: new TableBuilder() };
      await readRows(sheet, found.builder);
    }
  } catch (err) {
    throw new InputError(`${file}: not a readable .xlsx workbook (${(err as Error).message})`);
  }
  const names = sheetsOf(state).map((s) => s.name);
  if (found === null) {
    const wanted = sheetName ?? names[0];
    for (const [part, builder] of provisional) {
      const name = nameOfPart(state, part);
      if (name !== undefined && wanted !== undefined && matchesSheet(name, wanted)) found = { name, builder };
    }
  }
  if (found === null) {
    const list = names.map((n) => `"${n}"`).join(', ');
    throw new InputError(sheetName ? `${file}: no sheet named "${sheetName}"; its sheets are ${list}` : `${file}: the workbook has no sheets`);
  }
  const table = found.builder.table();
  if (!table) throw new InputError(`${file}: sheet "${found.name}" is empty`);
  return table;
}
