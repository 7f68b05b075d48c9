/**
 * The rows of one worksheet part (ECMA-376 Part 1, 18.3.1.73 row, 18.3.1.4 c) as an InputTable,
 * scanned as text. Excel's limits hold before anything is stored: a row number past 1,048,576, a
 * column past XFD or text over 32,767 characters stops the read with a message naming the row or
 * cell (cli/xlsxLimits.ts), so a 2 KB file cannot ask for gigabytes. Problems throw XlsxFormatError;
 * the reader adds the file and sheet.
 */
import type { Cell, InputTable } from '../engine';
import { EXCEL_EPOCH_OFFSET } from '../engine';
import { columnLetter } from '../engine';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './xlsxLimits';
import { XlsxFormatError, attribute, closingIndex, elementText, runsText, tagEndIndex } from './xlsxXml';

/** Days between the 1904 and the 1900 date systems' serial numbers. */
const DAYS_1904_TO_1900 = 1462;

/** One cell as the engine takes it, and whether it was a date cell. */
interface ReadCell {
  value: Cell;
  isDate: boolean;
}

/** What the cells of a sheet need from the rest of the package. */
export interface SheetContext {
  strings: string[];
  dateStyle: boolean[];
  date1904: boolean;
}

function isBlank(cells: ReadCell[]): boolean {
  return cells.every((c) => c === undefined || c.value === null || (typeof c.value === 'string' && c.value.trim() === ''));
}

/** Collects a sheet's rows into an InputTable. */
export class TableBuilder {
  header: string[] | null = null;
  headerRowNumber = 0;
  rows: Cell[][] = [];
  dateColumns: boolean[] = [];
  private lastNonBlank = 0;

  add(rowNumber: number, cells: ReadCell[]): void {
    if (this.header === null) {
      if (isBlank(cells)) return;
      this.header = Array.from(cells, (c) => (c === undefined || c.value === null ? '' : String(c.value).trim()));
      this.headerRowNumber = rowNumber;
      return;
    }
    const index = rowNumber - this.headerRowNumber - 1;
    if (index < 0) return;
    while (this.rows.length < index) this.rows.push([]);
    const row: Cell[] = new Array<Cell>(cells.length);
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j];
      row[j] = c === undefined ? null : c.value;
      if (c?.isDate) this.dateColumns[j] = true;
    }
    this.rows[index] = row;
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

/**
 * 0-based column of a cell reference such as `AB12`.
 * @throws XlsxFormatError when the column is past Excel's last (XFD)
 */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > EXCEL_MAX_COLUMNS) throw new XlsxFormatError(`cell ${ref.slice(0, 20)} is past Excel's last column (XFD, ${EXCEL_MAX_COLUMNS.toLocaleString('en-US')})`);
  }
  return column - 1;
}

/** A text cell's value. @throws XlsxFormatError when it is longer than a cell can hold */
function textCell(text: string, where: () => string): ReadCell {
  if (text.length > EXCEL_MAX_CELL_CHARS) {
    throw new XlsxFormatError(`cell ${where()} holds ${text.length.toLocaleString('en-US')} characters, more than an Excel cell can (${EXCEL_MAX_CELL_CHARS.toLocaleString('en-US')})`);
  }
  return { value: text, isDate: false };
}

