/**
 * `rfm analyze` on a text file without holding its rows: rows stream from textStream.ts into the
 * engine's TransactionStream (per-customer state), then the usual pipeline runs on the customers.
 * Customer-level files (one row per customer) are collected into a table and analysed as before.
 * When the whole file calls for other date or number forms than its first rows did, it is read a
 * second time with them (see engine/transactionStream.ts); `--compare-to` reads it once more for
 * the earlier run; `--wallet` and `--lists` fold their columns as the rows pass (extraColumns.ts).
 */
import * as path from 'path';
import { analyze, analyzeStream, detectInputKind, TransactionStream, withCurrency } from '../engine';
import { modelCheckThread } from './modelCheckThread';
import type { Analysis, AnalysisOptions, Cell, ColumnRole, FixedForms, InputTable, Note, ProgressFn, Reread, StreamResult } from '../engine';
import { InputError } from '../engine';
import { note } from '../engine';
import type { ReadSettings } from './args';
import { resolveColumns } from './columnArgs';
import { ExtraColumnsFold, extraColumnsOfTable, type ExtraColumns, type ExtraOptions } from './extraColumns';
import type { Progress } from './progress';
import { streamTextFile, type RowSink, type TextHead, type TextReadReport } from './textStream';

/** What the run produced. */
export interface TextAnalysis {
  analysis: Analysis;
  dataRows: number;
  /** The options used, columns resolved (for the JSON meta). */
  options: AnalysisOptions;
  /**
   * What `--wallet` and `--lists` take from the other columns, per customer.
   * @throws UsageError for a `--wallet` or `--contact` that names no column
   */
  extras: () => ExtraColumns;
}

/** The file to read and how. */
export interface TextSource {
  filePath: string;
  gzipped: boolean;
  /** Delimiter, header and encoding (undefined = detect). */
  settings: ReadSettings;
}

/** Share of the progress bar for the first read (with `--compare-to` a second read follows). */
function readShare(options: AnalysisOptions): number {
  return options.compareTo === undefined ? 0.9 : 0.6;
}

/**
 * Reads and analyses a text file in one stream (two with `--compare-to`).
 * @param source the file, whether it is gzip data, and the read settings
 * @param named column overrides by header name or number
 * @param options the engine options (without columns)
 * @param progress the progress display
 * @param wanted `--wallet`, `--lists` and `--contact`: their columns are folded as the rows pass
 * @returns the analysis, the number of data rows, and the other columns' values
 * @throws InputError for unusable input
 */
export async function analyzeTextFile(source: TextSource, named: Partial<Record<ColumnRole, string>>, options: AnalysisOptions, progress: Progress, wanted: ExtraOptions = {}): Promise<TextAnalysis> {
  const share = readShare(options);
  const sinkFor = (fixed?: FixedForms) => new AnalyzeSink(named, options, wanted, fixed);
  const { outcome, report } = await readFile(source, sinkFor, (fraction) => progress.update(share * fraction, 'reading'));
  const onProgress: ProgressFn = (fraction, stage) => progress.update(share + 0.05 * fraction, `analysing: ${stage}`);
  const again: TextSource = { ...source, settings: { ...source.settings, encoding: report.encoding } };
  const rereading = (fraction: number) => progress.update(share + 0.05 + (0.9 - share - 0.05) * fraction, 'reading again for --compare-to');
  const reread: Reread = (earlier) => readEarlier(again, named, earlier, outcome.fixed, rereading);
  const analysis = await outcome.run(onProgress, reread);
  const notes = readNotes(report, source.settings);
  if (notes.length > 0) analysis.notes = [...(analysis.notes ?? []), ...notes];
  return { analysis, dataRows: outcome.dataRows, options: outcome.options, extras: () => outcome.extras(analysis) };
}

/**
 * Reads the file into a sink, and a second time when the whole file calls for other forms.
 * @returns what the sink made of it, and the read's report
 */
async function readFile(source: TextSource, sinkFor: (fixed?: FixedForms) => AnalyzeSink, reading: (fraction: number) => void): Promise<{ outcome: Ready; report: TextReadReport }> {
  let sink = sinkFor();
  let report = await streamTextFile(source.filePath, source.gzipped, source.settings, sink, reading);
  let outcome = sink.finish(source.filePath);
  if ('redo' in outcome) {
    sink = sinkFor(outcome.redo);
    report = await streamTextFile(source.filePath, source.gzipped, { ...source.settings, encoding: report.encoding }, sink, reading);
    outcome = sink.finish(source.filePath);
    if ('redo' in outcome) throw new Error('the second pass asked for a third');
  }
  return { outcome, report };
}

