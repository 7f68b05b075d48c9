/**
 * A table of cells packed by column into typed arrays, so that a million rows cost a few flat
 * buffers instead of a million small arrays, and move to the analysis worker without a copy: an
 * ArrayBuffer in the transfer list of `postMessage` is moved, not cloned, and is detached (length 0)
 * on the sending side ("Transferable objects",
 * https://developer.mozilla.org/docs/Web/API/Web_Workers_API/Transferable_objects).
 *
 * The rows come in parts (one per chunk read), so each part can go to the worker as soon as it is
 * read. Per part and column: a kind per row (empty, number, text, FALSE, TRUE, missing), the
 * numbers at their rows (Float64Array: every double, -0 and NaN included, as it was), and the texts
 * as indices into the column's distinct texts; a part carries only the texts first seen in it, as
 * UTF-16 code units end to end (exact, whatever the text holds), so parts are read in order.
 * Unpacking gives back the very cells that were packed. Pure: no Office or DOM API.
 */
import type { Cell, InputTable } from '../engine';

/** Kinds of a packed cell. */
const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const FALSE = 3;
const TRUE = 4;
const MISSING = 5;

/** One column of one part; every field is a view over a whole transferable buffer. */
export interface PackedColumn {
  /** One kind per row. */
  kinds: Uint8Array;
  /** The number of each NUMBER row (absent when the part has none in this column). */
  numbers?: Float64Array;
  /** The index of each TEXT row's text among the column's distinct texts (all parts so far). */
  texts?: Uint32Array;
  /** The texts first seen in this part, end to end, as UTF-16 code units. */
  dictionary?: Uint16Array;
  /** End offset in `dictionary` of each of those texts, in first-seen order. */
  ends?: Uint32Array;
}

/** Consecutive rows of a table, packed by column. */
export interface PackedPart {
  rows: number;
  columns: PackedColumn[];
}

/** A table packed by column: what `InputTable` says, with the rows as packed parts in order. */
export interface PackedTable {
  header: string[];
  rowCount: number;
  firstRowNumber?: number;
  dateFormattedColumns?: boolean[];
  parts: PackedPart[];
}

/** Packs one column, part by part; the distinct texts are numbered across parts. */
export class ColumnPacker {
  private kinds = new Uint8Array(0);
  private numbers: Float64Array | undefined;
  private texts: Uint32Array | undefined;
  private readonly index = new Map<string, number>();
  private fresh: string[] = [];
  private length = 0;
  private lastText: string | undefined;
  private lastId = 0;

  /**
   * Starts a part.
   * @param capacity the rows the part will hold
   */
  startPart(capacity: number): void {
    this.kinds = new Uint8Array(capacity);
    this.numbers = undefined;
    this.texts = undefined;
    this.length = 0;
  }

  /**
   * Appends a cell: a number, a string, a boolean, null or undefined (a missing cell).
   * @throws Error when the part is full or the cell is of another type
   */
  push(cell: Cell): void {
    if (this.length >= this.kinds.length) throw new Error('ColumnPacker: more rows than the part holds');
    this.put(this.length++, cell);
  }

  /**
   * Appends column `c` of each row (as `push` of each cell, in one loop). O(rows).
   * @throws Error as push
   */
  pushColumn(rows: readonly (readonly Cell[])[], c: number): void {
    if (this.length + rows.length > this.kinds.length) throw new Error('ColumnPacker: more rows than the part holds');
    const start = this.length;
    this.length += rows.length;
    for (let r = 0; r < rows.length; r++) this.put(start + r, rows[r][c]);
  }

  private put(row: number, cell: Cell): void {
    if (typeof cell === 'number') {
      this.kinds[row] = NUMBER;
      (this.numbers ??= new Float64Array(this.kinds.length))[row] = cell;
    } else if (typeof cell === 'string') {
      this.kinds[row] = TEXT;
      (this.texts ??= new Uint32Array(this.kinds.length))[row] = this.textId(cell);
    } else if (cell === null) this.kinds[row] = EMPTY;
    else if (cell === undefined) this.kinds[row] = MISSING;
    else if (cell === false || cell === true) this.kinds[row] = cell ? TRUE : FALSE;
    else throw new Error(`ColumnPacker: a cell of type ${typeof cell} cannot be packed`);
  }

  /** The number of a distinct text (the last one is remembered: rows of one order repeat it). */
  private textId(text: string): number {
    if (text === this.lastText) return this.lastId;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(text, id);
      this.fresh.push(text);
    }
    this.lastText = text;
    this.lastId = id;
    return id;
  }

  /** The part's column (buffers sized to the rows pushed). O(rows + new text length). */
  finishPart(): PackedColumn {
    const n = this.length;
    const fit = <T extends Uint8Array | Float64Array | Uint32Array>(a: T): T => (n === a.length ? a : (a.slice(0, n) as T));
    const column: PackedColumn = { kinds: fit(this.kinds) };
    if (this.numbers) column.numbers = fit(this.numbers);
    if (this.texts) column.texts = fit(this.texts);
    if (this.fresh.length > 0) Object.assign(column, packTexts(this.fresh));
    this.fresh = [];
    return column;
  }
}

/** Texts → their UTF-16 code units end to end, and the end offset of each. */
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
 * Adds the texts first seen in a part's column to the column's distinct texts (exact: decoded by
 * code unit). O(text length).
 * @param column the part's column
 * @param distinct the column's texts of the earlier parts (extended in place)
 */
export function addTexts(column: PackedColumn, distinct: string[]): void {
  const { dictionary, ends } = column;
  if (!dictionary || !ends) return;
  const blocks: string[] = [];
  for (let i = 0; i < dictionary.length; i += BLOCK) blocks.push(String.fromCharCode.apply(null, dictionary.subarray(i, i + BLOCK) as unknown as number[]));
  const all = blocks.join('');
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    distinct.push(all.slice(start, ends[i]));
    start = ends[i];
  }
}

