import type { Analysis, AnalysisOptions, Transaction } from './types';

/**
 * Issue 5's stages (clusters, purchase models, CLV, churn) run here after scoring.
 * Placeholder until they land: returns the analysis unchanged.
 * @param analysis the scored analysis
 * @param transactions the normalised transactions (empty for customer-level input)
 * @param options the user's options
 * @returns the analysis with cluster/CLV/churn fields filled where they apply
 */
export function addPredictions(analysis: Analysis, transactions: readonly Transaction[], options: AnalysisOptions): Analysis {
  void transactions;
  void options;
  return analysis;
}
