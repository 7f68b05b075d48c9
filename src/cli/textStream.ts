/**
 * Reads a text file (plain or gzipped, any size) as a stream: bytes → decoded text (encoding.ts) →
 * rows (csvStream.ts) → batches handed to a sink, so no whole-file string or byte buffer exists.
 * Layout (delimiter, header) is detected from the first 64 K characters as textTable.ts does.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { InputError } from '../engine';
import type { ReadSettings } from './args';
import { DelimitedTokenizer } from './csvStream';
import { ENCODING_SAMPLE_BYTES, decoderFor, detectEncoding, type TextDecoderStream } from './encoding';
import { SAMPLE_CHARS, detectLayout, nameColumns, type TextLayout } from './textTable';

/**
 * Rows per batch handed to the sink. Small enough that a batch dies young (the young generation
 * collects it; 32,768 rows were promoted and cost 0.5 s more CPU on Online Retail), large enough
 * for detection (500 rows) and for the first rows to choose the date and number forms.
 */
export const BATCH_ROWS = 4096;

/** What the sink learns before the first batch. */
export interface TextHead {
  header: string[];
  /** Cells of the header row (when the file has one): a row with a value beyond them has extra cells. */
  headerWidth?: number;
  layout: TextLayout;
  encoding: string;
  /** Leaves unneeded columns' cells empty from now on (they are never cut out of the text). */
  keepOnly(columns: readonly number[]): void;
}

/** Receives the rows. */
export interface RowSink {
  start(head: TextHead): void;
  /** A batch of rows; `firstRowNumber` is the file row number of rows[0]. */
  rows(batch: string[][], firstRowNumber: number): void;
}

/** What the read found besides the rows. */
export interface TextReadReport {
  encoding: string;
  /** Rows holding bytes that were not valid in the encoding (read with U+FFFD in their place). */
  badBytes: { count: number; rows: number[] };
}

/**
 * Streams a text file's rows into a sink.
 * @param filePath the file
 * @param gzipped whether it is gzip data
 * @param settings delimiter, header and encoding choices (undefined = detect)
 * @param sink the receiver
 * @param onProgress optional, with the share of the file's bytes read
 * @returns the encoding used and the rows with undecodable bytes
 * @throws InputError when the file cannot be read, unpacked or parsed, or is empty
 */
export async function streamTextFile(filePath: string, gzipped: boolean, settings: ReadSettings, sink: RowSink, onProgress?: (fraction: number) => void): Promise<TextReadReport> {
  const name = path.basename(filePath);
  const size = fileSizeOf(filePath);
  const reader = new RowReader(name, settings, sink);
  const raw = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  let read = 0;
  raw.on('data', (chunk) => {
    read += chunk.length;
    onProgress?.(size > 0 ? read / size : 0);
  });
  const source: AsyncIterable<Buffer> = gzipped ? raw.pipe(zlib.createGunzip({ chunkSize: 1 << 18 })) : raw;
  if (gzipped) raw.on('error', (err) => (source as zlib.Gunzip).destroy(err));
  try {
    for await (const chunk of source) reader.bytes(chunk);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw streamError(err as NodeJS.ErrnoException, filePath, gzipped);
  }
  return reader.end();
}

/** The file's size in bytes (0 when unknown). */
function fileSizeOf(filePath: string): number {
  try {
    return fs.statSync(filePath).size;
  } catch (err) {
    throw streamError(err as NodeJS.ErrnoException, filePath, false);
  }
}

/** A read or unpack failure as one line. */
function streamError(err: NodeJS.ErrnoException, filePath: string, gzipped: boolean): InputError {
  const code = err.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'permission denied';
    return new InputError(`cannot read ${filePath}: ${reason}`);
  }
  if (gzipped && typeof code === 'string' && code.startsWith('Z_')) return new InputError(`cannot unpack ${path.basename(filePath)} as gzip: ${err.message}`);
  return new InputError(`cannot read ${filePath}: ${err.message}`);
}

/** Bytes in, batches out. */
class RowReader {
  private head: Buffer[] = [];
  private headBytes = 0;
  private totalBytes = 0;
  private decoder: TextDecoderStream | undefined;
  private encoding = '';
  private text = '';
  private tokenizer: DelimitedTokenizer | undefined;
  private started = false;
  private headerPending = false;
  private batch: string[][] = [];
  private nextRowNumber = 1;
  private readonly badBytes = { count: 0, rows: [] as number[] };

  constructor(private readonly name: string, private readonly settings: ReadSettings, private readonly sink: RowSink) {}

  bytes(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    if (this.decoder) { this.decoded(this.decoder.write(chunk)); return; }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes >= ENCODING_SAMPLE_BYTES) this.openDecoder(false);
  }

  end(): TextReadReport {
    if (this.totalBytes === 0) throw new InputError(`${this.name} is empty`);
    if (!this.decoder) this.openDecoder(true);
    this.decoded(this.decoder!.end());
    if (!this.tokenizer) this.openTokenizer(true);
    this.tokenizer!.end();
    this.flush();
    if (!this.started) throw new InputError(`${this.name} is empty`);
    return { encoding: this.encoding, badBytes: this.badBytes };
  }

  private openDecoder(complete: boolean): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.encoding = this.settings.encoding ?? detectEncoding(head, complete);
    if (this.encoding === 'binary') throw new InputError(`${this.name} is not a text file (CSV, TSV or whitespace-separated text expected)`);
    this.decoder = decoderFor(this.encoding);
    this.decoded(this.decoder.write(head));
  }

  private decoded(piece: string): void {
    if (piece === '') return;
    if (this.tokenizer) { this.tokenizer.push(piece); this.flushIfFull(); return; }
    this.text += piece;
    if (this.text.length > SAMPLE_CHARS) this.openTokenizer(false);
  }

  /** Detects the layout on the text so far and starts tokenizing. */
  private openTokenizer(complete: boolean): void {
    const text = this.text;
    this.text = '';
    if (complete && text.trim() === '') throw new InputError(`${this.name} is empty`);
    const layout = detectLayout(text, this.settings);
    this.layout = layout;
    const tokenizer = new DelimitedTokenizer(layout.delimiter, (row) => this.row(row));
    tokenizer.onReplacementChar = (rowNumber) => {
      this.badBytes.count++;
      if (this.badBytes.rows.length < 5) this.badBytes.rows.push(rowNumber);
    };
    this.tokenizer = tokenizer;
    this.headerPending = layout.header;
    tokenizer.push(text);
    this.flushIfFull();
  }

  private layout: TextLayout | undefined;

  private row(row: string[]): void {
    if (!this.started) {
      this.started = true;
      const layout = this.layout!;
      const tokenizer = this.tokenizer!;
      const headerRow = this.headerPending ? row : [];
      this.nextRowNumber = 1 + tokenizer.leadingBlankLines + (this.headerPending ? 1 : 0);
      const head: TextHead = {
        header: nameColumns(headerRow, layout.columnCount),
        layout,
        encoding: this.encoding,
        keepOnly: (columns) => tokenizer.keepOnly(columns, this.headerPending ? headerRow.length : Math.max(layout.columnCount, ...columns.map((c) => c + 1))),
      };
      if (this.headerPending) head.headerWidth = headerRow.length;
      this.sink.start(head);
      if (this.headerPending) return;
    }
    this.batch.push(row);
  }

  private flushIfFull(): void {
    if (this.batch.length >= BATCH_ROWS) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.sink.rows(batch, this.nextRowNumber);
    this.nextRowNumber += batch.length;
  }
}
