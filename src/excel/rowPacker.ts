/**
 * The rows of a read, packed as they arrive (packedTable.ts): Excel's '' (an empty cell) becomes
 * null, error values are counted, the first rows are kept unpacked for column detection, and each
 * chunk becomes a part, kept or handed over at once. Excel error values (`#N/A`, `#VALUE!`, ...)
 * arrive as their text.
 */
import { isErrorCell, SAMPLE_ROWS, type Cell } from '../engine';
import { ColumnPacker, type PackedPart, packPart } from './packedTable';

/** Rows kept unpacked at the top of a read: twice what column detection samples (engine/columns.ts). */
export const HEAD_ROWS = 2 * SAMPLE_ROWS;

/** Packs a block's rows chunk by chunk. */
export class RowPacker {
  /** The first rows (up to HEAD_ROWS), normalised. */
  readonly head: Cell[][] = [];
  /** The parts not handed to `onPart`. */
  readonly parts: PackedPart[] = [];
  /** Cells holding Excel error values. */
  errorCells = 0;
  /** True once a cell is not empty. */
  anyValue = false;
  private readonly packers: ColumnPacker[];

  /**
   * @param width the block's columns
   * @param onPart takes each part as it is packed (the read goes on when it settles)
   */
  constructor(width: number, private readonly onPart?: (part: PackedPart) => void | Promise<void>) {
    this.packers = Array.from({ length: width }, () => new ColumnPacker());
  }

  /**
   * Normalises a chunk's rows in place and packs them as the next part. O(rows × width).
   * @param rows the chunk's values, as Excel returned them
   */
  async add(rows: Cell[][]): Promise<void> {
    const width = this.packers.length;
    for (const row of rows) {
      for (let c = 0; c < width; c++) {
        const v = row[c];
        if (v === '') row[c] = null;
        else if (isErrorCell(v)) this.errorCells++;
        if (v !== '' && v !== null) this.anyValue = true;
      }
      if (this.head.length < HEAD_ROWS) this.head.push(row);
    }
    const part = packPart(rows, width, this.packers);
    if (this.onPart) await this.onPart(part);
    else this.parts.push(part);
  }
}
