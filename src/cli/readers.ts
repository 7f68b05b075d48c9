/**
 * Input files for `rfm analyze`: CSV, TSV, semicolon- and whitespace-separated text, each plain or
 * gzipped (streamed: see textStream.ts), and .xlsx through an optional reader module.
 */
import { isParquetFile, readParquetTable } from './parquetInput';
import * as fs from 'fs';
import * as path from 'path';
import type { InputTable } from '../engine';
import { InputError } from '../engine';
import type { ReadSettings } from './args';
import { streamTextFile } from './textStream';

/** Progress of the reading stages: fraction 0..1 and the stage name. */
export type ReadProgress = (fraction: number, stage: string) => void;

/** The kinds of file the CLI can tell apart. */
export type InputFormat = 'text' | 'gzip' | 'xlsx' | 'xls' | 'unknown-binary';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Tells the format of a file from its first bytes, then its extension.
 * @param head the first bytes of the file (8 are enough)
 * @param fileName the file's name, for the extension
 * @returns the format
 */
export function sniffFormat(head: Uint8Array, fileName: string): InputFormat {
  const starts = (magic: number[]) => magic.every((byte, i) => head[i] === byte);
  if (starts(GZIP_MAGIC)) return 'gzip';
  if (starts(ZIP_MAGIC)) return 'xlsx';
  if (starts(OLE_MAGIC)) return 'xls';
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') return 'xls';
  return 'text';
}

/**
 * Reads an input file into an InputTable (text files through the same stream as `rfm analyze`,
 * keeping every row; main.ts folds transaction files without keeping rows).
 * @param filePath the file (.csv, .tsv, .txt, any of them .gz, or .xlsx)
 * @param settings delimiter, header, encoding and sheet choices (undefined = detect)
 * @param onProgress optional progress callback
 * @returns the table
 * @throws InputError with a one-line reason when the file cannot be used
 */
export async function readInputTable(filePath: string, settings: ReadSettings = {}, onProgress?: ReadProgress): Promise<InputTable> {
  if (isParquetFile(filePath)) return readParquetTable(filePath);
  const format = inputFormatOf(filePath);
  if (format === 'xlsx') return readXlsx(filePath, settings.sheet, readFileBytes(filePath));
  const table: InputTable = { header: [], rows: [] };
  await streamTextFile(filePath, format === 'gzip', settings, {
    start(head) {
      table.header = head.header;
      if (head.headerWidth !== undefined) table.headerWidth = head.headerWidth;
    },
    rows(batch, firstRowNumber) {
      if (table.firstRowNumber === undefined) table.firstRowNumber = firstRowNumber;
      for (const row of batch) table.rows.push(row);
    },
  }, onProgress && ((fraction) => onProgress(fraction, 'reading')));
  if (table.firstRowNumber === undefined) table.firstRowNumber = 2;
  return table;
}

/**
 * The format of an input file from its first bytes and name.
 * @param filePath the file
 * @returns text, gzip or xlsx
 * @throws InputError when it cannot be read, is empty, or is an old .xls workbook
 */
export function inputFormatOf(filePath: string): InputFormat {
  let head = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    head = head.subarray(0, fs.readSync(fd, head, 0, 8, 0));
  } catch (err) {
    throw readError(err, filePath);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (head.length === 0) throw new InputError(`${path.basename(filePath)} is empty`);
  const format = sniffFormat(head, filePath);
  if (format === 'xls') throw new InputError(`${path.basename(filePath)}: old .xls workbooks are not supported; save it as .xlsx or .csv`);
  return format;
}

/** Reads the whole file, turning file-system errors into InputErrors. */
function readFileBytes(filePath: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (err) {
    throw readError(err, filePath);
  }
  if (bytes.length === 0) throw new InputError(`${path.basename(filePath)} is empty`);
  return bytes;
}

/** A file-system error as one line. */
function readError(err: unknown, filePath: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  return new InputError(`cannot read ${filePath}: ${reason}`);
}

/**
 * Reads an .xlsx file (cli/xlsxInput.ts, loaded only for .xlsx input so text runs never load it).
 * @param filePath the workbook
 * @param sheet the worksheet name; default the first
 * @param bytes the file's bytes, already read to tell the format (not read again)
 * @returns the table
 */
async function readXlsx(filePath: string, sheet: string | undefined, bytes: Buffer): Promise<InputTable> {
  const { readXlsxTable } = await import('./xlsxInput');
  return readXlsxTable(filePath, sheet, bytes);
}
