/**
 * Access to what the issue-5 stages add to an Analysis (clusters, purchase model, churn), for the
 * sheets that show it. Each returns null when the stage did not run.
 */
import type { Analysis } from '../engine';
import type { ClusterReport } from '../engine';
import type { BacktestReport, BacktestSkipped, ClvReport, HoldoutReport } from '../engine';

/**
 * The clustering result when clustering ran.
 * @param analysis the analysis
 */
export function clusterReport(analysis: Analysis): ClusterReport | null {
  return analysis.clusters?.status === 'ok' ? analysis.clusters : null;
}

/**
 * The purchase-model result when the model ran.
 * @param analysis the analysis
 */
export function clvReport(analysis: Analysis): ClvReport | null {
  return analysis.clv?.status === 'ok' ? analysis.clv : null;
}

/**
 * The holdout check when the model ran with a holdout period.
 * @param analysis the analysis
 */
export function holdoutReport(analysis: Analysis): HoldoutReport | null {
  const holdout = clvReport(analysis)?.holdout;
  return holdout && 'byFrequency' in holdout ? holdout : null;
}

/**
 * The backtest scorecard or why it was not made; null when the model did not run or the user
 * turned the backtest off.
 * @param analysis the analysis
 */
export function backtestResult(analysis: Analysis): BacktestReport | BacktestSkipped | null {
  const backtest = clvReport(analysis)?.backtest;
  if (!backtest || (backtest.status === 'skipped' && backtest.key === 'predict.backtest.off')) return null;
  return backtest;
}
