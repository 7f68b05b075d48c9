/**
 * The `rfm` command: `rfm analyze <file> [options]` reads a file, runs the engine and writes the
 * per-customer CSV (stdout or --out), the whole analysis as JSON, or the workbook as .xlsx.
 * Exit codes: 0 success; 2 unusable input or bad options (one line on stderr, never a stack);
 * 1 an internal error (one line; RFM_DEBUG=1 prints the stack).
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../engine';
import type { Analysis, InputTable, SkippedReport } from '../engine';
import { InputError } from '../engine';
import { UsageError, parseCommandLine } from './args';
import { lowerFirst } from './optionValues';
import { resolveColumns } from './columnArgs';
import type { AnalyzeCommand, OutputLang } from './args';
import { customersCsv, customersCsvPieces } from './csvOutput';
import { formatCount } from './format';
import { ANALYZE_HELP, MAIN_HELP } from './help';
import { analysisJson } from './jsonOutput';
import { NO_PROGRESS, createProgress, stageSlice, wantsProgress } from './progress';
import type { Progress, ProgressStream } from './progress';
import { inputFormatOf, readInputTable } from './readers';
import { isParquetFile } from './parquetInput';
import { analyzeTextFile, type TextAnalysis } from './streamAnalyze';
import { checkOutputPath, writeAtomically, writeFailureReason } from './atomicWrite';
import { applyWallet, writeCampaignLists } from './campaignOutputs';
import { extraColumnsOfTable } from './extraColumns';
import { SQL_HELP } from './sqlCommand';
import { threeAnswers } from '../report/answers';
import { customerTableSql } from './sql/query';
import { escapeControls, escapeControlsKeepingLines } from './terminalText';
import { EXCEL_MAX_CELL_CHARS } from './xlsxLimits';
import { backtestResult } from '../report/predictions';
import { backtestVerdict } from '../report/modelCheckVerdict';

/** Where the CLI writes: the process's streams, or test doubles. */
export interface CliIo {
  /** A real stream (with `on`) is awaited and its errors reported; a terminal gets control characters escaped. */
  stdout: { write(text: string, callback?: (err?: Error | null) => void): unknown; isTTY?: boolean };
  stderr: ProgressStream;
}

/** Output formats, by --out extension. */
type OutputFormat = 'csv' | 'json' | 'xlsx';

