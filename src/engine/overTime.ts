/**
 * The analyses over time that a run adds when asked: segment migration since an earlier date
 * (`compareTo`) and cohort retention (`cohorts`). Both use only lines inside the analysis window.
 */
import { formatIsoDate } from './civil';
import { cohortTable } from './cohorts';
import { inputError } from './messages';
import { compareSegments } from './migration';
import { OTHERS } from './segments';
import type { Analysis, AnalysisOptions } from './types';
import type { ModelLines } from './modelLines';

/** Runs the pipeline again with other options (the analysis of the earlier date). */
export type Rerun = (options: AnalysisOptions) => Analysis;

/**
 * Adds `migration` (and each customer's `previousSegment`) and `cohorts` to an analysis, as asked.
 * @param analysis the analysis at the analysis date
 * @param transactions the lines inside its window (a streaming reader hands its per-customer-day
 *   lines: the cohorts read only which days of a customer hold a purchase)
 * @param options the user's options (compareTo, cohorts)
 * @param rerun runs the same pipeline on all lines with other options (earlierRunOptions)
 * @throws InputError when compareTo is not after the first purchase and before the analysis date
 */
export function addOverTime(analysis: Analysis, transactions: ModelLines, options: AnalysisOptions, rerun: Rerun): void {
  if (options.compareTo !== undefined) {
    const compareTo = assertCompareToRange(analysis, options.compareTo);
    const earlier = rerun(earlierRunOptions(options));
    const segments = [...analysis.settings.segmentRules.map((r) => r.name.trim()), OTHERS];
    analysis.migration = compareSegments(earlier, analysis, compareTo, segments);
  }
  if (options.cohorts) {
    const end = analysis.settings.analysisDate;
    analysis.cohorts = cohortTable(transactions, end, 'gregorian');
    analysis.cohortsJalali = cohortTable(transactions, end, 'jalali');
  }
}

/**
 * Checks a comparison date against an analysis: it must be a whole day after the first purchase
 * and before the analysis date.
 * @param analysis the analysis at the analysis date
 * @param compareTo the comparison date
 * @returns compareTo
 * @throws InputError engine.error.compareToRange otherwise
 */
export function assertCompareToRange(analysis: Analysis, compareTo: number): number {
  const first = analysis.totals.firstDay;
  if (!Number.isInteger(compareTo) || first === null || compareTo <= first || compareTo >= analysis.settings.analysisDate) {
    throw inputError('engine.error.compareToRange', { value: Number.isInteger(compareTo) ? formatIsoDate(compareTo) : String(compareTo) });
  }
  return compareTo;
}

/**
 * The options of a migration's earlier run: the same settings at the comparison date, without the
 * costly stages it does not need (clusters, purchase models) and without over-time parts.
 * @param options the user's options, with compareTo
 * @returns the options to run the pipeline with again (a streaming host reads its input again with them)
 */
export function earlierRunOptions(options: AnalysisOptions): AnalysisOptions {
  return { ...options, analysisDate: options.compareTo, compareTo: undefined, cohorts: false, clusters: 'off', model: 'off' };
}
