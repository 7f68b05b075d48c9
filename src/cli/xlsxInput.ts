/**
 * `.xlsx` input for the CLI: one sheet of a workbook as an InputTable.
 *
 * Reads the package directly (zipReader.ts, xlsxXml.ts): the workbook's sheet list and date
 * system, shared strings, which styles are dates, then the sheet's rows, scanned as text. Libraries
 * were measured against it and kept out (docs/workbook.md, ".xlsx input"): ExcelJS's streaming
 * reader stops early on SheetJS-ordered packages, its full reader turns ISO date cells into years
 * and crashes on prefixed XML; SheetJS 0.18.5 (the last on npm, with open advisories for crafted
 * files) shifts ISO date cells by the machine's time zone; both are 4-7x slower and use 2-3x the
 * memory. The first non-empty row is the header. Cells with a
 * date number format keep their Excel serial (1900 system) and flag their column in
 * `dateFormattedColumns`, as the add-in reports date cells; formulas give their cached result,
 * error cells their error text (`#N/A`), rich text its text. `rows[i]` is sheet row
 * `firstRowNumber + i`, empty rows included.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError, type Cell, type InputTable } from '../engine/types';
import { EXCEL_EPOCH_OFFSET } from '../engine/dateText';
import { readZip, type ZipEntry } from './zipReader';
import { attribute, dateStyles, elementText, relationships, runsText, sharedStrings, withoutRootPrefix, workbookInfo } from './xlsxXml';

/** Days between the 1904 and the 1900 date systems' serial numbers. */
const DAYS_1904_TO_1900 = 1462;

/** One cell as the engine takes it, and whether it was a date cell. */
interface ReadCell {
  value: Cell;
  isDate: boolean;
}

/** What the cells of a sheet need from the rest of the package. */
interface SheetContext {
  strings: string[];
  dateStyle: boolean[];
  date1904: boolean;
}

