/**
 * A file the visitor opens on the preview page, as the sheet the pane then reads: a CSV (or TSV,
 * semicolon- or whitespace-separated text) through the CLI's own text reader (cli/textTable.ts,
 * Papa Parse), an .xlsx through the CLI's own package reader (cli/xlsxPackage.ts) over the
 * browser's unzip (zip.ts). Text cells stay text (never evaluated); dates of an .xlsx keep their
 * serials and get a date format, as Excel would show them.
 */
import { InputError, type InputTable } from '../engine';
import { parseDelimitedText } from '../cli/textTable';
import { MAX_PART_BYTES } from '../cli/xlsxLimits';
import { readXlsxParts } from '../cli/xlsxPackage';
import { withoutRootPrefix } from '../cli/xlsxXml';
import type { CellValue } from '../simulator/cells';
import { zipTextParts } from './zip';

/** Zip archives (.xlsx) start with a local file header. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Decodes a text file as the CLI does (cli/readers.ts decodeText): UTF-16 by its byte-order mark,
 * else UTF-8 (its BOM dropped), else Windows-1252 when the bytes are not UTF-8.
 * @param bytes the file
 * @param name the file name, for messages
 * @returns the text
 * @throws InputError when the file is binary or empty
 */
export function decodeFileText(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 4096).includes(0)) throw new InputError(`${name} is not a text file (CSV, TSV or whitespace-separated text expected)`);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (text.trim() === '') throw new InputError(`${name} is empty`);
  return text;
}

/**
 * Reads the visitor's file.
 * @param name the file name
 * @param bytes its bytes
 * @returns the first sheet (or the text) as a table
 * @throws InputError (or Error from a damaged archive) with a message naming the file
 */
export async function readVisitorFile(name: string, bytes: Uint8Array): Promise<InputTable> {
  if (!isZip(bytes)) return parseDelimitedText(decodeFileText(bytes, name));
  let parts: Map<string, string>;
  try {
    parts = await zipTextParts(bytes, MAX_PART_BYTES);
  } catch (error) {
    throw new InputError(`${name}: not a readable .xlsx workbook (${(error as Error).message})`);
  }
  return readXlsxParts((part) => {
    const text = parts.get(part.replace(/^\//, ''));
    return text === undefined ? undefined : withoutRootPrefix(text);
  }, name);
}

/** The date format the preview gives date cells (as its sample does). */
export const SHEET_DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A table as sheet cells from A1: the header row, then the rows; empty cells empty; numbers in
 * date columns with a date format.
 * @param table the table read
 * @returns values and number formats, row by row
 */
export function tableCells(table: InputTable): { values: CellValue[][]; formats: string[][] } {
  let width = table.header.length;
  for (const row of table.rows) width = Math.max(width, row.length);
  const dates = table.dateFormattedColumns ?? [];
  const values: CellValue[][] = [Array.from({ length: width }, (_, c) => table.header[c] ?? '')];
  const formats: string[][] = [values[0].map(() => 'General')];
  for (const row of table.rows) {
    values.push(Array.from({ length: width }, (_, c) => row[c] ?? ''));
    formats.push(Array.from({ length: width }, (_, c) => (dates[c] && typeof row[c] === 'number' ? SHEET_DATE_FORMAT : 'General')));
  }
  return { values, formats };
}