/**
 * Reads one part's column by row, given the column's distinct texts so far.
 * @throws Error when the column does not hold the part's rows: its buffers were transferred away
 *   (a detached buffer reads as empty) or the part is malformed; unpacking would give blanks
 */
function columnReader(column: PackedColumn, rows: number, distinct: readonly string[]): (row: number) => Cell {
  const { kinds, numbers, texts } = column;
  if (kinds.length !== rows) throw new Error(`a packed column holds ${kinds.length} rows where its part has ${rows}: transferred away or malformed`);
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

/** Unpacks parts in order into rows (trailing missing cells left out). */
export class RowUnpacker {
  /** The rows unpacked so far. */
  readonly rows: Cell[][] = [];
  private readonly distinct: string[][] = [];

  /**
   * Unpacks the next part. O(rows × columns).
   * @param part the part after the ones added before
   * @param limit stop when `rows` holds this many (default: every row)
   */
  add(part: PackedPart, limit = Infinity): void {
    const { columns } = part;
    const readers = columns.map((column, c) => {
      addTexts(column, (this.distinct[c] ??= []));
      return columnReader(column, part.rows, this.distinct[c]);
    });
    const ragged = columns.some((c) => c.kinds.includes(MISSING));
    const end = Math.min(part.rows, limit - this.rows.length);
    // each row a copy of a packed array of the table's width: as long as it needs to be (an array
    // grown by push keeps room for 17 cells), so a million rows take half the memory
    const blank: Cell[] = readers.map(() => undefined);
    for (let r = 0; r < end; r++) {
      const row = blank.slice();
      for (let c = 0; c < readers.length; c++) row[c] = readers[c](r);
      if (ragged) row.length = rowLength(columns, r);
      this.rows.push(row);
    }
  }
}

/** The cells of row `r` up to its last one that is not missing. */
function rowLength(columns: readonly PackedColumn[], r: number): number {
  let n = columns.length;
  while (n > 0 && columns[n - 1].kinds[r] === MISSING) n--;
  return n;
}

/**
 * Packs rows as one part; rows narrower than the widest get missing cells, which unpacking leaves
 * out again. O(rows × columns).
 * @param rows the rows
 * @param width the columns (default: the widest row)
 * @param packers the columns' packers, when earlier parts were packed with them
 */
export function packPart(rows: readonly Cell[][], width = rows.reduce((w, r) => Math.max(w, r.length), 0), packers = Array.from({ length: width }, () => new ColumnPacker())): PackedPart {
  for (let c = 0; c < packers.length; c++) {
    packers[c].startPart(rows.length);
    packers[c].pushColumn(rows, c);
  }
  return { rows: rows.length, columns: packers.map((p) => p.finishPart()) };
}

/**
 * Packs an input table as one part.
 * @example inputTable(packTable({ header: ['a'], rows: [['x'], [1]] })).rows → [['x'], [1]]
 */
export function packTable(table: InputTable): PackedTable {
  const { header, rows } = table;
  let width = header.length;
  for (const row of rows) width = Math.max(width, row.length);
  return withTableFields<PackedTable>(table, { header, rowCount: rows.length, parts: [packPart(rows, width)] });
}

/** The fields a table carries besides its header and rows. */
type TableFields = Pick<InputTable, 'firstRowNumber' | 'dateFormattedColumns'>;

/** `into` with the table fields `from` has set (an absent field stays absent). */
function withTableFields<T extends TableFields>(from: TableFields, into: T): T {
  if (from.firstRowNumber !== undefined) into.firstRowNumber = from.firstRowNumber;
  if (from.dateFormattedColumns !== undefined) into.dateFormattedColumns = from.dateFormattedColumns;
  return into;
}

/**
 * The engine's input table of a packed table's header and fields with the given rows (the rows
 * unpacked so far, or the first rows a pane keeps).
 * @param table the packed table (its header and fields)
 * @param rows the rows
 */
export function tableWithRows(table: Pick<PackedTable, 'header'> & TableFields, rows: Cell[][]): InputTable {
  return withTableFields<InputTable>(table, { header: table.header, rows });
}

/**
 * The engine's input table of a packed table.
 * @param table the packed table
 * @param rowLimit unpack at most this many rows (default: every row)
 */
export function inputTable(table: PackedTable, rowLimit = Infinity): InputTable {
  const unpacker = new RowUnpacker();
  for (const part of table.parts) if (unpacker.rows.length < rowLimit) unpacker.add(part, rowLimit);
  return tableWithRows(table, unpacker.rows);
}

/**
 * Every cell of one column, in row order (undefined where a row has no such cell). O(rows).
 * @param table the packed table
 * @param index the column
 */
export function columnCells(table: PackedTable, index: number): Cell[] {
  const out: Cell[] = [];
  const distinct: string[] = [];
  for (const part of table.parts) {
    const column = part.columns[index];
    if (!column) {
      for (let r = 0; r < part.rows; r++) out.push(undefined);
      continue;
    }
    addTexts(column, distinct);
    const read = columnReader(column, part.rows, distinct);
    for (let r = 0; r < part.rows; r++) out.push(read(r));
  }
  return out;
}

/** The buffers of packed parts, for the transfer list of `postMessage`. */
export function partBuffers(parts: readonly PackedPart[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const part of parts) {
    for (const c of part.columns) for (const a of [c.kinds, c.numbers, c.texts, c.dictionary, c.ends]) if (a) out.push(a.buffer as ArrayBuffer);
  }
  return out;
}
