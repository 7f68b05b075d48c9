/**
 * The engine's raw-table entry point for these tests, with clusters and the purchase model off so the
 * cases stay small and fast (the engine's own tests cover those stages).
 */
import { analyze } from '../../src/engine/analyze';
import type { Analysis, AnalysisOptions, InputTable } from '../../src/engine/types';
import { inputTable, type PackedTable } from '../../src/excel/packedTable';

/** Analyses a raw transactions table (or a packed one, as read and as Refresh's analyze gets it). */
export function analyzeTable(table: InputTable | PackedTable, options: AnalysisOptions = {}): Analysis {
  return analyze('parts' in table ? inputTable(table) : table, { clusters: 'off', model: 'off', ...options });
}
