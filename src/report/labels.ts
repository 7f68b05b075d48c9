/**
 * Display names in the output language for the engine's English identifiers: segments (from the
 * rule table, which carries Persian names and actions), quadrants and churn statuses.
 */
import { t, type Lang } from '../i18n';
import type { ChurnStatus, LoyaltyQuadrant, SegmentRule, ValueQuadrant } from '../engine';
import { OTHERS, othersSegment } from '../engine';

/** Name and action of one segment in one language. */
export interface SegmentText {
  label: string;
  action: string;
}

/** Looks up segment names and actions; built once per plan (O(rules)). */
export type SegmentLookup = (segment: string) => SegmentText;

/**
 * Builds the segment look-up for a language from the analysis' rule table.
 * Persian falls back to the English name when a user rule has no Persian name.
 * @param rules the rules the analysis used
 * @param lang output language
 */
export function segmentLookup(rules: readonly SegmentRule[], lang: Lang): SegmentLookup {
  const byName = new Map<string, SegmentText>();
  const others = othersSegment();
  for (const rule of [...rules, others]) {
    const name = rule.name.trim();
    if (byName.has(name)) continue;
    byName.set(name, {
      label: lang === 'fa' ? rule.nameFa?.trim() || name : name,
      action: lang === 'fa' ? rule.actionFa || rule.actionEn : rule.actionEn || rule.actionFa,
    });
  }
  return (segment) => byName.get(segment) ?? { label: segment, action: byName.get(OTHERS)?.action ?? '' };
}

const VALUE_KEYS: Record<ValueQuadrant, string> = {
  Best: 'quadrant.value.best',
  'High-spending': 'quadrant.value.highSpending',
  Frequent: 'quadrant.value.frequent',
  Uncertain: 'quadrant.value.uncertain',
};

const LOYALTY_KEYS: Record<LoyaltyQuadrant, string> = {
  Loyal: 'quadrant.loyalty.loyal',
  Potential: 'quadrant.loyalty.potential',
  New: 'quadrant.loyalty.new',
  Uncertain: 'quadrant.loyalty.uncertain',
};

/** English identifiers stay as they are in English output (the CSV's values). */
function translated(lang: Lang, id: string, key: string | undefined): string {
  return lang === 'en' || !key ? id : t(lang, key);
}

/**
 * Display name of a value quadrant.
 * @param quadrant the engine's identifier
 * @param lang output language
 */
export function valueQuadrantLabel(quadrant: ValueQuadrant, lang: Lang): string {
  return translated(lang, quadrant, VALUE_KEYS[quadrant]);
}

/**
 * Display name of a loyalty quadrant.
 * @param quadrant the engine's identifier
 * @param lang output language
 */
export function loyaltyQuadrantLabel(quadrant: LoyaltyQuadrant, lang: Lang): string {
  return translated(lang, quadrant, LOYALTY_KEYS[quadrant]);
}

/**
 * Display name of a churn status.
 * @param status the engine's identifier
 * @param lang output language
 */
export function churnLabel(status: ChurnStatus, lang: Lang): string {
  return translated(lang, status, `predict.churn.${status}`);
}

/**
 * Formats a number for a sentence in the output language (Persian digits in Persian).
 * @param value the number
 * @param lang output language
 * @param style `count`, `percent` or `decimal`
 */
export function formatForText(value: number, lang: Lang, style: 'count' | 'percent' | 'decimal' = 'count'): string {
  const locale = lang === 'fa' ? 'fa-IR' : 'en-US';
  const options: Intl.NumberFormatOptions =
    style === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } :
    style === 'decimal' ? { maximumFractionDigits: 2 } : { maximumFractionDigits: 0 };
  return new Intl.NumberFormat(locale, options).format(value);
}
