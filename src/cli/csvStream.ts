/**
 * Delimited text to rows as the text arrives in pieces, with the rules of csvParse.ts: RFC 4180
 * quoting ("a, b", "say ""hi""", line breaks inside quotes); LF, CRLF and CR line ends, mixed too;
 * rows keep their own length; a blank line is an empty row (none before the first row, and the
 * empty text after the last line end is no row); a quote that is never closed, or text after a
 * closing quote, stops the read naming the row. Whitespace-separated text (CDNOW) goes line by line
 * through textTable's tokenizer.
 *
 * One pass over char codes; a row cut by the end of a piece is read again from its start with the
 * next piece. Columns the caller does not need can be left empty (no string is cut for them).
 */
import { InputError } from '../engine';
import { parseWhitespaceRows } from './textTable';

/** A row longer than this is refused (it would be a quoted field that never closes). */
export const MAX_ROW_CHARS = 64 * 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Turns pieces of text into rows. */
export class DelimitedTokenizer {
  /** Rows seen so far, blank ones included (also those before the first row). */
  private rowsSeen = 0;
  /** Blank lines before the first non-blank row. */
  leadingBlankLines = 0;
  private started = false;
  private carry = '';
  private readonly delimiterCode: number;
  private keep: Uint8Array | undefined;
  private watching = false;
  /** Called with the row number of each row holding U+FFFD (text that was not valid in its encoding). */
  onReplacementChar: ((rowNumber: number) => void) | undefined;

  /**
   * @param delimiter a one-character delimiter, or 'whitespace'
   * @param onRow called with each row in file order
   */
  constructor(private readonly delimiter: string, private readonly onRow: (row: string[]) => void) {
    this.delimiterCode = delimiter === 'whitespace' ? -1 : delimiter.charCodeAt(0);
  }

  /**
   * Leaves the cells of unneeded columns empty from now on.
   * @param needed the column indices to keep; columns from `keepFrom` on are always kept
   * @param keepFrom the first column always kept (e.g. the header's width, so extra cells show)
   */
  keepOnly(needed: readonly number[], keepFrom: number): void {
    const keep = new Uint8Array(keepFrom);
    for (const c of needed) if (c < keepFrom) keep[c] = 1;
    this.keep = keep;
  }

  /** Adds the next piece of text. */
  push(piece: string): void {
    const text = this.carry === '' ? piece : this.carry + piece;
    const consumed = this.watch(text, () => (this.delimiterCode < 0 ? this.lines(text, false) : this.rows(text, false)));
    this.carry = consumed === text.length ? '' : text.slice(consumed);
    if (this.carry.length > MAX_ROW_CHARS) {
      throw new InputError(`row ${this.rowsSeen + 1}: longer than ${MAX_ROW_CHARS / 1024 / 1024} M characters (a quoted field that is never closed?)`);
    }
  }

  /** Ends the text: the last row, when it has no line end. */
  end(): void {
    const text = this.carry;
    this.carry = '';
    if (text !== '') this.watch(text, () => (this.delimiterCode < 0 ? this.lines(text, true) : this.rows(text, true)));
  }

  /** Runs a parse; when the text holds U+FFFD, every cell is kept and rows holding it are reported. */
  private watch(text: string, parse: () => number): number {
    if (this.onReplacementChar === undefined || text.indexOf('\ufffd') < 0) return parse();
    const keep = this.keep;
    this.keep = undefined;
    this.watching = true;
    try {
      return parse();
    } finally {
      this.keep = keep;
      this.watching = false;
    }
  }

  private emit(row: string[]): void {
    this.rowsSeen++;
    if (this.watching && row.some((cell) => cell.includes('\ufffd'))) this.onReplacementChar?.(this.rowsSeen);
    const blank = row.length === 0 || (row.length === 1 && row[0] === '');
    if (!this.started) {
      if (blank) { this.leadingBlankLines++; return; }
      this.started = true;
    }
    this.onRow(blank ? [] : row);
  }

