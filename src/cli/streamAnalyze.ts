/**
 * `rfm analyze` on a text file without holding its rows: rows stream from textStream.ts into the
 * engine's TransactionStream (per-customer state), then the usual pipeline runs on the customers.
 * Customer-level files (one row per customer) are collected into a table and analysed as before.
 * When the whole file calls for other date or number forms than its first rows did, it is read a
 * second time with them (see engine/transactionStream.ts).
 */
import * as path from 'path';
import { analyze, analyzeStream, detectInputKind, TransactionStream, withCurrency } from '../engine';
import type { Analysis, AnalysisOptions, Cell, ColumnRole, FixedForms, InputTable, Note } from '../engine';
import { InputError } from '../engine';
import { note } from '../engine';
import type { ReadSettings } from './args';
import { resolveColumns } from './columnArgs';
import type { Progress } from './progress';
import { streamTextFile, type RowSink, type TextHead, type TextReadReport } from './textStream';

/** What the run produced. */
export interface TextAnalysis {
  analysis: Analysis;
  dataRows: number;
  /** The options used, columns resolved (for the JSON meta). */
  options: AnalysisOptions;
}

/**
 * Reads and analyses a text file in one stream.
 * @param filePath the file
 * @param gzipped whether it is gzip data
 * @param settings delimiter, header and encoding
 * @param named column overrides by header name or number
 * @param options the engine options (without columns)
 * @param progress the progress display
 * @returns the analysis and the number of data rows
 * @throws InputError for unusable input
 */
export async function analyzeTextFile(filePath: string, gzipped: boolean, settings: ReadSettings, named: Partial<Record<ColumnRole, string>>, options: AnalysisOptions, progress: Progress): Promise<TextAnalysis> {
  const reading = (fraction: number) => progress.update(0.9 * fraction, 'reading');
  let sink = new AnalyzeSink(named, options);
  let report = await streamTextFile(filePath, gzipped, settings, sink, reading);
  let outcome = sink.finish(filePath);
  if ('redo' in outcome) {
    sink = new AnalyzeSink(named, options, outcome.redo);
    report = await streamTextFile(filePath, gzipped, { ...settings, encoding: report.encoding }, sink, reading);
    outcome = sink.finish(filePath);
    if ('redo' in outcome) throw new Error('the second pass asked for a third');
  }
  const notes = readNotes(report, settings);
  const onProgress = (fraction: number, stage: string) => progress.update(0.9 + 0.05 * fraction, `analysing: ${stage}`);
  const analysis = await outcome.run(onProgress);
  if (notes.length > 0) analysis.notes = [...(analysis.notes ?? []), ...notes];
  return { analysis, dataRows: outcome.dataRows, options: outcome.options };
}

/** Notes on how the bytes were read: a guessed code page, undecodable bytes. */
function readNotes(report: TextReadReport, settings: ReadSettings): Note[] {
  const notes: Note[] = [];
  if (settings.encoding === undefined && report.encoding.startsWith('windows-')) notes.push(note('input.note.encoding', { encoding: report.encoding }));
  if (report.badBytes.count > 0) {
    notes.push(note('input.note.badBytes', { count: report.badBytes.count, rows: report.badBytes.rows.join(', '), encoding: report.encoding }));
  }
  return notes;
}

type Outcome = { redo: FixedForms } | { dataRows: number; options: AnalysisOptions; run: (onProgress: (fraction: number, stage: string) => void) => Promise<Analysis> };

/** Receives the batches: the first decides the input kind and the columns. */
class AnalyzeSink implements RowSink {
  private head: TextHead | undefined;
  private options: AnalysisOptions | undefined;
  private stream: TransactionStream | undefined;
  private table: InputTable | undefined;

  constructor(private readonly named: Partial<Record<ColumnRole, string>>, private readonly userOptions: AnalysisOptions, private readonly fixed?: FixedForms) {}

  start(head: TextHead): void {
    this.head = head;
  }

  rows(batch: string[][], firstRowNumber: number): void {
    if (this.stream) { this.stream.add(batch, firstRowNumber); return; }
    if (this.table) { for (const row of batch) this.table.rows.push(row); return; }
    const head = this.head!;
    const sample: InputTable = { header: head.header, rows: batch as Cell[][], firstRowNumber };
    if (head.headerWidth !== undefined) sample.headerWidth = head.headerWidth;
    const options: AnalysisOptions = { ...this.userOptions, columns: resolveColumns(head.header, this.named) };
    this.options = options;
    if ((options.inputKind ?? detectInputKind(sample)) === 'customers') { this.table = sample; return; }
    this.stream = new TransactionStream(sample, options, this.fixed);
    head.keepOnly(this.stream.usedColumns);
    this.stream.add(batch, firstRowNumber);
  }

  finish(filePath: string): Outcome {
    const noRows = () => new InputError(`${path.basename(filePath)} has a header row but no data rows`);
    const options = this.options;
    if (this.table && options) {
      const table = this.table;
      const dataRows = table.rows.reduce((n, row) => n + (row.length > 0 ? 1 : 0), 0);
      if (dataRows === 0) throw noRows();
      return { dataRows, options, run: async (onProgress) => analyze(table, options, onProgress) };
    }
    if (!this.stream || !options) throw noRows();
    const end = this.stream.finish();
    if ('redo' in end) return end;
    if (end.result.dataRows === 0) throw noRows();
    const currency = this.stream.currency;
    return { dataRows: end.result.dataRows, options, run: async (onProgress) => withCurrency(await analyzeStream(end.result, options, onProgress), currency) };
  }
}
