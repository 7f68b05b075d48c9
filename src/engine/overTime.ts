/**
 * The analyses over time that a run adds when asked: segment migration since an earlier date
 * (`compareTo`) and cohort retention (`cohorts`). Both use only lines inside the analysis window.
 */
import { formatIsoDate } from './civil';
import { cohortTable } from './cohorts';
import { inputError } from './messages';
import { compareSegments } from './migration';
import { OTHERS } from './segments';
import type { Analysis, AnalysisOptions, Transaction } from './types';

/** Runs the pipeline again with other options (the analysis of the earlier date). */
export type Rerun = (options: AnalysisOptions) => Analysis;

/**
 * Adds `migration` (and each customer's `previousSegment`) and `cohorts` to an analysis, as asked.
 * @param analysis the analysis at the analysis date
 * @param transactions the lines inside its window
 * @param options the user's options (compareTo, cohorts)
 * @param rerun runs the same pipeline on all lines with other options
 * @throws InputError when compareTo is not after the first purchase and before the analysis date
 */
export function addOverTime(analysis: Analysis, transactions: readonly Transaction[], options: AnalysisOptions, rerun: Rerun): void {
  if (options.compareTo !== undefined) {
    const first = analysis.totals.firstDay;
    const compareTo = options.compareTo;
    if (!Number.isInteger(compareTo) || first === null || compareTo <= first || compareTo >= analysis.settings.analysisDate) {
      throw inputError('engine.error.compareToRange', { value: Number.isInteger(compareTo) ? formatIsoDate(compareTo) : String(compareTo) });
    }
    // the earlier run: the same settings at the earlier date, without the costly stages it does not need
    const earlier = rerun({ ...options, analysisDate: compareTo, compareTo: undefined, cohorts: false, clusters: 'off', model: 'off' });
    const segments = [...analysis.settings.segmentRules.map((r) => r.name.trim()), OTHERS];
    analysis.migration = compareSegments(earlier, analysis, compareTo, segments);
  }
  if (options.cohorts) {
    const end = analysis.settings.analysisDate;
    analysis.cohorts = cohortTable(transactions, end, 'gregorian');
    analysis.cohortsJalali = cohortTable(transactions, end, 'jalali');
  }
}
