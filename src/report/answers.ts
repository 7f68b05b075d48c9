/**
 * The three answers of the Summary sheet, computed from an Analysis:
 * 1. the most loyal and profitable customers (value quadrant Best and loyalty quadrant Loyal),
 * 2. customers about to churn, 3. customers already churned: both from the purchase model's
 * churn summary (Analysis.clv); without it they say that the model did not run, and why.
 */
import { STRINGS, t, type Lang } from '../i18n';
import type { Analysis, CustomerResult } from '../engine';
import type { ClvReport } from '../engine';
import { churnLabel, formatForText } from './labels';
import { reasonIn } from './modelNotes';
import { clvReport } from './predictions';

/** One answer: figures (null when unknown) and a sentence. */
export interface Answer {
  question: string;
  customers: number | null;
  share: number | null;
  revenueShare: number | null;
  text: string;
}

/** How many customers the Summary lists under answers 1 and 2. */
export const TOP_CUSTOMERS = 10;

/**
 * Whether the customers have loyalty quadrants (transactions give them; customer-level input,
 * which has no length, does not).
 * @param analysis the analysis
 */
export function hasLoyaltyQuadrants(analysis: Analysis): boolean {
  return analysis.customers.some((c) => c.loyaltyQuadrant !== null);
}

/**
 * Loyal and high-value customers: value quadrant Best and loyalty quadrant Loyal (Best alone for
 * customer-level input, which has no length), highest revenue first.
 * @param analysis the analysis
 */
export function loyalProfitableCustomers(analysis: Analysis): CustomerResult[] {
  const hasLoyalty = hasLoyaltyQuadrants(analysis);
  return analysis.customers
    .filter((c) => c.valueQuadrant === 'Best' && (!hasLoyalty || c.loyaltyQuadrant === 'Loyal'))
    .sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A sentence about `count` customers: the `.zero` form for none (no instruction about an empty
 * group), the `.one` form for exactly one, where they exist.
 */
function countSentence(lang: Lang, key: string, count: number, params: Record<string, string | number>): string {
  const form = count === 0 ? `${key}.zero` : count === 1 ? `${key}.one` : key;
  return t(lang, form in STRINGS[lang] ? form : key, { ...params, count: formatForText(count, lang) });
}

function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function revenueOf(customers: readonly CustomerResult[]): number {
  return customers.reduce((sum, c) => sum + c.revenue, 0);
}

/**
 * Why the churn answers are missing, as a sentence in the output language.
 * @param analysis the analysis
 * @param lang output language
 */
export function modelNotRunReason(analysis: Analysis, lang: Lang): string {
  const clv = analysis.clv;
  const reason = clv?.status === 'skipped' ? reasonIn(clv, lang)
    : analysis.settings.inputKind === 'customers' ? t(lang, 'report.model.reason.customerInput')
    : t(lang, 'report.model.reason.notAvailable');
  return t(lang, 'report.model.notRun', { reason });
}

function notRun(analysis: Analysis, lang: Lang, question: string): Answer {
  return { question, customers: null, share: null, revenueShare: null, text: modelNotRunReason(analysis, lang) };
}

function loyalAnswer(analysis: Analysis, lang: Lang): Answer {
  const loyal = loyalProfitableCustomers(analysis);
  const hasLoyalty = hasLoyaltyQuadrants(analysis);
  const revenueShare = shareOf(revenueOf(loyal), analysis.totals.revenue);
  return {
    question: t(lang, 'report.q1.question'),
    customers: loyal.length,
    share: shareOf(loyal.length, analysis.totals.customers),
    revenueShare,
    text: countSentence(lang, hasLoyalty ? 'report.q1.answer' : 'report.q1.answerNoLoyalty', loyal.length, {
      revenueShare: formatForText(revenueShare ?? 0, lang, 'percent'),
    }),
  };
}

function atRiskAnswer(analysis: Analysis, lang: Lang): Answer {
  const question = t(lang, 'report.q2.question');
  const clv = clvReport(analysis);
  if (!clv) return notRun(analysis, lang, question);
  const { churn } = clv;
  return {
    question,
    customers: churn.atRisk,
    share: shareOf(churn.atRisk, analysis.totals.customers),
    revenueShare: shareOf(churn.atRiskRevenue, analysis.totals.revenue),
    text: countSentence(lang, 'report.q2.answer', churn.atRisk, {
      churned: formatForText(churn.thresholds.churned, lang, 'percent'),
      active: formatForText(churn.thresholds.active, lang, 'percent'),
      horizon: formatForText(churn.horizonDays, lang),
      clv: formatForText(churn.atRiskClv, lang),
      label: churnLabel('At risk', lang),
    }),
  };
}

function churnedAnswer(analysis: Analysis, lang: Lang): Answer {
  const question = t(lang, 'report.q3.question');
  const clv = clvReport(analysis);
  if (!clv) return notRun(analysis, lang, question);
  const { churn } = clv;
  const churnedRevenue = revenueOf(analysis.customers.filter((c) => c.churnStatus === 'Churned'));
  return {
    question,
    customers: churn.churned,
    share: shareOf(churn.churned, analysis.totals.customers),
    revenueShare: shareOf(churnedRevenue, analysis.totals.revenue),
    text: churnedText(clv, lang),
  };
}

/**
 * Answer 3 in words. When the model cannot separate dropout from slow buying (BG/NBD a → 0), it
 * says so and gives the figure the data do support: how many customers are not expected to buy
 * within the horizon (Σ P(no purchase)), never a bare "0 churned".
 */
function churnedText(clv: ClvReport, lang: Lang): string {
  const { churn } = clv;
  const params = {
    churned: formatForText(churn.thresholds.churned, lang, 'percent'),
    horizon: formatForText(churn.horizonDays, lang),
    expected: formatForText(Math.round(churn.expectedNoPurchase), lang),
    label: churnLabel('Churned', lang),
  };
  if (churn.dropoutUnseparated) {
    return t(lang, 'report.q3.unseparated', {
      ...params, churnedCount: formatForText(churn.churned, lang), likeliest: formatForText(churn.likeliestNoPurchase.length, lang),
    });
  }
  return countSentence(lang, 'report.q3.answer', churn.churned, params);
}

/**
 * The three answers.
 * @param analysis the analysis
 * @param lang output language
 * @returns answers 1, 2 and 3, in order
 */
export function threeAnswers(analysis: Analysis, lang: Lang): Answer[] {
  return [loyalAnswer(analysis, lang), atRiskAnswer(analysis, lang), churnedAnswer(analysis, lang)];
}
