/**
 * The pane's option fields as typed → the engine's options for Analyze. The fields are checked here
 * (bins and dates through validate.ts) and the first wrong one is returned as a message; the rest
 * become AnalysisOptions. Pure: no DOM and no pane state, so the controller only shows the message.
 */
import type { AnalysisOptions, ColumnMapping, CurrencyCode, InputKind } from '../engine';
import { CHURN_HORIZON_DAYS_LIMIT, CURRENCY_CODES } from '../engine';
import type { Lang } from '../i18n';
import { parseAnalysisDate, parseOptionFields, type PaneMessage } from './validate';

/** The option fields as the view reads them from the form (text as typed, boxes as ticked). */
export interface TypedOptions {
  bins: string; analysisDate: string; split: string; dayMonth: string; zeroAmounts: string; currency?: string; writeBack: boolean; churnHorizon?: string;
  /** "Compare with": the earlier date of a segment migration (empty: none). */
  compareDate?: string;
  /** "Cohorts": count cohort retention. */
  cohorts?: boolean;
}

/** What Analyze runs with: the engine's options and whether results go back beside the data. */
export interface RunOptions {
  options: AnalysisOptions;
  writeBack: boolean;
}

/**
 * The "Compare with" date: a day number, undefined when the field is empty, or the message for a
 * text that is not a date (Jalali in the Persian pane, as the analysis date; validate.ts).
 * @param text the field's text
 * @param lang the pane's language
 */
function compareDateOf(text: string | undefined, lang: Lang): number | PaneMessage | undefined {
  if (!text || text.trim() === '') return undefined;
  return parseAnalysisDate(text, lang) ?? { key: lang === 'fa' ? 'pane.error.compareDateJalali' : 'pane.error.compareDate' };
}

/**
 * The options of an Analyze from the form's fields. Selects map to their option only for the values
 * the engine knows ('' = the engine's default); the currency select's '' means "as the data says"
 * and a chosen rial ↔ toman converts (engine/currency.ts).
 * @param typed the option fields as typed
 * @param kind the chosen input kind
 * @param mapping the chosen columns (copied into the options)
 * @param lang the pane's language (Persian takes Jalali dates and Persian digits)
 * @returns the run's options, or the message of the first wrong field (bins, analysis date, compare date)
 * @example analysisOptionsOf({ bins: '5', analysisDate: '', split: 'mean', dayMonth: '', zeroAmounts: 'purchase', writeBack: false }, 'transactions', { customer: 0, date: 1, amount: 2 }, 'en')
 */
export function analysisOptionsOf(typed: TypedOptions, kind: InputKind, mapping: ColumnMapping, lang: Lang): RunOptions | PaneMessage {
  const fields = parseOptionFields(typed.bins, typed.analysisDate, lang);
  if ('key' in fields) return fields;
  const options: AnalysisOptions = { inputKind: kind, columns: { ...mapping }, bins: fields.bins, split: typed.split as AnalysisOptions['split'] };
  if (fields.analysisDate !== undefined) options.analysisDate = fields.analysisDate;
  if (typed.dayMonth === 'dmy' || typed.dayMonth === 'mdy') options.dayMonthOrder = typed.dayMonth;
  if (typed.zeroAmounts === 'skip') options.zeroAmounts = 'skip';
  if (typed.currency === 'none' || CURRENCY_CODES.includes(typed.currency as CurrencyCode)) options.currency = typed.currency as CurrencyCode | 'none';
  const horizonDays = Number(typed.churnHorizon);
  // the select starts at the engine's default: left at it, the run may advise another (horizonAdvice.ts)
  if (Number.isInteger(horizonDays) && horizonDays > 0 && horizonDays !== CHURN_HORIZON_DAYS_LIMIT.fallback) options.churnHorizonDays = horizonDays;
  const compareTo = compareDateOf(typed.compareDate, lang);
  if (typeof compareTo === 'object') return compareTo;
  if (compareTo !== undefined) options.compareTo = compareTo;
  if (typed.cohorts) options.cohorts = true;
  return { options, writeBack: typed.writeBack };
}
