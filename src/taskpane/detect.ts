/**
 * The pane's column detection: the engine decides the input kind (transactions, or one row per
 * customer) and the columns (header names in English and Persian, then the values); this turns its
 * answer into a role → column mapping for the dropdowns. When a required column cannot be found the
 * engine's message is returned beside an empty mapping, so the user sees why and chooses by hand.
 */
import { detectColumns, detectInputKind, toColumnMapping } from '../engine';
import type { ColumnMapping, InputKind, InputTable } from '../engine';
import { localText, type LocalText } from './messages';

/** What detection found. */
export interface Detected {
  kind: InputKind;
  mapping: ColumnMapping;
  /** The engine's message, in any language. */
  problem?: LocalText;
}

/**
 * Detects the columns of a table.
 * @param table the source table
 * @param kind the input kind; default: the engine's guess from the header names
 * @returns the kind, role → column index for the roles found, and the engine's message when it failed
 */
export function detectMapping(table: InputTable, kind: InputKind = detectInputKind(table)): Detected {
  try {
    return { kind, mapping: toColumnMapping(detectColumns(table, kind)) };
  } catch (error) {
    const err = error as Error;
    if (err.name !== 'InputError') throw error;
    return { kind, mapping: {}, problem: localText(err) };
  }
}
