/**
 * Delimited text to InputTable: delimiter and header detection from a small sample, then one
 * parse (quoted CSV/TSV/semicolon/pipe files through csvParse.ts, or whitespace-separated text
 * such as the CDNOW files, whose columns are runs of spaces).
 */
import type { InputTable } from '../engine';
import type { Delimiter, ReadSettings } from './args';
import { parseCsvRows, splitCsvLine } from './csvParse';

/** Bytes of text looked at to detect the delimiter and the header. */
export const SAMPLE_CHARS = 65_536;
/** Lines of the sample used for detection. */
const SAMPLE_LINES = 30;
/** Delimiters tried by detection, in order of preference on a tie. */
const CANDIDATES: Delimiter[] = ['\t', ';', ',', '|'];

/** What detection found in the first lines. */
export interface TextLayout {
  delimiter: Delimiter;
  header: boolean;
  /** Cells in the widest sample line. */
  columnCount: number;
  /** Blank lines before the first non-blank one. */
  leadingBlankLines: number;
}

/**
 * Parses delimited text into an InputTable.
 * @param text the whole file as text
 * @param settings delimiter and header choices; undefined ones are detected
 * @param onProgress optional, called with 1 when the text is parsed
 * @returns header, rows (the parser's arrays, unchanged) and the file row number of rows[0]
 * @throws InputError naming the row when quotes are malformed
 */
export function parseDelimitedText(text: string, settings: ReadSettings = {}, onProgress?: (fraction: number) => void): InputTable {
  const layout = detectLayout(text, settings);
  const rows = layout.delimiter === 'whitespace' ? parseWhitespaceRows(text) : parseCsvRows(text, layout.delimiter);
  const header = nameColumns(layout.header ? rows[0] ?? [] : [], layout.columnCount);
  // shift() on a large array is O(1) in V8 (left-trimming): no copy of the rows.
  const headerWidth = layout.header ? (rows[0] ?? []).length : undefined;
  if (layout.header) rows.shift();
  onProgress?.(1);
  const table: InputTable = { header, rows, firstRowNumber: 1 + layout.leadingBlankLines + (layout.header ? 1 : 0) };
  if (headerWidth !== undefined) table.headerWidth = headerWidth;
  return table;
}

/**
 * Detects delimiter, row delimiter and header from the first lines.
 * @param text the whole text (only its start is read)
 * @param settings explicit choices win over detection
 * @returns the layout
 */
export function detectLayout(text: string, settings: ReadSettings = {}): TextLayout {
  const { lines, leadingBlankLines } = sampleLines(text);
  const delimiter = settings.delimiter ?? detectDelimiter(lines);
  const firstCells = lines.length > 0 ? splitLine(lines[0], delimiter) : [];
  const header = settings.header ?? !firstCells.some(looksLikeData);
  const columnCount = lines.reduce((max, line) => Math.max(max, splitLine(line, delimiter).length), 1);
  return { delimiter, header, columnCount, leadingBlankLines };
}

/** The first non-blank lines of the text (without line ends) and how many blank lines came first. */
function sampleLines(text: string): { lines: string[]; leadingBlankLines: number } {
  const truncated = text.length > SAMPLE_CHARS;
  const all = text.slice(0, SAMPLE_CHARS).split(/\r\n|\n|\r/);
  if (truncated && all.length > 1) all.pop();
  let leadingBlankLines = 0;
  while (leadingBlankLines < all.length && all[leadingBlankLines].trim() === '') leadingBlankLines++;
  const lines = all.filter((line) => line.trim() !== '').slice(0, SAMPLE_LINES);
  return { lines, leadingBlankLines };
}

/**
 * Picks the delimiter whose count per line is the same non-zero number on every sample line
 * (the largest such count wins; tab, semicolon, comma, pipe on ties); else the one most lines
 * agree on; else whitespace when lines hold several space-separated fields; else comma.
 * @param lines non-blank sample lines
 * @returns the delimiter
 */
