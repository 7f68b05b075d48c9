/**
 * Segments: an ordered rule table over R, F and M scores; the first rule that matches wins and
 * customers no rule matches are "Others" (as `rfm_segment` in the R package `rfm` 0.3.0).
 * Rules are plain data so that a sheet can show and edit them.
 */
import { STRINGS, type MessageParams } from '../i18n';
import { inputError, note } from './messages';
import { MAX_BINS } from './scores';
import type { Note, SegmentRule } from './types';

/** Name of the segment for customers that match no rule. */
export const OTHERS = 'Others';

/**
 * The rfm package's default table (its `rfm_segment` example, 0.3.0), in its order:
 * name slug (string keys `segment.<slug>`) and [lower, upper] for recency, frequency, monetary.
 */
const DEFAULT_TABLE: [slug: string, r: [number, number], f: [number, number], m: [number, number]][] = [
  ['champions', [5, 5], [5, 5], [5, 5]],
  ['potentialLoyalist', [3, 5], [3, 5], [2, 5]],
  ['loyalCustomers', [2, 4], [2, 4], [2, 4]],
  ['promising', [3, 4], [1, 3], [3, 5]],
  ['newCustomers', [4, 5], [1, 3], [1, 5]],
  ['cantLoseThem', [1, 2], [3, 4], [4, 5]],
  ['atRisk', [1, 2], [2, 5], [4, 5]],
  ['needAttention', [1, 3], [3, 5], [3, 5]],
  ['aboutToSleep', [2, 3], [1, 3], [1, 4]],
  ['lost', [1, 1], [1, 5], [1, 5]],
];

/** Slug of the Others segment, for its strings. */
const OTHERS_SLUG = 'others';

/**
 * The default segment rules: the rfm package's table with English and Persian names and actions.
 * @returns a fresh copy (callers may edit it)
 */
export function defaultSegmentRules(): SegmentRule[] {
  return DEFAULT_TABLE.map(([slug, r, f, m]) => ({
    name: STRINGS.en[`segment.${slug}`],
    nameFa: STRINGS.fa[`segment.${slug}`],
    recency: [r[0], r[1]],
    frequency: [f[0], f[1]],
    monetary: [m[0], m[1]],
    actionEn: STRINGS.en[`segment.${slug}.action`],
    actionFa: STRINGS.fa[`segment.${slug}.action`],
    messageEn: STRINGS.en[`segment.${slug}.message`],
    messageFa: STRINGS.fa[`segment.${slug}.message`],
  }));
}

/**
 * The "Others" segment as a rule-like record (never matches; carries names and actions).
 * @returns name, Persian name and actions of Others
 */
export function othersSegment(): Pick<SegmentRule, 'name' | 'nameFa' | 'actionEn' | 'actionFa' | 'messageEn' | 'messageFa'> {
  return {
    name: OTHERS,
    nameFa: STRINGS.fa[`segment.${OTHERS_SLUG}`],
    actionEn: STRINGS.en[`segment.${OTHERS_SLUG}.action`],
    actionFa: STRINGS.fa[`segment.${OTHERS_SLUG}.action`],
    messageEn: STRINGS.en[`segment.${OTHERS_SLUG}.message`],
    messageFa: STRINGS.fa[`segment.${OTHERS_SLUG}.message`],
  };
}

const DIMENSIONS = ['recency', 'frequency', 'monetary'] as const;

/** The key and values of a score range's problem, or null when the range is usable. */
function rangeProblem(range: unknown): MessageParams | null {
  if (!Array.isArray(range) || range.length !== 2) return { rangeProblemKey: 'engine.rules.range.missing' };
  const [lo, hi] = range as unknown[];
  if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isInteger(lo) || !Number.isInteger(hi)) {
    return { rangeProblemKey: 'engine.rules.range.whole' };
  }
  if (lo < 1 || hi > MAX_BINS) return { rangeProblemKey: 'engine.rules.range.bounds', max: MAX_BINS, lo, hi };
  if (lo > hi) return { rangeProblemKey: 'engine.rules.range.order', lo, hi };
  return null;
}