/** A `<c>` element's value from its type, style and inner XML. */
function cellOf(type: string | undefined, style: number, inner: string, ctx: SheetContext, where: () => string): ReadCell {
  if (type === 's') {
    const text = ctx.strings[Number(elementText(inner, 'v'))];
    return text === undefined ? { value: null, isDate: false } : textCell(text, where);
  }
  if (type === 'inlineStr') return textCell(runsText(inner), where);
  const v = elementText(inner, 'v');
  if (v === undefined) return { value: null, isDate: false };
  if (type === 'str' || type === 'e') return textCell(v, where);
  if (type === 'b') return { value: v === '1' || v === 'true', isDate: false };
  if (type === 'd') {
    const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`);
    return Number.isNaN(ms) ? textCell(v, where) : { value: ms / 86_400_000 + EXCEL_EPOCH_OFFSET, isDate: true };
  }
  const number = Number(v);
  if (v.trim() === '' || Number.isNaN(number)) return textCell(v, where);
  const isDate = ctx.dateStyle[style] === true;
  return { value: isDate && ctx.date1904 ? number + DAYS_1904_TO_1900 : number, isDate };
}

/** The cells of one row's inner XML, by column. */
function rowCells(xml: string, rowNumber: number, ctx: SheetContext): ReadCell[] {
  const cells: ReadCell[] = [];
  let column = -1;
  for (let at = xml.indexOf('<c'); at >= 0; at = xml.indexOf('<c', at)) {
    const next = xml[at + 2];
    const tagEnd = tagEndIndex(xml, at);
    if (next !== ' ' && next !== '>' && next !== '/') {
      at = tagEnd + 1;
      continue;
    }
    const tag = xml.slice(at, tagEnd);
    const ref = attribute(tag, 'r');
    column = ref ? columnOf(ref) : column + 1;
    if (column < 0 || column >= EXCEL_MAX_COLUMNS) throw new XlsxFormatError(`row ${rowNumber} has a cell past Excel's last column (XFD)`);
    let inner = '';
    if (xml[tagEnd - 1] === '/') at = tagEnd + 1;
    else {
      const close = closingIndex(xml, '</c>', tagEnd);
      inner = xml.slice(tagEnd + 1, close);
      at = close + 4;
    }
    const cellColumn = column;
    cells[column] = cellOf(attribute(tag, 't'), Number(attribute(tag, 's') ?? 0), inner, ctx, () => `${columnLetter(cellColumn)}${rowNumber}`);
  }
  return cells;
}

/** A `<row>`'s number: its `r` attribute, else the one after the previous row. */
function rowNumberOf(tag: string, previous: number): number {
  const r = attribute(tag, 'r');
  const number = r === undefined ? previous + 1 : Number(r);
  if (!Number.isInteger(number) || number < 1) throw new XlsxFormatError(`row number ${JSON.stringify(r)} is not a row number`);
  if (number > EXCEL_MAX_ROWS) throw new XlsxFormatError(`row number ${number.toLocaleString('en-US')} is past Excel's last row (${EXCEL_MAX_ROWS.toLocaleString('en-US')})`);
  return number;
}

/**
 * Reads the rows of a sheet part into the builder.
 * @throws XlsxFormatError naming the row or cell: past Excel's limits, or an element that never closes
 */
export function readSheetRows(xml: string, ctx: SheetContext, builder: TableBuilder): void {
  const start = xml.indexOf('<sheetData');
  if (start < 0 || xml[tagEndIndex(xml, start) - 1] === '/') return;
  const end = closingIndex(xml, '</sheetData>', start);
  let rowNumber = 0;
  for (let at = xml.indexOf('<row', start); at >= 0 && at < end; at = xml.indexOf('<row', at)) {
    const tagEnd = tagEndIndex(xml, at);
    if (xml[at + 4] !== ' ' && xml[at + 4] !== '>' && xml[at + 4] !== '/') {
      at = tagEnd + 1;
      continue;
    }
    const tag = xml.slice(at, tagEnd);
    rowNumber = rowNumberOf(tag, rowNumber);
    if (xml[tagEnd - 1] === '/') {
      at = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</row>', tagEnd);
    if (close < 0) throw new XlsxFormatError(`row ${rowNumber}: a <row> element never closes`);
    try {
      builder.add(rowNumber, rowCells(xml.slice(tagEnd + 1, close), rowNumber, ctx));
    } catch (err) {
      if (err instanceof XlsxFormatError) throw new XlsxFormatError(`row ${rowNumber}: ${err.message}`);
      throw err;
    }
    at = close + 6;
  }
}