/**
 * Runs the CLI.
 * @param argv the arguments after the script name, e.g. `['analyze', 'sales.csv']`
 * @param io the streams (default: process.stdout and process.stderr)
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let progress: Progress = NO_PROGRESS;
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      io.stdout.write(command.topic === 'analyze' ? ANALYZE_HELP : command.topic === 'sql' ? SQL_HELP : MAIN_HELP);
      return 0;
    }
    if (command.kind === 'sql') {
      const query = customerTableSql(command.options);
      if (command.out === undefined) await writeStdout(io, query);
      else await writeAtomically(command.out, (tmp) => fs.writeFileSync(tmp, query));
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout.write(`${toolVersion()}\n`);
      return 0;
    }
    progress = wantsProgress(io.stderr, fileSize(command.file), command.quiet) ? createProgress(io.stderr) : NO_PROGRESS;
    const { analysis, dataRows, extraNotes } = await runAnalyze(command, io, progress);
    progress.done();
    if (!command.quiet) {
      if (analysis.skipped.total + analysis.skipped.returnsOnlyCustomers.count > 0) io.stderr.write(`rfm: ${escapeControls(skippedSummary(analysis.skipped, dataRows))}\n`);
      // on a terminal the user reads the answers first; a script reading stderr gets only notes
      if (io.stderr.isTTY) for (const line of answerLines(analysis)) io.stderr.write(`rfm: ${escapeControls(line)}\n`);
      for (const line of [...noteLines(analysis, command), ...extraNotes]) io.stderr.write(`rfm: note: ${escapeControls(line)}\n`);
      const check = modelCheckLine(analysis);
      if (check) io.stderr.write(`rfm: ${escapeControls(check)}\n`);
    }
    return 0;
  } catch (err) {
    progress.done();
    return reportError(err, io);
  }
}

/** Reads, analyses and writes; returns the analysis and the number of data rows for the summary line. */
async function runAnalyze(command: AnalyzeCommand, io: CliIo, progress: Progress): Promise<{ analysis: Analysis; dataRows: number; extraNotes: string[] }> {
  const format = outputFormat(command.out);
  if (command.out !== undefined) checkOutputPath(command.out, command.file);
  const { analysis, dataRows, options, extras } = await readAndAnalyze(command, progress);
  const { wallet, contacts } = extras();
  const extraNotes: string[] = [];
  const walletNote = applyWallet(analysis, wallet);
  if (walletNote) extraNotes.push(walletNote);
  progress.update(0.95, 'writing');
  if (contacts) extraNotes.push(...(await writeCampaignLists(analysis, contacts, command)));
  const inputName = path.basename(command.file);
  const csvOptions = { raw: command.csvRaw };
  if (command.out === undefined) await writeStdout(io, customersCsv(analysis, csvOptions));
  else if (format === 'csv') await writeAtomically(command.out, (tmp) => writePieces(tmp, customersCsvPieces(analysis, csvOptions)));
  else if (format === 'json') await writeAtomically(command.out, (tmp) => fs.writeFileSync(tmp, analysisJson(analysis, { version: toolVersion(), inputName, options })));
  else await writeXlsx(analysis, command.out, command.lang);
  progress.update(1, 'done');
  return { analysis, dataRows, extraNotes };
}

/** Writes text pieces to a file one after another (no string of the whole file; 50 appends for a million customers). */
function writePieces(file: string, pieces: Iterable<string>): void {
  let flag = 'w';
  for (const piece of pieces) {
    fs.writeFileSync(file, piece, { flag });
    flag = 'a';
  }
}

/**
 * Text files stream into the engine, whatever the options (a migration reads the file once more
 * for its earlier run; cohorts use the per-customer-day ledger; a wallet and contact columns are
 * folded per customer as the rows pass); .xlsx workbooks and Parquet files are read whole.
 */
async function readAndAnalyze(command: AnalyzeCommand, progress: Progress): Promise<TextAnalysis> {
  const format = isParquetFile(command.file) ? 'parquet' : inputFormatOf(command.file);
  if (format === 'text' || format === 'gzip') {
    return analyzeTextFile({ filePath: command.file, gzipped: format === 'gzip', settings: command.read }, command.columns, command.options, progress, command);
  }
  const table = await readInputTable(command.file, command.read, stageSlice(progress, 0, 0.4));
  assertHasRows(table, command.file);
  const options = { ...command.options, columns: resolveColumns(table.header, command.columns) };
  const analysis = analyze(table, options, stageSlice(progress, 0.4, 0.95, 'analysing: '));
  return { analysis, dataRows: countDataRows(table), options, extras: () => extraColumnsOfTable(table, analysis.settings.columns, command) };
}

/**
 * Writes the CSV to stdout and waits until it is written. A reader that stops early
 * (`rfm analyze x.csv | head`) closes the pipe: that EPIPE is the reader's choice, not an error.
 * Any other failure (a full disk behind `> file`, an I/O error) is an InputError: exit 2, one
 * line. On a terminal, control characters from ids are escaped rather than obeyed.
 */