/**
 * The problems of a rule table as notes (key, values, English text), in rule order.
 * @param rules the ordered rules
 * @returns every problem found; empty when the table is usable
 */
export function ruleProblems(rules: readonly SegmentRule[]): Note[] {
  if (!Array.isArray(rules) || rules.length === 0) return [note('engine.rules.empty')];
  const problems: Note[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const name = typeof rule?.name === 'string' ? rule.name.trim() : '';
    const label: MessageParams = name ? { labelKey: 'engine.rules.labelNamed', position: i + 1, name } : { labelKey: 'engine.rules.label', position: i + 1 };
    if (!name) problems.push(note('engine.rules.noName', label));
    else if (name === OTHERS) problems.push(note('engine.rules.reserved', { ...label, others: OTHERS }));
    else if (seen.has(name)) problems.push(note('engine.rules.duplicate', { ...label, other: seen.get(name) as number }));
    else seen.set(name, i + 1);
    for (const dim of DIMENSIONS) {
      const problem = rangeProblem(rule?.[dim]);
      if (problem) problems.push(note('engine.rules.range', { ...label, dimensionKey: `engine.dimension.${dim}`, ...problem }));
    }
  });
  return problems;
}

/**
 * Checks a rule table that a user may have edited. Each message names the rule's 1-based position
 * and its name, e.g. `Rule 3 (Loyal Customers): recency: lower score 4 is above upper score 2`.
 * @param rules the ordered rules
 * @returns every problem found (English); empty when the table is usable
 */
export function validateRules(rules: readonly SegmentRule[]): string[] {
  return ruleProblems(rules).map((p) => p.text);
}

/**
 * Throws when the rule table has problems: the first one, and how many more.
 * @param rules the ordered rules
 * @throws InputError with a one-line reason
 */
export function assertValidRules(rules: readonly SegmentRule[]): void {
  const problems = ruleProblems(rules);
  if (problems.length === 0) return;
  const [first] = problems;
  const params: MessageParams = { ...first.params, firstKey: first.key, more: problems.length - 1 };
  throw inputError(problems.length === 1 ? 'engine.rules.invalid' : problems.length === 2 ? 'engine.rules.invalidOneMore' : 'engine.rules.invalidMore', params);
}

/**
 * Assigns each customer the first rule whose three inclusive score ranges contain its scores.
 * Look-up table over all (R, F, M) combinations, so O(customers + bins³ · rules).
 * @param recency recency scores
 * @param frequency frequency scores
 * @param monetary monetary scores
 * @param rules the ordered rules (validated)
 * @returns the segment name per customer ("Others" when no rule matches)
 */
export function assignSegments(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  rules: readonly SegmentRule[],
): string[] {
  const size = MAX_BINS + 1;
  const table: string[] = new Array<string>(size * size * size);
  for (let r = 1; r < size; r++) {
    for (let f = 1; f < size; f++) {
      for (let m = 1; m < size; m++) table[(r * size + f) * size + m] = matchRule(r, f, m, rules);
    }
  }
  const out = new Array<string>(recency.length);
  for (let i = 0; i < recency.length; i++) out[i] = table[(recency[i] * size + frequency[i]) * size + monetary[i]];
  return out;
}

/**
 * The segment of one score combination.
 * @param r recency score
 * @param f frequency score
 * @param m monetary score
 * @param rules the ordered rules
 * @returns the first matching rule's name, else "Others"
 */
export function matchRule(r: number, f: number, m: number, rules: readonly SegmentRule[]): string {
  for (const rule of rules) {
    if (r >= rule.recency[0] && r <= rule.recency[1] && f >= rule.frequency[0] && f <= rule.frequency[1] && m >= rule.monetary[0] && m <= rule.monetary[1]) {
      return rule.name.trim();
    }
  }
  return OTHERS;
}