  /** The cells of a line without quotes or CR, from `start` to `end` (exclusive). */
  private plainLine(text: string, start: number, end: number, delimiter: string, keep: Uint8Array | undefined, keepFrom: number): string[] {
    const row: string[] = [];
    let i = start;
    for (;;) {
      let j = text.indexOf(delimiter, i);
      if (j < 0 || j > end) j = end;
      const col = row.length;
      row.push(keep === undefined || col >= keepFrom || keep[col] === 1 ? text.slice(i, j) : '');
      if (j === end) return row;
      i = j + 1;
    }
  }

  /** Whitespace-separated text: whole lines only; returns the characters consumed. */
  private lines(text: string, final: boolean): number {
    let start = 0;
    for (;;) {
      let i = start;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === LF || c === CR) break;
        i++;
      }
      if (i === text.length && !final) return start;
      if (text.charCodeAt(i) === CR && i + 1 === text.length && !final) return start;
      this.emit(parseWhitespaceRows(text.slice(start, i))[0] ?? []);
      if (i >= text.length) return text.length;
      start = i + (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1);
      if (start >= text.length) return text.length;
    }
  }

  /**
   * Delimited rows; returns the characters consumed (the start of a row the text cuts short,
   * unless `final`).
   */
  private rows(text: string, final: boolean): number {
    const n = text.length;
    const d = this.delimiterCode;
    const keep = this.keep;
    const keepFrom = keep ? keep.length : 0;
    let rowStart = 0;
    let i = 0;
    let row: string[] = [];
    // Fast path for LF text: a whole line without a quote is split with indexOf (native search)
    // instead of a loop over its characters. CR (CRLF, CR) and quoted lines take the loop below.
    const lfOnly = text.indexOf('\r') < 0;
    let nextQuote = lfOnly ? text.indexOf('"') : 0;
    const delimiter = this.delimiter;
    while (i < n) {
      if (lfOnly && row.length === 0) {
        const lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0 && !final) return rowStart;
        const end = lineEnd < 0 ? n : lineEnd;
        if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i);
        if (nextQuote < 0 || nextQuote >= end) {
          this.emit(this.plainLine(text, i, end, delimiter, keep, keepFrom));
          i = end + 1;
          rowStart = i;
          if (i >= n) return n;
          continue;
        }
      }
      const col = row.length;
      const wanted = keep === undefined || col >= keepFrom || keep[col] === 1;
      if (text.charCodeAt(i) === QUOTE) {
        // quoted field
        let value = '';
        let from = i + 1;
        let closed = -1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            if (wanted) value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          if (q + 1 === n && !final) break; // the next piece may start with the doubled quote
          closed = q;
          if (wanted) value += text.slice(from, q);
          break;
        }
        if (closed < 0) {
          if (!final) return rowStart;
          throw new InputError(`row ${this.rowsSeen + 1}: a quoted field is never closed (its closing " is missing); close it or remove the stray "`);
        }
        row.push(value);
        i = closed + 1;
        const c = i < n ? text.charCodeAt(i) : -1;
        if (c === d) { i++; if (i === n && !final) return rowStart; continue; }
        if (c === LF || c === CR || c === -1) {
          if (c === -1 && !final) return rowStart;
          if (c === CR && i + 1 === n && !final) return rowStart;
          this.emit(row);
          row = [];
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : c === -1 ? 0 : 1;
          rowStart = i;
          if (c === -1) return n;
          continue;
        }
        throw new InputError(`row ${this.rowsSeen + 1}: text follows the closing " of a quoted field; a " inside a quoted field must be doubled ("")`);
      }
      // unquoted field: up to the delimiter or the line end
      let j = i;
      let c = -1;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      if (j === n) {
        if (!final) return rowStart;
        row.push(wanted ? text.slice(i, j) : '');
        this.emit(row);
        return n;
      }
      if (c === CR && j + 1 === n && !final) return rowStart;
      row.push(wanted ? text.slice(i, j) : '');
      if (c === d) {
        i = j + 1;
        if (i === n) {
          if (!final) return rowStart;
          row.push('');
          this.emit(row);
          return n;
        }
        continue;
      }
      this.emit(row);
      row = [];
      i = j + (c === CR && text.charCodeAt(j + 1) === LF ? 2 : 1);
      rowStart = i;
    }
    return rowStart === n ? n : rowStart;
  }
}
