import type { Analysis, AnalysisOptions } from './types';
import { runClusters } from './clusters/cluster';
import type { ClusterAnalysis } from './clusters/types';
import { runClv } from './clv/run';
import { errorParams, keyedReason } from './clv/reasons';
import type { ClvAnalysis } from './clv/types';
import type { Histories } from './clv/summary';
import type { ModelLines } from './modelLines';

/**
 * Issue 5's stages, run after scoring: clusters (unless `clusters: 'off'`) and the purchase
 * models with CLV and churn (unless `model: 'off'`). Either stage that cannot run records why in
 * `Analysis.clusters` / `Analysis.clv` (`{ status: 'skipped', reason }`) and the rest stands;
 * nothing here throws.
 * @param analysis the scored analysis (its customers gain cluster, pAlive, expected purchases, CLV, churn status)
 * @param transactions the normalised transactions (empty for customer-level input)
 * @param options the user's options
 * @param histories model histories given by customer-level input (the table of `rfm sql`)
 * @returns the same analysis with `clusters` and `clv` filled
 */
export function addPredictions(analysis: Analysis, transactions: ModelLines, options: AnalysisOptions, histories?: Histories): Analysis {
  analysis.clusters = options.clusters === 'off' ? { status: 'skipped', ...keyedReason('predict.clusters.off') } : clusterStage(analysis, options);
  analysis.clv = options.model === 'off' ? { status: 'skipped', ...keyedReason('predict.reason.off') } : clvStage(analysis, transactions, options, histories);
  return analysis;
}

function clusterStage(analysis: Analysis, options: AnalysisOptions): ClusterAnalysis {
  try {
    const k = typeof options.clusters === 'number' ? options.clusters : 'auto';
    const { report, clusterOf } = runClusters(analysis.customers, { k });
    analysis.customers.forEach((c, i) => (c.cluster = clusterOf ? clusterOf[i] : null));
    return report;
  } catch (error) {
    for (const c of analysis.customers) c.cluster = null;
    return { status: 'skipped', ...keyedReason('predict.clusters.failed', errorParams(error)) };
  }
}

function clvStage(analysis: Analysis, transactions: ModelLines, options: AnalysisOptions, histories?: Histories): ClvAnalysis {
  try {
    return runClv(analysis, transactions, options, histories);
  } catch (error) {
    return clvFailed(analysis, error);
  }
}

/**
 * What the stage leaves when it throws: the customers' prediction fields emptied and the reason.
 * (A host that made the model check beside the stage and saw it throw ends the same way.)
 * @param analysis the analysis whose customers are cleared
 * @param error what was thrown
 * @returns Analysis.clv
 */
export function clvFailed(analysis: Analysis, error: unknown): ClvAnalysis {
  for (const c of analysis.customers) {
    c.pAlive = c.expectedPurchases30d = c.expectedPurchases90d = c.expectedAverageSpend = c.clv = null;
    c.churnStatus = null;
  }
  return { status: 'skipped', ...keyedReason('predict.reason.failed', errorParams(error)) };
}
