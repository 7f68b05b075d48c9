/**
 * Tables packed by column (src/excel/packedTable.ts): unpacking gives back exactly the cells that
 * were packed (numbers bit for bit, texts code unit for code unit, short rows short), and every
 * buffer is listed for the transfer.
 */
import fc from 'fast-check';
import { ColumnPacker, columnTexts, inputTable, packTable, tableBuffers, unpackRows } from '../../src/excel/packedTable';
import type { Cell } from '../../src/engine/types';

const cell = fc.oneof(
  fc.double(), fc.integer(), fc.constantFrom(-0, NaN, Infinity, 45292),
  fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', 'C1', '#N/A', '\uD800', 'a\uDC00b', 'سلام'),
  fc.boolean(), fc.constant(null),
);

describe('packTable / unpackRows', () => {
  it('round-trips any rectangular rows exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 40 })), (rows) => {
      const width = rows[0]?.length ?? 1;
      const header = Array.from({ length: width }, (_, i) => `h${i}`);
      expect(unpackRows(packTable({ header, rows }))).toEqual(rows);
      const back = unpackRows(packTable({ header, rows }));
      rows.forEach((row, r) => row.forEach((v, c) => expect(Object.is(back[r][c], v)).toBe(true)));
    }));
  });

  it('keeps short rows short and the table fields', () => {
    const rows: Cell[][] = [['a', 1, 'x'], ['b'], [null, 2]];
    const packed = packTable({ header: ['A', 'B'], rows, firstRowNumber: 5, dateFormattedColumns: [false, true] });
    expect(packed.rowCount).toBe(3);
    expect(inputTable(packed)).toEqual({ header: ['A', 'B'], rows, firstRowNumber: 5, dateFormattedColumns: [false, true] });
    expect(unpackRows(packed, 1, 2)).toEqual([['b']]);
    expect(inputTable(packed, 2).rows).toEqual(rows.slice(0, 2));
  });

  it('stores each distinct text once and lists every buffer for the transfer', () => {
    const packed = packTable({ header: ['C', 'N'], rows: [['x', 1], ['y', 2], ['x', 3]] });
    expect(columnTexts(packed.columns[0])).toEqual(['x', 'y']);
    expect(packed.columns[1].texts).toBeUndefined();
    expect(tableBuffers(packed)).toHaveLength(4 + 2);
  });

  it('decodes long texts across decoding blocks', () => {
    const long = 'ab\uD83D\uDE00'.repeat(5000);
    expect(unpackRows(packTable({ header: ['T'], rows: [[long], ['z'], [long + 'q']] }))).toEqual([[long], ['z'], [long + 'q']]);
  });

  it('refuses more rows than its capacity and cells that are not values', () => {
    const packer = new ColumnPacker(1);
    packer.push(1);
    expect(() => packer.push(2)).toThrow(/capacity/);
    expect(() => new ColumnPacker(1).push({} as unknown as Cell)).toThrow(/cannot be packed/);
  });
});
