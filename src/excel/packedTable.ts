/**
 * A table of cells packed by column into typed arrays, so that a million rows cost a few flat
 * buffers instead of a million small arrays, and move to the analysis worker without a copy: an
 * ArrayBuffer in the transfer list of `postMessage` is moved, not cloned, and is detached (length 0)
 * on the sending side ("Transferable objects",
 * https://developer.mozilla.org/docs/Web/API/Web_Workers_API/Transferable_objects).
 *
 * Per column: a kind per row (empty, number, text, FALSE, TRUE, missing), the numbers at their rows
 * (Float64Array: every double, -0 and NaN included, as it was), and the texts as indices into the
 * column's distinct texts, which are stored end to end as UTF-16 code units (exact, whatever the
 * text holds). Unpacking gives back the very cells that were packed. Pure: no Office or DOM API.
 */
import type { Cell, InputTable } from '../engine';

/** Kinds of a packed cell. */
const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const FALSE = 3;
const TRUE = 4;
const MISSING = 5;

/** One packed column; every field is a transferable buffer's view over the whole buffer. */
export interface PackedColumn {
  /** One kind per row. */
  kinds: Uint8Array;
  /** The number of each NUMBER row (absent when the column has none). */
  numbers?: Float64Array;
  /** The index of each TEXT row's text among `ends` (absent when the column has no text). */
  texts?: Uint32Array;
  /** The distinct texts end to end, as UTF-16 code units. */
  dictionary?: Uint16Array;
  /** End offset in `dictionary` of each distinct text, in first-seen order. */
  ends?: Uint32Array;
}

/** A table packed by column: what `InputTable` says, with the rows as packed columns. */
export interface PackedTable {
  header: string[];
  rowCount: number;
  firstRowNumber?: number;
  dateFormattedColumns?: boolean[];
  columns: PackedColumn[];
}

/** Packs one column, a row at a time, into buffers sized for `capacity` rows. */
export class ColumnPacker {
  private readonly kinds: Uint8Array;
  private numbers: Float64Array | undefined;
  private texts: Uint32Array | undefined;
  private readonly index = new Map<string, number>();
  private readonly distinct: string[] = [];
  private length = 0;

  /** @param capacity the number of rows the column will hold */
  constructor(private readonly capacity: number) {
    this.kinds = new Uint8Array(capacity);
  }

  /**
   * Appends a cell: a number, a string, a boolean, null or undefined (anything else is refused).
   * @throws Error when the column is full or the cell is of another type
   */
  push(cell: Cell): void {
    const row = this.length;
    if (row >= this.capacity) throw new Error('ColumnPacker: more rows than its capacity');
    this.length++;
    if (typeof cell === 'number') {
      this.kinds[row] = NUMBER;
      (this.numbers ??= new Float64Array(this.capacity))[row] = cell;
    } else if (typeof cell === 'string') {
      this.kinds[row] = TEXT;
      let id = this.index.get(cell);
      if (id === undefined) {
        id = this.distinct.length;
        this.index.set(cell, id);
        this.distinct.push(cell);
      }
      (this.texts ??= new Uint32Array(this.capacity))[row] = id;
    } else if (cell === null) this.kinds[row] = EMPTY;
    else if (cell === undefined) this.kinds[row] = MISSING;
    else if (cell === false || cell === true) this.kinds[row] = cell ? TRUE : FALSE;
    else throw new Error(`ColumnPacker: a cell of type ${typeof cell} cannot be packed`);
  }

  /** The packed column (its buffers sized to the rows pushed). O(rows + text length). */
  finish(): PackedColumn {
    const n = this.length;
    const fit = <T extends Uint8Array | Float64Array | Uint32Array>(a: T): T => (n === this.capacity ? a : (a.slice(0, n) as T));
    const column: PackedColumn = { kinds: fit(this.kinds) };
    if (this.numbers) column.numbers = fit(this.numbers);
    if (this.texts) Object.assign(column, { texts: fit(this.texts) }, packTexts(this.distinct));
    return column;
  }
}

/** Distinct texts → their UTF-16 code units end to end, and the end offset of each. */
function packTexts(texts: readonly string[]): { dictionary: Uint16Array; ends: Uint32Array } {
  let total = 0;
  for (const s of texts) total += s.length;
  const dictionary = new Uint16Array(total);
  const ends = new Uint32Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const s = texts[i];
    for (let k = 0; k < s.length; k++) dictionary[at++] = s.charCodeAt(k);
    ends[i] = at;
  }
  return { dictionary, ends };
}

