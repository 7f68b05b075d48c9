/**
 * Delimited text (CSV, TSV, semicolon, pipe) to rows: the whole text through the streaming
 * tokenizer (csvStream.ts, where the rules are), and single lines for detection with Papa Parse.
 */
import Papa from 'papaparse';
import { DelimitedTokenizer } from './csvStream';

/**
 * Parses the whole text.
 * @param text the text (already decoded; no byte-order mark)
 * @param delimiter a one-character delimiter
 * @returns the rows, each as long as its line
 * @throws InputError naming the row when quotes are malformed
 * @example parseCsvRows('a,b\n1,"x, y"\n', ',') // [['a', 'b'], ['1', 'x, y']]
 */
export function parseCsvRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  const tokenizer = new DelimitedTokenizer(delimiter, (row) => rows.push(row));
  tokenizer.push(text);
  tokenizer.end();
  return rows;
}

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