export function detectDelimiter(lines: readonly string[]): Delimiter {
  if (lines.length === 0) return ',';
  let best: Delimiter | undefined;
  let bestCount = 0;
  let fallback: Delimiter | undefined;
  let fallbackAgreement = 0;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const mode = modeOf(counts);
    if (mode.value === 0) continue;
    if (mode.frequency === counts.length && mode.value > bestCount) {
      best = candidate;
      bestCount = mode.value;
    }
    const agreement = mode.frequency / counts.length;
    if (agreement >= 0.6 && agreement > fallbackAgreement) {
      fallback = candidate;
      fallbackAgreement = agreement;
    }
  }
  if (best) return best;
  if (fallback) return fallback;
  const fields = lines.map((line) => splitLine(line, 'whitespace').length);
  return modeOf(fields).value >= 2 ? 'whitespace' : ',';
}

/** The most common value (the first on a tie) and how often it occurs. */
function modeOf(values: readonly number[]): { value: number; frequency: number } {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let value = 0;
  let frequency = 0;
  for (const [v, f] of tally) if (f > frequency) [value, frequency] = [v, f];
  return { value, frequency };
}

/** Occurrences of a one-character delimiter outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  const code = delimiter.charCodeAt(0);
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === code && !quoted) count++;
  }
  return count;
}

/**
 * Splits one line (for detection only; the full parse uses parseCsvRows or parseWhitespaceRows).
 * @param line a line without its line end
 * @param delimiter the delimiter
 * @returns the cells, unquoted
 */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  if (delimiter === 'whitespace') return parseWhitespaceRows(line)[0] ?? [];
  return splitCsvLine(line, delimiter);
}

/**
 * Whether a first-row cell is data rather than a column name: it has a digit and no letters
 * (a `T`/`Z` inside an ISO date-time and an exponent `e` do not count). A header never holds a
 * number or a date, so a first row with one is data.
 * @param cell the cell text
 * @returns true for numbers, dates, amounts such as `$12.50` or `۱۴۰۴/۰۱/۱۵`
 */
export function looksLikeData(cell: string): boolean {
  const trimmed = cell.trim();
  if (!/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(trimmed)) return false;
  return !/\p{L}/u.test(trimmed.replace(/(?<=\d)[TZ]|(?<=\d)[eE](?=[-+]?\d)/g, ''));
}

/**
 * Header names: the file's own (empty ones and missing ones as `columnN`, 1-based).
 * @param headerRow the header row's cells ([] when the file has none)
 * @param width cells in the widest sample line
 */
export function nameColumns(headerRow: readonly string[], width: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < Math.max(width, headerRow.length); i++) {
    const name = (headerRow[i] ?? '').trim();
    names.push(name === '' ? `column${i + 1}` : name);
  }
  return names;
}

/**
 * Tokenizes whitespace-separated text: fields are runs of non-blank characters (or "quoted"
 * text), rows are lines (LF, CRLF or CR); a blank line is an empty row, except before the first
 * row. One pass over char codes, no regex.
 * @param text the text
 * @returns the rows
 */
export function parseWhitespaceRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (row.length > 0 || rows.length > 0) rows.push(row);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else if (c === 32 || c === 9) {
      i++;
    } else if (c === 34) {
      i = readQuoted(text, i, row);
    } else {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 32 || d === 9 || d === 10 || d === 13) break;
        j++;
      }
      row.push(text.slice(i, j));
      i = j;
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Reads a "quoted" field starting at `start` ("" is a quote); returns the index after it. */
function readQuoted(text: string, start: number, row: string[]): number {
  let value = '';
  let from = start + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    const lineEnd = text.indexOf('\n', from);
    if (close === -1 || (lineEnd !== -1 && lineEnd < close)) {
      const end = lineEnd === -1 ? text.length : lineEnd;
      row.push(value + text.slice(from, end).replace(/\r$/, ''));
      return end;
    }
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) === 34) {
      value += '"';
      from = close + 2;
    } else {
      row.push(value);
      return close + 1;
    }
  }
}
