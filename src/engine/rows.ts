/**
 * Column helpers shared by the transaction and customer-level normalisers: cell access, per-column
 * parsers resolved once, and row checks. Internal to the input side (not re-exported by index.ts).
 */
import type { Cell, DayMonthOrder, InputTable } from './types';
import { isBlankCell, isErrorCell } from './cellText';
import { parseDateColumnBy, type DateColumnResolution, type ParsedDateColumn } from './dates';
import { makeNumberParser, resolveNumberColumnBy, type NumberStyle } from './numbers';

/** Reads column `index` of the table's rows; undefined for a missing column or short row. */
export function cellReader(table: InputTable, index: number | undefined): (i: number) => Cell {
  const rows = table.rows;
  if (index === undefined) return () => undefined;
  return (i: number) => {
    const row = rows[i];
    return row === undefined || row === null ? undefined : row[index];
  };
}

/**
 * A number parser for a mapped column, with the column's decimal separator resolved from its cells
 * (or `fixed`, the style a streaming reader chose for the whole file).
 */
export function numberColumnParser(table: InputTable, index: number | undefined, fixed?: NumberStyle): (cell: Cell) => number | undefined {
  if (index === undefined) return () => undefined;
  return makeNumberParser(fixed ?? resolveNumberColumnBy(table.rows.length, cellReader(table, index)));
}

/** A mapped date column resolved and parsed in one scan (see parseDateColumnBy). */
export function dateColumn(table: InputTable, index: number, opts: { dayMonthOrder?: DayMonthOrder; fixedDayMonthOrder?: DayMonthOrder }): ParsedDateColumn {
  return parseDateColumnBy(table.rows.length, cellReader(table, index), opts);
}

/** The key of the note appended to bad-date details when day/month order matters. */
export function orderHint(resolution: DateColumnResolution): string | undefined {
  return resolution.dayMonthOrder ? `input.skip.readAs.${resolution.dayMonthOrder}` : undefined;
}

/** Index of the first used column holding an Excel error value, or -1. */
export function errorColumn(row: Cell[], columns: readonly number[]): number {
  for (const c of columns) if (isErrorCell(row[c])) return c;
  return -1;
}

/** True when every used cell of the row is blank. */
export function isBlankRow(row: Cell[], columns: readonly number[]): boolean {
  for (const c of columns) if (!isBlankCell(row[c])) return false;
  return true;
}