/** Code units per String.fromCharCode call (well under any engine's argument limit). */
const BLOCK = 8192;

/**
 * The distinct texts of a column, in first-seen order (exact: decoded by code unit).
 * O(text length).
 */
export function columnTexts(column: PackedColumn): string[] {
  const { dictionary, ends } = column;
  if (!dictionary || !ends) return [];
  const blocks: string[] = [];
  for (let i = 0; i < dictionary.length; i += BLOCK) blocks.push(String.fromCharCode.apply(null, dictionary.subarray(i, i + BLOCK) as unknown as number[]));
  const all = blocks.join('');
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = all.slice(start, ends[i]);
    start = ends[i];
  }
  return out;
}

/**
 * Reads the cells of a packed column by row.
 * @param column the column
 * @returns row → cell (undefined past the column's end)
 */
export function columnReader(column: PackedColumn): (row: number) => Cell {
  const { kinds, numbers, texts } = column;
  const distinct = columnTexts(column);
  return (row) => {
    switch (kinds[row]) {
      case NUMBER: return (numbers as Float64Array)[row];
      case TEXT: return distinct[(texts as Uint32Array)[row]];
      case EMPTY: return null;
      case FALSE: return false;
      case TRUE: return true;
      default: return undefined;
    }
  };
}

/**
 * Packs an input table; rows narrower than the widest become missing cells, which unpacking leaves
 * out again. O(rows × columns).
 * @example unpackRows(packTable({ header: ['a'], rows: [['x'], [1]] })) → [['x'], [1]]
 */
export function packTable(table: InputTable): PackedTable {
  const { header, rows } = table;
  let width = header.length;
  for (const row of rows) width = Math.max(width, row.length);
  const packers = Array.from({ length: width }, () => new ColumnPacker(rows.length));
  for (const row of rows) for (let c = 0; c < width; c++) packers[c].push(row[c]);
  const out: PackedTable = { header, rowCount: rows.length, columns: packers.map((p) => p.finish()) };
  if (table.firstRowNumber !== undefined) out.firstRowNumber = table.firstRowNumber;
  if (table.dateFormattedColumns !== undefined) out.dateFormattedColumns = table.dateFormattedColumns;
  return out;
}

/**
 * The rows `from`..`to` of a packed table, each an array of its columns' cells (trailing missing
 * cells left out). O(rows × columns).
 * @param table the packed table
 * @param from first row (default 0)
 * @param to row after the last (default every row)
 */
export function unpackRows(table: PackedTable, from = 0, to = table.rowCount): Cell[][] {
  const end = Math.min(to, table.rowCount);
  const readers = table.columns.map(columnReader);
  const width = readers.length;
  const ragged = table.columns.some((c) => c.kinds.includes(MISSING));
  const rows = new Array<Cell[]>(Math.max(0, end - from));
  for (let r = from; r < end; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) row.push(readers[c](r));
    if (ragged) row.length = rowLength(table.columns, r);
    rows[r - from] = row;
  }
  return rows;
}

/** The cells of row `r` up to its last one that is not missing. */
function rowLength(columns: readonly PackedColumn[], r: number): number {
  let n = columns.length;
  while (n > 0 && columns[n - 1].kinds[r] === MISSING) n--;
  return n;
}

/**
 * The engine's input table of a packed table (every row unpacked).
 * @param table the packed table
 * @param rowLimit unpack at most this many rows (e.g. what column detection samples)
 */
export function inputTable(table: PackedTable, rowLimit = table.rowCount): InputTable {
  const out: InputTable = { header: table.header, rows: unpackRows(table, 0, rowLimit) };
  if (table.firstRowNumber !== undefined) out.firstRowNumber = table.firstRowNumber;
  if (table.dateFormattedColumns !== undefined) out.dateFormattedColumns = table.dateFormattedColumns;
  return out;
}

/** The buffers of a packed table, for the transfer list of `postMessage`. */
export function tableBuffers(table: PackedTable): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of table.columns) for (const a of [c.kinds, c.numbers, c.texts, c.dictionary, c.ends]) if (a) out.push(a.buffer as ArrayBuffer);
  return out;
}
