/**
 * Rows of a sheet as raw SpreadsheetML, written straight into the stream of ExcelJS's streaming
 * worksheet writer. ExcelJS builds several objects and an XML tree per cell; here each cell is one
 * short string, with the workbook's own shared-string table and style registry, so the file is
 * the same as ExcelJS would write (ECMA-376 Part 1, 18.3.1.73 row, 18.3.1.4 c) and several times
 * faster to produce. Written for exceljs 4.4 (package-lock pins it).
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../engine';

/** The private parts of ExcelJS's streaming writers this module uses. */
interface StreamingWorkbook {
  sharedStrings: { add(text: string): number };
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number };
}
interface StreamingWorksheet {
  startedData: boolean;
  stream: { write(text: string): unknown };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

/** ExcelJS's value types (Enums.ValueType), which pick the default number format of a style. */
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;
/** Characters XML 1.0 cannot hold; Excel would refuse the file, so they go in as `_xHHHH_` escapes. */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this finds
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** `_xHHHH_` in text means a character to Excel (ECMA-376 22.9.2.19): a literal one is escaped. */
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;
/** Rows gathered before one write to the stream. */
const ROWS_PER_WRITE = 500;

/** A cell value the writer accepts. */
export type RawValue = string | number | boolean | null | undefined;

/**
 * Text as Excel will read it back unchanged (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a literal
 * `_xHHHH_` is escaped first, then each character XML cannot hold becomes its `_xHHHH_` escape,
 * so `ctl\u0001` and `ctl` stay two different ids.
 */
function plainText(value: string): string {
  const text = value.includes('_x') ? value.replace(ESCAPE_LIKE, '_x005F_$1') : value;
  return text.replace(INVALID_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Writes one sheet's rows in ascending order; cells of a row in ascending column order. */
export class RawRowWriter {
  private readonly wb: StreamingWorkbook;
  private readonly ws: StreamingWorksheet;
  private readonly styleIds = new Map<Partial<ExcelJS.Style>, [number, number]>();
  private readonly letters: string[] = [];
  private chunk: string[] = [];
  private cells = '';
  private rowsInChunk = 0;

  /**
   * @param workbook the streaming workbook that owns the sheet (its styles and shared strings)
   * @param worksheet the sheet to write; nothing else may add rows to it
   */
  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter, worksheet: ExcelJS.Worksheet) {
    this.wb = workbook as unknown as StreamingWorkbook;
    this.ws = worksheet as unknown as StreamingWorksheet;
  }

  private letter(column: number): string {
    let text = this.letters[column];
    if (text === undefined) {
      text = columnLetter(column);
      this.letters[column] = text;
    }
    return text;
  }

  private styleId(style: Partial<ExcelJS.Style>, isString: boolean): number {
    let ids = this.styleIds.get(style);
    if (!ids) {
      ids = [this.wb.styles.addStyleModel(style, NUMBER_TYPE), this.wb.styles.addStyleModel(style, STRING_TYPE)];
      this.styleIds.set(style, ids);
    }
    return ids[isString ? 1 : 0];
  }

  /**
   * Adds a cell to the current row. Strings always go in as shared strings (text, never a formula).
   * @param row 0-based row (the current one)
   * @param column 0-based column, greater than the previous cell's
   * @param value the value; null, undefined and non-finite numbers leave the cell out
   * @param style a shared style object (see the writer's StyleCache)
   */
  cell(row: number, column: number, value: RawValue, style: Partial<ExcelJS.Style>): void {
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
    const ref = `${this.letter(column)}${row + 1}`;
    if (typeof value === 'number') {
      this.cells += `<c r="${ref}" s="${this.styleId(style, false)}"><v>${value}</v></c>`;
    } else if (typeof value === 'boolean') {
      this.cells += `<c r="${ref}" s="${this.styleId(style, false)}" t="b"><v>${value ? 1 : 0}</v></c>`;
    } else {
      const index = this.wb.sharedStrings.add(plainText(value));
      this.cells += `<c r="${ref}" s="${this.styleId(style, true)}" t="s"><v>${index}</v></c>`;
    }
  }

  /**
   * Closes the current row.
   * @param row 0-based row
   * @param heightPoints the row's height when it is not the default (wrapped text), in points
   * @returns true when a batch of rows went to the stream (a good moment to yield)
   */
  endRow(row: number, heightPoints?: number): boolean {
    const height = heightPoints ? ` ht="${heightPoints}" customHeight="1"` : '';
    if (this.cells) this.chunk.push(`<row r="${row + 1}"${height}>${this.cells}</row>`);
    this.cells = '';
    if (++this.rowsInChunk < ROWS_PER_WRITE) return false;
    this.flush();
    return true;
  }

  /** Sends the gathered rows to the stream (opening the sheet data first). */
  flush(): void {
    if (!this.ws.startedData) {
      this.ws._writeColumns();
      this.ws._writeOpenSheetData();
      this.ws.startedData = true;
    }
    if (this.chunk.length > 0) this.ws.stream.write(this.chunk.join(''));
    this.chunk = [];
    this.rowsInChunk = 0;
  }
}
