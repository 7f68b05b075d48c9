/**
 * Delimited text (CSV, TSV, semicolon, pipe) to rows with Papa Parse: RFC 4180 quoting ("a, b",
 * "say ""hi""", line breaks inside quotes). What this module adds:
 * - line ends are chosen from the whole text (Papa guesses from the first megabyte and would merge
 *   the lines of a file that mixes CRLF with LF); a mixed file is turned into LF first;
 * - rows keep their own length (a short row stays short, a long one long);
 * - a blank line is an empty row, so row numbers in messages are line numbers; blank lines before
 *   the first row and the empty row after the last line end are dropped;
 * - a malformed quote (one that is never closed, or text after a closing quote) stops the read
 *   with the row number instead of silently running the following lines into one cell.
 */
import Papa from 'papaparse';
import { InputError } from '../engine/types';

/** The line end Papa Parse splits on. */
type LineEnd = '\n' | '\r\n' | '\r';

/**
 * Parses the whole text.
 * @param text the text (already decoded; no byte-order mark)
 * @param delimiter a one-character delimiter
 * @returns the rows, each as long as its line
 * @throws InputError naming the row when quotes are malformed
 * @example parseCsvRows('a,b\n1,"x, y"\n', ',') // [['a', 'b'], ['1', 'x, y']]
 */
export function parseCsvRows(text: string, delimiter: string): string[][] {
  const lineEnd = lineEndOf(text);
  const input = lineEnd === undefined ? text.replace(/\r\n?/g, '\n') : text;
  const result = Papa.parse<string[]>(input, { delimiter, newline: lineEnd ?? '\n', quoteChar: '"', escapeChar: '"' });
  const quoteError = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (quoteError) throw new InputError(`row ${(quoteError.row ?? 0) + 1}: ${QUOTE_PROBLEM[quoteError.code]}`);
  return tidyBlankRows(result.data);
}

/** What went wrong, by Papa Parse error code. */
const QUOTE_PROBLEM: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed (its closing " is missing); close it or remove the stray "',
  InvalidQuotes: 'text follows the closing " of a quoted field; a " inside a quoted field must be doubled ("")',
};

/**
 * The cells of one line, leniently (detection looks at lines cut out of the text, which may end
 * inside a quoted field).
 * @param line a line without its line end
 * @param delimiter a one-character delimiter
 * @returns the cells, unquoted ([''] for an empty line)
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  return Papa.parse<string[]>(line, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"' }).data[0] ?? [''];
}

/**
 * The line end of the whole text: '\n', '\r\n' or '\r' when only that one occurs; undefined when
 * they are mixed (also CRLF rows with LF breaks inside quoted cells, as Excel writes them).
 * O(text length), through indexOf.
 */
function lineEndOf(text: string): LineEnd | undefined {
  if (!text.includes('\r')) return '\n';
  const cr = occurrences(text, '\r');
  const lf = occurrences(text, '\n');
  if (lf === 0) return '\r';
  return cr === lf && occurrences(text, '\r\n') === cr ? '\r\n' : undefined;
}

/** How often `part` occurs in `text`. */
function occurrences(text: string, part: string): number {
  let count = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + part.length)) count++;
  return count;
}

/**
 * Papa Parse gives [''] for a blank line: those become [] (none before the first row), and the
 * [''] after the final line end goes. In place; returns the same array.
 */
function tidyBlankRows(rows: string[][]): string[][] {
  const isBlank = (row: string[] | undefined) => row !== undefined && row.length === 1 && row[0] === '';
  if (isBlank(rows[rows.length - 1])) rows.pop();
  let leading = 0;
  while (leading < rows.length && isBlank(rows[leading])) leading++;
  if (leading > 0) rows.splice(0, leading);
  for (let i = 0; i < rows.length; i++) if (isBlank(rows[i])) rows[i] = [];
  return rows;
}
