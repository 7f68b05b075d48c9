/**
 * A delimited-text parser (RFC 4180 quoting: "a, b", "say ""hi""", line breaks inside quotes) in
 * one pass over char codes. Rows keep their own length: a short row never runs into the next line
 * (uDSV 0.7 does that: for a row with fewer cells than the header it looks for the next delimiter
 * past the line end, so it is not used here; on Online Retail this loop is as fast). A blank line
 * is an empty row (the engine ignores those), so row numbers in messages are line numbers; blank
 * lines before the first row are dropped. Columns the caller does not need can be left as '' (no
 * string is made for them).
 */

/** How much of the text to parse, and which columns to keep. */
export interface CsvRangeOptions {
  /** Stop after this many rows (default: all). */
  maxRows?: number;
  /** keep[i] false: column i is left as '' (default: keep every column). */
  keep?: readonly boolean[];
  /** Called now and then with the fraction of the text parsed. */
  onProgress?: (fraction: number) => void;
}

/** Rows between progress reports (a power of two minus one, used as a mask). */
const PROGRESS_MASK = 0xffff;

/**
 * Parses the whole text.
 * @param text the text
 * @param delimiter a one-character delimiter
 * @param onProgress optional progress callback
 * @returns the rows
 * @example parseCsvRows('a,b\n1,"x, y"\n', ',') // [['a', 'b'], ['1', 'x, y']]
 */
export function parseCsvRows(text: string, delimiter: string, onProgress?: (fraction: number) => void): string[][] {
  const rows: string[][] = [];
  parseCsvInto(rows, text, delimiter, 0, { onProgress });
  return rows;
}

/**
 * Parses rows from `from` and appends them to `rows` (so a caller can parse a sample first, then
 * the rest with fewer columns, into one array). O(text length).
 * @param rows the array to append to
 * @param text the text
 * @param delimiter a one-character delimiter
 * @param from where to start (the start of a line)
 * @param options row limit, kept columns, progress
 * @returns the index where parsing stopped (text.length at the end)
 */
export function parseCsvInto(rows: string[][], text: string, delimiter: string, from: number, options: CsvRangeOptions = {}): number {
  const { maxRows = Infinity, keep, onProgress } = options;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const stopAt = rows.length + maxRows;
  let row: string[] = [];
  let i = from;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (row.length === 0) {
      if (rows.length >= stopAt) return i;
      if (c === 10 || c === 13) {
        // A blank line is an empty row (row numbers stay line numbers); none before the first row.
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        if (rows.length > 0) rows.push([]);
        continue;
      }
    }
    const wanted = keep === undefined || keep[row.length] === true;
    let value = '';
    if (c === 34) {
      const end = closingQuote(text, i);
      if (wanted) value = unquote(text, i + 1, end);
      i = end + 1;
    }
    let j = i;
    while (j < n) {
      c = text.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    row.push(!wanted ? '' : j > i ? value + text.slice(i, j) : value);
    i = j;
    if (i >= n) break;
    if (c === d) {
      i++;
      if (i >= n) row.push('');
    } else {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      rows.push(row);
      row = [];
      if (onProgress && (rows.length & PROGRESS_MASK) === 0) onProgress(i / n);
    }
  }
  if (row.length > 0) rows.push(row);
  return n;
}

/** Index of the quote closing the field opened at `open` ("" is an escaped quote); text.length if none. */
function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    if (text.charCodeAt(quote + 1) !== 34) return quote;
    from = quote + 2;
  }
}

/** The text between quotes, with "" turned into ". */
function unquote(text: string, start: number, end: number): string {
  const inner = text.slice(start, end);
  return inner.includes('""') ? inner.replace(/""/g, '"') : inner;
}
