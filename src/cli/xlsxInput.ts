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
import { InputError, type InputTable } from '../engine';
import { readZip, type ZipEntry } from './zipReader';
import { MAX_PART_BYTES } from './xlsxLimits';
import { readXlsxParts } from './xlsxPackage';
import { withoutRootPrefix } from './xlsxXml';

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
  return readXlsxParts((name) => partText(zip, name, file), file, sheetName);
}