/**
 * The read for a migration's earlier run: the same file, columns and forms, the earlier run's
 * options (its window ends at the comparison date; no models, so no per-day ledger).
 * @returns the stream's result
 */
async function readEarlier(source: TextSource, named: Partial<Record<ColumnRole, string>>, options: AnalysisOptions, fixed: FixedForms | undefined, reading: (fraction: number) => void): Promise<StreamResult> {
  const { outcome } = await readFile(source, (redo) => new AnalyzeSink(named, options, {}, redo ?? fixed), reading);
  if (!outcome.result) throw new Error('the earlier run read customer-level input');
  return outcome.result;
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

/** What a read made of the file, ready to analyse. */
interface Ready {
  dataRows: number;
  /** The options used, columns resolved. */
  options: AnalysisOptions;
  /** The forms the rows were read with, and the stream's result (transaction input only). */
  fixed?: FixedForms;
  result?: StreamResult;
  run: (onProgress: ProgressFn, reread: Reread) => Promise<Analysis>;
  extras: (analysis: Analysis) => ExtraColumns;
}

type Outcome = { redo: FixedForms } | Ready;

/** Receives the batches: the first decides the input kind and the columns. */
class AnalyzeSink implements RowSink {
  private head: TextHead | undefined;
  private options: AnalysisOptions | undefined;
  private stream: TransactionStream | undefined;
  private extras: ExtraColumnsFold | undefined;
  private table: InputTable | undefined;

  constructor(private readonly named: Partial<Record<ColumnRole, string>>, private readonly userOptions: AnalysisOptions, private readonly wanted: ExtraOptions, private readonly fixed?: FixedForms) {}

  start(head: TextHead): void {
    this.head = head;
  }

  rows(batch: string[][], firstRowNumber: number): void {
    if (this.stream) { this.add(batch, firstRowNumber); return; }
    if (this.table) { for (const row of batch) this.table.rows.push(row); return; }
    const head = this.head!;
    const sample: InputTable = { header: head.header, rows: batch as Cell[][], firstRowNumber };
    if (head.headerWidth !== undefined) sample.headerWidth = head.headerWidth;
    const options: AnalysisOptions = { ...this.userOptions, columns: resolveColumns(head.header, this.named) };
    this.options = options;
    if ((options.inputKind ?? detectInputKind(sample)) === 'customers') { this.table = sample; return; }
    this.stream = new TransactionStream(sample, options, this.fixed);
    this.extras = new ExtraColumnsFold(head.header, this.stream.columns, this.wanted);
    head.keepOnly([...this.stream.usedColumns, ...this.extras.columns]);
    this.add(batch, firstRowNumber);
  }

  finish(filePath: string): Outcome {
    const noRows = () => new InputError(`${path.basename(filePath)} has a header row but no data rows`);
    const options = this.options;
    if (this.table && options) return this.finishTable(this.table, options, noRows);
    if (!this.stream || !this.extras || !options) throw noRows();
    const end = this.stream.finish();
    if ('redo' in end) return end;
    const result = end.result;
    if (result.dataRows === 0) throw noRows();
    const { currency, fixed } = this.stream;
    const extras = this.extras;
    return {
      dataRows: result.dataRows, options, fixed, result,
      run: async (onProgress, reread) => withCurrency(await analyzeStream(result, options, onProgress, reread, modelCheckThread()), currency),
      extras: () => extras.result(),
    };
  }

  /** One batch into the stream, then into the other columns' fold (the order a table is read in). */
  private add(batch: string[][], firstRowNumber: number): void {
    this.stream!.add(batch, firstRowNumber);
    this.extras!.add(batch);
  }

  /** Customer-level input: the table, analysed whole. */
  private finishTable(table: InputTable, options: AnalysisOptions, noRows: () => InputError): Ready {
    const dataRows = table.rows.reduce((n, row) => n + (row.length > 0 ? 1 : 0), 0);
    if (dataRows === 0) throw noRows();
    return {
      dataRows, options,
      run: async (onProgress) => analyze(table, options, onProgress),
      extras: (analysis) => extraColumnsOfTable(table, analysis.settings.columns, this.wanted),
    };
  }
}
