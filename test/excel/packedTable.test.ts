/**
 * Tables packed by column in parts (src/excel/packedTable.ts): unpacking gives back exactly the
 * cells that were packed (numbers bit for bit, texts code unit for code unit, short rows short),
 * parts share their columns' texts, and every buffer is listed for the transfer.
 */
import fc from 'fast-check';
import { ColumnPacker, RowUnpacker, columnCells, inputTable, packPart, packTable, partBuffers } from '../../src/excel/packedTable';
import type { Cell } from '../../src/engine/types';

const cell = fc.oneof(
  fc.double(), fc.integer(), fc.constantFrom(-0, NaN, Infinity, 45292),
  fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', 'C1', '#N/A', '\uD800', 'a\uDC00b', 'سلام'),
  fc.boolean(), fc.constant(null),
);

describe('packed tables', () => {
  it('round-trip any rows exactly, in any number of parts', () => {
    const table = fc.integer({ min: 1, max: 4 }).chain((w) => fc.tuple(fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 40 }), fc.integer({ min: 1, max: 7 })));
    fc.assert(fc.property(table, ([rows, size]) => {
      const width = rows[0]?.length ?? 1;
      const packers = Array.from({ length: width }, () => new ColumnPacker());
      const unpacker = new RowUnpacker();
      for (let i = 0; i < rows.length; i += size) unpacker.add(packPart(rows.slice(i, i + size), width, packers));
      expect(unpacker.rows).toEqual(rows);
      rows.forEach((row, r) => row.forEach((v, c) => expect(Object.is(unpacker.rows[r][c], v)).toBe(true)));
    }));
  });

  it('keep short rows short, the table fields, and read one column', () => {
    const rows: Cell[][] = [['a', 1, 'x'], ['b'], [null, 2]];
    const packed = packTable({ header: ['A', 'B'], rows, firstRowNumber: 5, dateFormattedColumns: [false, true] });
    expect(packed.rowCount).toBe(3);
    expect(inputTable(packed)).toEqual({ header: ['A', 'B'], rows, firstRowNumber: 5, dateFormattedColumns: [false, true] });
    expect(inputTable(packed, 2).rows).toEqual(rows.slice(0, 2));
    expect(columnCells(packed, 2)).toEqual(['x', undefined, undefined]);
    expect(columnCells(packed, 7)).toEqual([undefined, undefined, undefined]);
  });

  it('send each distinct text once, in the part that first has it', () => {
    const packers = [new ColumnPacker(), new ColumnPacker()];
    const first = packPart([['x', 1], ['y', 2]], 2, packers);
    const second = packPart([['x', 3], ['z', 4]], 2, packers);
    expect(first.columns[0].ends).toHaveLength(2);
    expect(second.columns[0].ends).toHaveLength(1);
    expect(second.columns[1].texts).toBeUndefined();
    expect(partBuffers([first, second])).toHaveLength(4 + 2 + 4 + 2);
    expect(columnCells({ header: ['C', 'N'], rowCount: 4, parts: [first, second] }, 0)).toEqual(['x', 'y', 'x', 'z']);
  });

  it('decode long texts across decoding blocks', () => {
    const long = 'ab\uD83D\uDE00'.repeat(5000);
    expect(inputTable(packTable({ header: ['T'], rows: [[long], ['z'], [long + 'q']] })).rows).toEqual([[long], ['z'], [long + 'q']]);
  });

  it('refuse more rows than the part holds and cells that are not values', () => {
    const packer = new ColumnPacker();
    packer.startPart(1);
    packer.push(1);
    expect(() => packer.push(2)).toThrow(/holds/);
    packer.startPart(1);
    expect(() => packer.push({} as unknown as Cell)).toThrow(/cannot be packed/);
  });

  it('refuse to unpack a part whose buffers were transferred away, rather than give blank cells', () => {
    const packed = packTable({ header: ['C', 'N'], rows: [['a', 1], ['b', 2]] });
    // moving the buffers (as postMessage does with a transfer list) leaves them detached here
    structuredClone(packed.parts, { transfer: partBuffers(packed.parts) });
    expect(() => inputTable(packed)).toThrow(/transferred away or malformed/);
    expect(() => columnCells(packed, 0)).toThrow(/transferred away or malformed/);
  });
});
