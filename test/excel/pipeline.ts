/**
 * The engine's raw-table entry point for these tests, with clusters and the purchase model off so the
 * cases stay small and fast (the engine's own tests cover those stages).
 */
import { analyze } from '../../src/engine/analyze';
import type { Analysis, AnalysisOptions, InputTable } from '../../src/engine/types';

/** Analyses a raw transactions table. */
export function analyzeTable(table: InputTable, options: AnalysisOptions = {}): Analysis {
  return analyze(table, { clusters: 'off', model: 'off', ...options });
}
