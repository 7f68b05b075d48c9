/**
 * The Segment rules sheet: the ordered rule table as an editable Excel table, and
 * `parseRulesSheet`, which reads the edited table back (Refresh and RFM.SEGMENT use it).
 *
 * Columns: name, R min/max, F min/max, M min/max, action, then the other language's name and
 * action, so one table round-trips both languages. The reader finds columns by header text in
 * either language, so a user may reorder them.
 */
import { STRINGS, t, type Lang } from '../i18n';
import type { Analysis, SegmentRule } from '../engine';
import type { PlanValue, SheetPlan } from './plan';
import { SCORE_FORMAT } from './formats';
import { cells, emptySheet, table } from './sheet';
import { readRuleRows, type RuleField } from './rulesRead';

/** Name of the rules table (stable across languages: Refresh finds it by name). */
export const RULES_TABLE = 'SegmentRules';
/** Header row of the rules table on its sheet (0-based), under the title and the help text. */
export const RULES_HEADER_ROW = 3;

/** Table columns in order, as (field in the display language, field in the other language). */
const RANGE_KEYS = ['rMin', 'rMax', 'fMin', 'fMax', 'mMin', 'mMax'] as const;

/**
 * The fields of the rules table in column order for a language.
 * @param lang output language
 */
export function ruleFields(lang: Lang): RuleField[] {
  const [name, action, otherName, otherAction, message, otherMessage]: RuleField[] = lang === 'fa'
    ? ['nameFa', 'actionFa', 'name', 'actionEn', 'messageFa', 'messageEn']
    : ['name', 'actionEn', 'nameFa', 'actionFa', 'messageEn', 'messageFa'];
  return [name, ...RANGE_KEYS, action, otherName, otherAction, message, otherMessage];
}

/** String key of a field's header in a language's table. */
function headerKey(field: RuleField, lang: Lang): string {
  if (field === 'name' || field === 'nameFa') return (field === 'nameFa') === (lang === 'fa') ? 'report.rules.name' : 'report.rules.otherName';
  if (field === 'actionEn' || field === 'actionFa') return (field === 'actionFa') === (lang === 'fa') ? 'report.rules.action' : 'report.rules.otherAction';
  if (field === 'messageEn' || field === 'messageFa') return (field === 'messageFa') === (lang === 'fa') ? 'report.rules.message' : 'report.rules.otherMessage';
  return `report.rules.${field}`;
}

/**
 * Header text of each field in each language: the reader's dictionary.
 * @returns lower-cased header → field
 */
export function ruleHeaderDictionary(): Map<string, RuleField> {
  const dictionary = new Map<string, RuleField>();
  for (const lang of Object.keys(STRINGS) as Lang[]) {
    for (const field of ruleFields(lang)) dictionary.set(t(lang, headerKey(field, lang)).trim().toLowerCase(), field);
  }
  return dictionary;
}

function ruleRow(rule: SegmentRule, fields: RuleField[]): PlanValue[] {
  return fields.map((field) => {
    switch (field) {
      case 'rMin': return rule.recency[0];
      case 'rMax': return rule.recency[1];
      case 'fMin': return rule.frequency[0];
      case 'fMax': return rule.frequency[1];
      case 'mMin': return rule.monetary[0];
      case 'mMax': return rule.monetary[1];
      case 'nameFa': return rule.nameFa ?? '';
      case 'messageEn': return rule.messageEn ?? '';
      case 'messageFa': return rule.messageFa ?? '';
      default: return rule[field];
    }
  });
}

/**
 * Builds the Segment rules sheet.
 * @param analysis the analysis (its resolved rule table)
 * @param lang output language
 */
export function rulesSheet(analysis: Analysis, lang: Lang): SheetPlan {
  const sheet = emptySheet('rules', lang);
  const fields = ruleFields(lang);
  const columns = fields.map((field) => ({
    header: t(lang, headerKey(field, lang)),
    format: RANGE_KEYS.includes(field as (typeof RANGE_KEYS)[number]) ? SCORE_FORMAT : '@',
  }));
  const rules = analysis.settings.segmentRules;
  const rows = rules.length > 0 ? rules.map((rule) => ruleRow(rule, fields)) : [fields.map(() => null)];
  sheet.blocks.push(
    cells(0, 0, [[t(lang, 'report.rules.title')]], 'title'),
    cells(1, 0, [[t(lang, 'report.rules.help')]], 'body'),
    table(RULES_TABLE, RULES_HEADER_ROW, 0, columns, rows),
  );
  sheet.frozenRows = RULES_HEADER_ROW + 1;
  return sheet;
}

/**
 * Reads an edited rules table back into segment rules, in row order; blank rows are ignored.
 * @param values the table's values, header row first (as Excel returns a range's `values`)
 * @param firstRowNumber 1-based sheet row of `values[0]`, for messages (default: the plan's row)
 * @param lang language of the error messages
 * @returns the rules
 * @throws InputError naming the row and column of the first problem
 * @example parseRulesSheet([['Segment','R min','R max','F min','F max','M min','M max'],['Top',5,5,5,5,5,5]])
 */
export function parseRulesSheet(values: unknown[][], firstRowNumber = RULES_HEADER_ROW + 1, lang: Lang = 'en'): SegmentRule[] {
  return readRuleRows(values, ruleHeaderDictionary(), firstRowNumber, lang);
}
