/**
 * A raw-table analyze for tests, composed from the engine's committed parts (detect columns →
 * normalise → analyzeTransactions), with the same signature as the engine's `analyze`.
 */
import { analyzeTransactions } from '../../src/engine/analyze';
import { detectColumns, toColumnMapping } from '../../src/engine/columns';
import { normalizeTransactions } from '../../src/engine/parse';
import type { Analysis, AnalysisOptions, InputTable } from '../../src/engine/types';

/** Analyses a raw transactions table. */
export function analyzeTable(table: InputTable, options: AnalysisOptions = {}): Analysis {
  const columns = detectColumns(table, 'transactions', options.columns ?? {});
  const normalized = normalizeTransactions(table, toColumnMapping(columns), { dayMonthOrder: options.dayMonthOrder });
  return analyzeTransactions(normalized.transactions, { clusters: 'off', model: 'off', ...options }, {
    columns,
    skipped: normalized.skipped,
    dayMonthOrder: normalized.dayMonthOrder,
  });
}