async function writeStdout(io: CliIo, text: string): Promise<void> {
  const out = io.stdout.isTTY ? escapeControlsKeepingLines(text) : text;
  const stream = io.stdout as Partial<NodeJS.WritableStream> & CliIo['stdout'];
  if (typeof stream.on !== 'function') {
    io.stdout.write(out);
    return;
  }
  const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    // Stays attached: the stream emits 'error' after the callback, and an unheard 'error' would crash.
    stream.on?.('error', (err: NodeJS.ErrnoException) => resolve(err));
    stream.write(out, (err) => resolve(err ?? undefined));
  });
  if (failure && failure.code !== 'EPIPE') throw new InputError(`cannot write to stdout: ${writeFailureReason(failure)}`);
}

/** The output format from --out's extension (CSV when there is no --out). */
function outputFormat(out: string | undefined): OutputFormat {
  if (out === undefined) return 'csv';
  const ext = path.extname(out).toLowerCase();
  if (ext === '.csv' || ext === '.json' || ext === '.xlsx') return ext.slice(1) as OutputFormat;
  throw new UsageError(`--out must end in .csv, .json or .xlsx, got '${out}'`);
}

/** Rows that are not blank lines. */
function countDataRows(table: InputTable): number {
  let count = 0;
  for (const row of table.rows) if (row.length > 0) count++;
  return count;
}

/** A table with a header and no data rows (blank lines aside) cannot be analysed. */
function assertHasRows(table: InputTable, file: string): void {
  if (table.rows.every((row) => row.length === 0)) throw new InputError(`${path.basename(file)} has a header row but no data rows`);
}

/**
 * Writes the .xlsx workbook: the report's plan (report/build.ts) rendered by the ExcelJS writer
 * (cli/xlsx.ts). Both are loaded only here, so CSV and JSON runs never pay for loading ExcelJS.
 * @param analysis the analysis
 * @param filePath where to write
 * @param lang the workbook's language
 */
async function writeXlsx(analysis: Analysis, filePath: string, lang: OutputLang): Promise<void> {
  assertIdsFitCells(analysis);
  const [{ buildWorkbookPlan }, { writeWorkbookXlsx }] = await Promise.all([import('../report/build'), import('./xlsx')]);
  await writeWorkbookXlsx(buildWorkbookPlan(analysis, { lang }), filePath);
}

/**
 * An id longer than an Excel cell holds would be cut, and two long ids could become one: the
 * .xlsx is refused instead (the CSV and JSON keep such ids whole).
 * @throws InputError naming the id's start and length
 */
function assertIdsFitCells(analysis: Analysis): void {
  const long = analysis.customers.find((c) => c.id.length > EXCEL_MAX_CELL_CHARS);
  if (long === undefined) return;
  throw new InputError(`customer id "${long.id.slice(0, 20)}…" has ${formatCount(long.id.length)} characters, more than an Excel cell holds (${formatCount(EXCEL_MAX_CELL_CHARS)}); write CSV or JSON output instead`);
}

/** Text is about this many times larger than its gzip file. */
const GZIP_RATIO = 6;

/** The input's size in bytes as text, estimated for .gz (0 when it cannot be read; the reader reports that). */
function fileSize(file: string): number {
  try {
    const bytes = fs.statSync(file).size;
    return file.toLowerCase().endsWith('.gz') ? bytes * GZIP_RATIO : bytes;
  } catch {
    return 0;
  }
}

/**
 * One line about skipped rows and returns-only customers.
 * @param skipped the engine's report
 * @param dataRows the data rows of the input (header excluded)
 * @returns e.g. `skipped 3 of 10 rows (missing-customer 2, bad-date 1); first: row 4 bad-date (2020-13-45)`
 */
export function skippedSummary(skipped: SkippedReport, dataRows: number): string {
  const parts: string[] = [];
  if (skipped.total > 0) {
    const reasons = Object.entries(skipped.byReason).map(([reason, count]) => `${reason} ${formatCount(count ?? 0)}`).join(', ');
    const first = skipped.examples[0];
    const example = first ? `; first: row ${first.rowNumber} ${first.reason}${first.detail ? ` (${first.detail})` : ''}` : '';
    parts.push(`skipped ${formatCount(skipped.total)} of ${formatCount(dataRows)} rows (${reasons})${example}`);
  }
  const returnsOnly = skipped.returnsOnlyCustomers.count;
  if (returnsOnly > 0) parts.push(`${formatCount(returnsOnly)} customer${returnsOnly === 1 ? '' : 's'} with only returns not scored`);
  return parts.join('; ');
}

