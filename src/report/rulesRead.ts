/**
 * Reading an edited Segment rules table back into SegmentRule objects, with messages that name
 * the sheet row and the column of the first problem.
 */
import { t, type Lang } from '../i18n';
import { InputError, type SegmentRule } from '../engine';
import { OTHERS } from '../engine';
import { toLatinDigits } from '../engine';

/** A column of the rules table. */
export type RuleField = 'name' | 'nameFa' | 'rMin' | 'rMax' | 'fMin' | 'fMax' | 'mMin' | 'mMax' | 'actionEn' | 'actionFa' | 'messageEn' | 'messageFa';

/** Highest score a rule may name (the engine allows 2..10 bins). */
const MAX_SCORE = 10;
const RANGE_FIELDS = ['rMin', 'rMax', 'fMin', 'fMax', 'mMin', 'mMax'] as const;
type RangeField = (typeof RANGE_FIELDS)[number];

/** Text of a cell: trimmed, with Persian and Arabic-Indic digits as ASCII digits. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return toLatinDigits(String(value).trim());
}

function isBlankRow(row: unknown[] | undefined): boolean {
  return !row || row.every((v) => cellText(v) === '');
}

/** Column index per field, from the header row. */
function columnsOf(header: unknown[], dictionary: Map<string, RuleField>, lang: Lang): Map<RuleField, number> {
  const columns = new Map<RuleField, number>();
  header.forEach((cell, i) => {
    const field = dictionary.get(cellText(cell).toLowerCase());
    if (field && !columns.has(field)) columns.set(field, i);
  });
  const missing: RuleField[] = RANGE_FIELDS.filter((f) => !columns.has(f));
  if (!columns.has('name') && !columns.has('nameFa')) missing.unshift('name');
  if (missing.length > 0) {
    const label = (f: RuleField) => t(lang, f === 'name' || f === 'nameFa' ? 'report.rules.name' : `report.rules.${f}`);
    const required: RuleField[] = ['name', ...RANGE_FIELDS];
    throw new InputError(t(lang, 'report.rules.error.header', {
      columns: required.map(label).join(', '), missing: missing.map(label).join(', '),
    }));
  }
  return columns;
}

function scoreAt(row: unknown[], column: number, rowNumber: number, header: string, lang: Lang): number {
  const text = cellText(row[column]);
  const value = text === '' ? NaN : Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_SCORE) {
    throw new InputError(t(lang, 'report.rules.error.score', { row: rowNumber, column: header, value: text }));
  }
  return value;
}

function rangeAt(row: unknown[], columns: Map<RuleField, number>, headers: unknown[], min: RangeField, max: RangeField, rowNumber: number, lang: Lang): [number, number] {
  const minColumn = columns.get(min) as number;
  const maxColumn = columns.get(max) as number;
  const lo = scoreAt(row, minColumn, rowNumber, cellText(headers[minColumn]), lang);
  const hi = scoreAt(row, maxColumn, rowNumber, cellText(headers[maxColumn]), lang);
  if (lo > hi) {
    throw new InputError(t(lang, 'report.rules.error.range', {
      row: rowNumber, min: cellText(headers[minColumn]), minValue: lo, max: cellText(headers[maxColumn]), maxValue: hi,
    }));
  }
  return [lo, hi];
}

function ruleAt(row: unknown[], columns: Map<RuleField, number>, headers: unknown[], rowNumber: number, lang: Lang): SegmentRule {
  const text = (field: RuleField) => (columns.has(field) ? cellText(row[columns.get(field) as number]) : '');
  const nameFa = text('nameFa');
  const name = text('name') || nameFa;
  if (!name) throw new InputError(t(lang, 'report.rules.error.name', { row: rowNumber }));
  if (name === OTHERS) throw new InputError(t(lang, 'report.rules.error.reserved', { row: rowNumber, name }));
  const rule: SegmentRule = {
    name,
    recency: rangeAt(row, columns, headers, 'rMin', 'rMax', rowNumber, lang),
    frequency: rangeAt(row, columns, headers, 'fMin', 'fMax', rowNumber, lang),
    monetary: rangeAt(row, columns, headers, 'mMin', 'mMax', rowNumber, lang),
    actionEn: text('actionEn'),
    actionFa: text('actionFa'),
  };
  if (nameFa) rule.nameFa = nameFa;
  const messageEn = text('messageEn');
  const messageFa = text('messageFa');
  if (messageEn) rule.messageEn = messageEn;
  if (messageFa) rule.messageFa = messageFa;
  return rule;
}

/**
 * Reads the rows below a header row into rules.
 * @param values header row first, then one row per rule
 * @param dictionary header text (lower case) → field, in every language
 * @param firstRowNumber 1-based sheet row of values[0]
 * @param lang language of the messages
 * @returns the rules in row order
 * @throws InputError naming the sheet row (and column) of the first problem
 */
export function readRuleRows(values: unknown[][], dictionary: Map<string, RuleField>, firstRowNumber: number, lang: Lang): SegmentRule[] {
  const headers = Array.isArray(values) && Array.isArray(values[0]) ? values[0] : [];
  const columns = columnsOf(headers, dictionary, lang);
  const rules: SegmentRule[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    if (isBlankRow(row)) continue;
    const rowNumber = firstRowNumber + i;
    const rule = ruleAt(row, columns, headers, rowNumber, lang);
    const earlier = seen.get(rule.name);
    if (earlier !== undefined) throw new InputError(t(lang, 'report.rules.error.duplicate', { row: rowNumber, name: rule.name, other: earlier }));
    seen.set(rule.name, rowNumber);
    rules.push(rule);
  }
  if (rules.length === 0) throw new InputError(t(lang, 'report.rules.error.empty'));
  return rules;
}
