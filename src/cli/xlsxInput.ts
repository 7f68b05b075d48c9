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
 * `firstRowNumber + i`, empty rows included. Hostile packages end promptly with an InputError
 * naming the file and the part, sheet, row or cell (limits in cli/xlsxLimits.ts, docs/input.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError, type InputTable } from '../engine/types';
import { readZip, type ZipEntry } from './zipReader';
import { MAX_PART_BYTES, MAX_SHARED_STRINGS } from './xlsxLimits';
import { TableBuilder, readSheetRows, type SheetContext } from './xlsxSheet';
import { XlsxFormatError, dateStyles, relationships, sharedStrings, withoutRootPrefix, workbookInfo } from './xlsxXml';

/** A part of the package as text (element names without a namespace prefix), or undefined when absent. */
function partText(zip: Map<string, ZipEntry>, name: string, file: string): string | undefined {
  const entry = zip.get(name.replace(/^\//, ''));
  if (entry === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = entry.read(MAX_PART_BYTES);
  } catch (err) {
    throw new InputError(`${file}: not a readable .xlsx workbook (${(err as Error).message})`);
  }
  return withoutRootPrefix(bytes.toString('utf8'));
}

/** Runs one step of reading a part, turning its format errors into InputErrors that name the file and the part (or sheet). */
function inPart<T>(where: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof XlsxFormatError) throw new InputError(`${where}: ${err.message}`);
    throw err;
  }
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
  const part = (name: string) => partText(zip, name, file);
  const rootRels = inPart(`${file}: _rels/.rels`, () => relationships(part('_rels/.rels') ?? ''));
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
  const workbookXml = part(workbookPart);
  if (workbookXml === undefined) throw new InputError(`${file}: not a readable .xlsx workbook (no workbook part)`);
  const { sheets, date1904 } = inPart(`${file}: ${workbookPart}`, () => workbookInfo(workbookXml));
  if (sheets.length === 0) throw new InputError(`${file}: the workbook has no sheets`);
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => matchesSheet(s.name, sheetName));
  if (!sheet) throw new InputError(`${file}: no sheet named "${sheetName}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  const relsPart = `${path.posix.dirname(workbookPart)}/_rels/${path.posix.basename(workbookPart)}.rels`;
  const rels = inPart(`${file}: ${relsPart}`, () => relationships(part(relsPart) ?? ''));
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const target = rels.get(sheet.relationshipId);
  const sheetXml = target ? part(resolvePart(workbookPart, target.target)) : undefined;
  if (sheetXml === undefined) throw new InputError(`${file}: sheet "${sheet.name}" is not a worksheet this reader can open`);
  const partOfType = (suffix: string) => {
    const rel = byType(suffix);
    return rel === undefined ? undefined : resolvePart(workbookPart, rel.target);
  };
  const stringsPart = partOfType('/sharedStrings');
  const stylesPart = partOfType('/styles');
  const ctx: SheetContext = {
    strings: stringsPart ? inPart(`${file}: ${stringsPart}`, () => sharedStrings(part(stringsPart) ?? '', MAX_SHARED_STRINGS)) : [],
    dateStyle: stylesPart ? inPart(`${file}: ${stylesPart}`, () => dateStyles(part(stylesPart) ?? '')) : [],
    date1904,
  };
  const builder = new TableBuilder();
  inPart(`${file}: sheet "${sheet.name}"`, () => readSheetRows(sheetXml, ctx, builder));
  const table = builder.table();
  if (!table) throw new InputError(`${file}: sheet "${sheet.name}" is empty`);
  return table;
}
