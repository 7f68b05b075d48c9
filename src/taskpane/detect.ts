/**
 * The pane's column detection: the engine decides (header names in English and Persian, then the
 * values); this turns its answer into a role → column mapping for the dropdowns. When a required
 * column cannot be found the engine's message is returned beside an empty mapping, so the user
 * sees why and can choose the column by hand.
 */
import { detectColumns, toColumnMapping } from '../engine/columns';
import type { ColumnMapping, InputTable } from '../engine/types';

/**
 * Detects the transaction columns of a table.
 * @param table the source table
 * @returns role → column index for the roles found, and the engine's message when detection failed
 */
export function detectMapping(table: InputTable): { mapping: ColumnMapping; problem?: string } {
  try {
    return { mapping: toColumnMapping(detectColumns(table, 'transactions')) };
  } catch (error) {
    const err = error as Error;
    if (err.name !== 'InputError') throw error;
    return { mapping: {}, problem: err.message };
  }
}