function isBlank(cells: ReadCell[]): boolean {
  return cells.every((c) => c === undefined || c.value === null || (typeof c.value === 'string' && c.value.trim() === ''));
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

/** 0-based column of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/** A `<c>` element's value from its type, style and inner XML. */
function cellOf(type: string | undefined, style: number, inner: string, ctx: SheetContext): ReadCell {
  if (type === 's') return { value: ctx.strings[Number(elementText(inner, 'v'))] ?? null, isDate: false };
  if (type === 'inlineStr') return { value: runsText(inner), isDate: false };
  const v = elementText(inner, 'v');
  if (v === undefined) return { value: null, isDate: false };
  if (type === 'str' || type === 'e') return { value: v, isDate: false };
  if (type === 'b') return { value: v === '1' || v === 'true', isDate: false };
  if (type === 'd') {
    const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`);
    return Number.isNaN(ms) ? { value: v, isDate: false } : { value: ms / 86_400_000 + EXCEL_EPOCH_OFFSET, isDate: true };
  }
  const number = Number(v);
  if (v.trim() === '' || Number.isNaN(number)) return { value: v, isDate: false };
  const isDate = ctx.dateStyle[style] === true;
  return { value: isDate && ctx.date1904 ? number + DAYS_1904_TO_1900 : number, isDate };
}

/** The cells of one row's inner XML, by column. */
function rowCells(xml: string, ctx: SheetContext): ReadCell[] {
  const cells: ReadCell[] = [];
  let column = -1;
  for (let at = xml.indexOf('<c'); at >= 0; at = xml.indexOf('<c', at)) {
    const next = xml[at + 2];
    const tagEnd = xml.indexOf('>', at);
    if (next !== ' ' && next !== '>' && next !== '/') {
      at = tagEnd + 1;
      continue;
    }
    const tag = xml.slice(at, tagEnd);
    const ref = attribute(tag, 'r');
    column = ref ? columnOf(ref) : column + 1;
    let inner = '';
    if (xml[tagEnd - 1] === '/') at = tagEnd + 1;
    else {
      const close = xml.indexOf('</c>', tagEnd);
      inner = xml.slice(tagEnd + 1, close);
      at = close + 4;
    }
    cells[column] = cellOf(attribute(tag, 't'), Number(attribute(tag, 's') ?? 0), inner, ctx);
  }
  return cells;
}

/** Reads the rows of a sheet part into the builder. */
function readSheetRows(xml: string, ctx: SheetContext, builder: TableBuilder): void {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return;
  let rowNumber = 0;
  for (let at = xml.indexOf('<row', start); at >= 0; at = xml.indexOf('<row', at)) {
    const tagEnd = xml.indexOf('>', at);
    const tag = xml.slice(at, tagEnd);
    const r = attribute(tag, 'r');
    rowNumber = r ? Number(r) : rowNumber + 1;
    if (xml[tagEnd - 1] === '/') {
      at = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</row>', tagEnd);
    builder.add(rowNumber, rowCells(xml.slice(tagEnd + 1, close), ctx));
    at = close + 6;
  }
}

/** A part of the package as text (element names without a namespace prefix), or undefined when absent. */
function partText(zip: Map<string, ZipEntry>, name: string): string | undefined {
  const bytes = zip.get(name.replace(/^\//, ''))?.read();
  return bytes === undefined ? undefined : withoutRootPrefix(bytes.toString('utf8'));
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

function matchesSheet(name: string, wanted: string): boolean {
  return name === wanted || name.trim().toLowerCase() === wanted.trim().toLowerCase();
}

/** The workbook file's bytes. */
function packageBytes(filePath: string): Buffer {
  if (!fs.existsSync(filePath)) throw new InputError(`${path.basename(filePath)}: file not found`);
  return fs.readFileSync(filePath);
}

function openPackage(bytes: Buffer, file: string): Map<string, ZipEntry> {
  try {
    return readZip(bytes);
  } catch (err) {
    throw new InputError(`${file}: not a readable .xlsx workbook (${(err as Error).message})`);
  }
}

/**
 * Reads one sheet of an .xlsx workbook.
 * @param filePath the workbook
 * @param sheetName the sheet to read (exact, else case-insensitive); default: the first sheet
 * @param bytes the file's bytes when the caller has already read them (the CLI reads the file once
 *   to tell its format); default: read from filePath
 * @returns the sheet as an InputTable (header row, data rows, date columns)
 * @throws InputError naming the file (and sheet) when it cannot be used
 */
export async function readXlsxTable(filePath: string, sheetName?: string, bytes: Buffer = packageBytes(filePath)): Promise<InputTable> {
  const file = path.basename(filePath);
  const zip = openPackage(bytes, file);
  const rootRels = relationships(partText(zip, '_rels/.rels') ?? '');
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
  const workbookXml = partText(zip, workbookPart);
  if (workbookXml === undefined) throw new InputError(`${file}: not a readable .xlsx workbook (no workbook part)`);
  const { sheets, date1904 } = workbookInfo(workbookXml);
  if (sheets.length === 0) throw new InputError(`${file}: the workbook has no sheets`);
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => matchesSheet(s.name, sheetName));
  if (!sheet) throw new InputError(`${file}: no sheet named "${sheetName}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  const relsPart = `${path.posix.dirname(workbookPart)}/_rels/${path.posix.basename(workbookPart)}.rels`;
  const rels = relationships(partText(zip, relsPart) ?? '');
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const target = rels.get(sheet.relationshipId);
  const sheetXml = target ? partText(zip, resolvePart(workbookPart, target.target)) : undefined;
  if (sheetXml === undefined) throw new InputError(`${file}: sheet "${sheet.name}" is not a worksheet this reader can open`);
  const stringsRel = byType('/sharedStrings');
  const stylesRel = byType('/styles');
  const ctx: SheetContext = {
    strings: stringsRel ? sharedStrings(partText(zip, resolvePart(workbookPart, stringsRel.target)) ?? '') : [],
    dateStyle: stylesRel ? dateStyles(partText(zip, resolvePart(workbookPart, stylesRel.target)) ?? '') : [],
    date1904,
  };
  const builder = new TableBuilder();
  readSheetRows(sheetXml, ctx, builder);
  const table = builder.table();
  if (!table) throw new InputError(`${file}: sheet "${sheet.name}" is empty`);
  return table;
}