/**
 * What the user should know besides the output, one line each: how the input was read (day/month
 * order, duplicate headers, mixed dates), the purchase model's notes, and that --lang only
 * changes the .xlsx workbook (the CSV and JSON keep English names for scripts).
 * @param analysis the analysis
 * @param command the command (for --lang and --out)
 * @returns the lines, without the `rfm: note: ` prefix
 */
export function noteLines(analysis: Analysis, command: Pick<AnalyzeCommand, 'lang' | 'out'>): string[] {
  const lines = (analysis.notes ?? []).map((n) => n.text);
  if (analysis.clv?.status === 'ok') lines.push(...analysis.clv.notes);
  if (command.lang !== 'en' && outputFormat(command.out) !== 'xlsx') {
    lines.push(`--lang ${command.lang} only changes the .xlsx workbook; the ${outputFormat(command.out).toUpperCase()} keeps English names and headers`);
  }
  return lines.map((line) => line.split(/\r?\n/).join(' '));
}

/**
 * The Summary's three answers as stderr lines for a terminal, before any note: what a user runs the
 * tool for comes first, in the report's own words (report/answers.ts), so the CLI and the workbook
 * say the same.
 * @param analysis the analysis
 * @returns one line per answer: the question, then the answer
 */
export function answerLines(analysis: Analysis): string[] {
  return threeAnswers(analysis, 'en').map((a) => `${a.question} ${a.text}`.split(/\r?\n/).join(' '));
}

/** Engine errors about an option's value, by key prefix → the CLI option they name. */
const OPTION_OF_ERROR: [string, string][] = [['engine.error.analysisDate', '--analysis-date'], ['engine.error.compareTo', '--compare-to']];

/** `--option: ` for an engine error about an option's value, so the line names the flag; '' otherwise. */
function optionPrefix(err: unknown): string {
  const key = err instanceof InputError ? err.key : undefined;
  const found = key === undefined ? undefined : OPTION_OF_ERROR.find(([prefix]) => key.startsWith(prefix));
  return found ? `${found[1]}: ` : '';
}

/**
 * The backtest's verdict in English for stderr (the pane shows the same sentence), or null when
 * there was no backtest (no purchase model, or --no-backtest).
 * @param analysis the analysis
 * @returns one line, e.g. "Model check on the last 90 days: the churn ranking found …"
 */
export function modelCheckLine(analysis: Analysis): string | null {
  const backtest = backtestResult(analysis);
  return backtest ? backtestVerdict(backtest, 'en') : null;
}

/** Prints an error as one line and returns its exit code. */
function reportError(err: unknown, io: CliIo): number {
  const usable = err instanceof UsageError || err instanceof InputError || (err instanceof Error && err.name === 'InputError');
  const message = err instanceof Error ? err.message : String(err);
  const oneLine = message.split(/\r?\n/).filter((line) => line.trim() !== '')[0] ?? 'unknown error';
  if (usable) {
    const prefix = optionPrefix(err);
    io.stderr.write(`rfm: ${escapeControls(prefix ? `${prefix}${lowerFirst(oneLine)}` : oneLine)}\n`);
    return 2;
  }
  io.stderr.write(`rfm: internal error: ${escapeControls(oneLine)}\n`);
  if (process.env.RFM_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return 1;
}

/**
 * The tool version from package.json (found by walking up from this file, so it works both from
 * src/ under ts-jest and from dist/node/).
 * @returns e.g. `0.1.0`
 */
export function toolVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'rfm-excel' && pkg.version) return pkg.version;
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}
