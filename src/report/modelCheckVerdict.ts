/**
 * The backtest's verdict in one plain sentence (the pane's summary, stderr and the Model check
 * sheet say the same): does the churn ranking beat days since the last purchase, was the number
 * of customers who bought nothing close, and how often was "Churned" right.
 */
import { t, type Lang } from '../i18n';
import { aucsTied, type BacktestReport, type BacktestSkipped } from '../engine';
import { formatForText } from './labels';
import { reasonIn } from './modelNotes';

/** Predicted non-buyers within this share of the actual count read as "close". */
export const NO_PURCHASE_TOLERANCE = 0.2;

/**
 * Whether the predicted number of customers with no purchase is within NO_PURCHASE_TOLERANCE of the actual.
 * @param b the scorecard
 * @returns true when close (or when both are 0)
 */
export function noPurchaseCountClose(b: BacktestReport): boolean {
  const { predicted, actual } = b.noPurchase;
  return actual === 0 ? predicted < 0.5 : Math.abs(predicted / actual - 1) <= NO_PURCHASE_TOLERANCE;
}

/**
 * Below this AUC neither ranking is much better than a coin toss (0.5): the verdict says so rather
 * than calling one "better" (e.g. 0.516 against 0.506 on the R package's simulated orders).
 */
export const CHANCE_AUC = 0.6;

/**
 * The verdict sentence.
 * @param b the scorecard, or why it was not made
 * @param lang output language
 * @returns one line, e.g. "Model check on the last 90 days: the churn ranking found … (AUC 0.73 against 0.68); …"
 */
export function backtestVerdict(b: BacktestReport | BacktestSkipped, lang: Lang): string {
  if (b.status === 'skipped') return t(lang, 'report.check.skipped', { reason: reasonIn(b, lang) });
  const days = formatForText(b.horizonDays, lang);
  const model = b.auc.pNoPurchase;
  const recency = b.auc.recency;
  const parts: string[] = [];
  if (model === null || recency === null) parts.push(t(lang, 'report.check.verdict.noAuc', { days }));
  else {
    parts.push(t(lang, rankingKey(model, recency), { days, model: aucText(model, lang), recency: aucText(recency, lang) }));
  }
  const counts = { predicted: formatForText(b.noPurchase.predicted, lang), actual: formatForText(b.noPurchase.actual, lang) };
  parts.push(t(lang, noPurchaseCountClose(b) ? 'report.check.verdict.countClose' : 'report.check.verdict.countOff', counts));
  parts.push(precisionText(b, lang));
  return parts.join(t(lang, 'report.check.verdict.separator')) + t(lang, 'report.check.verdict.end');
}

/**
 * Which ranking did better: neither near a coin toss (CHANCE_AUC); a tie when the AUCs are within
 * AUC_TIE, the margin within which `auto` calls models tied (aucsTied; the CDNOW sample: 0.7712
 * against 0.7714 is no reason to prefer recency); else the higher.
 */
function rankingKey(model: number, recency: number): string {
  if (Math.max(model, recency) < CHANCE_AUC) return 'report.check.verdict.chance';
  if (aucsTied(model, recency)) return 'report.check.verdict.tie';
  return model > recency ? 'report.check.verdict.better' : 'report.check.verdict.worse';
}

/** What became of the customers it called Churned; one customer in words, not "0% of the 1 customer(s)". */
function precisionText(b: BacktestReport, lang: Lang): string {
  const { precision, called } = b.churned;
  if (precision === null) return t(lang, 'report.check.verdict.noneChurned');
  if (called === 1) return t(lang, precision === 1 ? 'report.check.verdict.precision.oneBoughtNothing' : 'report.check.verdict.precision.oneBought');
  return t(lang, 'report.check.verdict.precision', { share: formatForText(precision, lang, 'percent'), called: formatForText(called, lang) });
}

/**
 * An AUC with three decimals (two can make 0.771 and 0.768 look equal), in the language's digits.
 * @param auc the AUC
 * @param lang output language
 */
export function aucText(auc: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(auc);
}
