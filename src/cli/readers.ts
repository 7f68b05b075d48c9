/**
 * Input files for `rfm analyze`: CSV, TSV, semicolon- and whitespace-separated text, each plain or
 * gzipped, and .xlsx through an optional reader module. Everything ends as an InputTable whose rows
 * are the parser's own arrays (no per-row copies), ready for engine/analyze.
 */
import { isParquetFile, readParquetTable } from './parquetInput';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { InputTable } from '../engine/types';
import { InputError } from '../engine/types';
import type { ReadSettings } from './args';
import { parseDelimitedText } from './textTable';

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
 * Reads an input file into an InputTable.
 * @param filePath the file (.csv, .tsv, .txt, any of them .gz, or .xlsx)
 * @param settings delimiter, header and sheet choices (undefined = detect)
 * @param onProgress optional progress callback
 * @returns the table
 * @throws InputError with a one-line reason when the file cannot be used
 */
export async function readInputTable(filePath: string, settings: ReadSettings = {}, onProgress?: ReadProgress): Promise<InputTable> {
  if (isParquetFile(filePath)) return readParquetTable(filePath);
  const bytes = readFileBytes(filePath);
  const format = sniffFormat(bytes.subarray(0, 8), filePath);
  if (format === 'xlsx') return readXlsx(filePath, settings.sheet, bytes);
  if (format === 'xls') throw new InputError(`${path.basename(filePath)}: old .xls workbooks are not supported; save it as .xlsx or .csv`);
  onProgress?.(0.1, 'reading');
  const text = decodeText(format === 'gzip' ? gunzip(bytes, filePath) : bytes, filePath);
  onProgress?.(0.2, 'reading');
  return parseDelimitedText(text, settings, onProgress && ((fraction) => onProgress(0.2 + 0.8 * fraction, 'parsing')));
}

/** Reads the whole file, turning file-system errors into InputErrors. */
function readFileBytes(filePath: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InputError(`cannot read ${filePath}: ${reason}`);
  }
  if (bytes.length === 0) throw new InputError(`${path.basename(filePath)} is empty`);
  return bytes;
}

/** Unpacks gzip data in one call (the fastest way for files that fit in memory). */
function gunzip(bytes: Buffer, filePath: string): Buffer {
  try {
    return zlib.gunzipSync(bytes);
  } catch (err) {
    throw new InputError(`cannot unpack ${path.basename(filePath)} as gzip: ${(err as Error).message}`);
  }
}

/** U+FFFD as UTF-8: present in the bytes only when the file really holds that character. */
const REPLACEMENT_CHARACTER_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * Decodes file bytes: UTF-16 when a byte-order mark says so, else UTF-8 (a UTF-8 BOM is dropped);
 * bytes that are not valid UTF-8 (Excel's "CSV" on Windows) are read as Windows-1252.
 * @param bytes the raw or unpacked bytes
 * @param filePath for messages
 * @returns the text
 * @throws InputError when the bytes are binary (NUL bytes in the first 4 KB) or empty
 */
export function decodeText(bytes: Buffer, filePath: string): string {
  const name = path.basename(filePath);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.toString('utf16le', 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  else {
    const probe = bytes.subarray(0, 4096);
    if (probe.includes(0)) throw new InputError(`${name} is not a text file (CSV, TSV or whitespace-separated text expected)`);
    text = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
    if (text.includes('\ufffd') && !bytes.includes(REPLACEMENT_CHARACTER_UTF8)) text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.trim() === '') throw new InputError(`${name} is empty`);
  return text;
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
