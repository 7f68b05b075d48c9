/**
 * Campaign lists: the customers of one segment (or one churn status), each with the recommended
 * action, the figures that matter for it, the contact columns of the input and a message filled
 * from the segment's template. The CLI writes one CSV per group (`--lists DIR`); the add-in writes
 * the chosen group to a sheet. Same rows in both.
 */
import { t, type Lang } from '../i18n';
import { normalizeIranianMobile, type ContactColumn } from '../engine';
import { OTHERS, othersSegment } from '../engine';
import type { Analysis, ChurnStatus, CurrencyCode, CustomerResult, SegmentRule } from '../engine';
import { churnLabel, segmentLookup } from './labels';
import type { PlanValue, SheetPlan } from './plan';
import { INTEGER_FORMAT, MONEY_FORMAT, localizeSheetFormats, moneyFormat, replaceFormat, type MoneyStyle } from './formats';
import { layOutPlan } from './layout';
import { cells, emptySheet } from './sheet';

/** The contact columns of the input and each customer's values (see engine/contacts.ts). */
export interface CampaignContacts {
  columns: readonly ContactColumn[];
  byCustomer: ReadonlyMap<string, readonly string[]>;
}

/** Which customers a list holds. */
export type ListGroup = { segment: string } | { churnStatus: ChurnStatus };

/** A list: its header, one row per customer, and the mobile numbers that could not be read. */
export interface CampaignList {
  header: string[];
  rows: PlanValue[][];
  invalidMobiles: { customer: string; value: string }[];
}

/** The list's own columns before the contacts (keys of report.list.*). */
const LIST_COLUMNS = ['customer', 'segment', 'action', 'recency_days', 'frequency', 'monetary', 'clv', 'churn_status'] as const;

/** Formats of the list's own columns (LIST_COLUMNS order); contacts and the message stay General. */
const LIST_FORMATS: (string | null)[] = [null, null, null, INTEGER_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, MONEY_FORMAT, null];

/** Currencies counted in whole units: the rial and the toman have no minor unit in use. */
const WHOLE_UNIT_CURRENCIES: ReadonlySet<CurrencyCode> = new Set(['IRR', 'IRT']);

/**
 * Decimals of money in a list file: none for the rial and the toman, two (cents) for the other
 * currencies and for amounts without a unit.
 * @param currency the analysis' currency (absent or null when the data names none)
 * @returns 0 or 2
 * @example moneyDecimals('IRR') // 0
 * @example moneyDecimals(undefined) // 2
 */
export function moneyDecimals(currency: CurrencyCode | null | undefined): number {
  return currency && WHOLE_UNIT_CURRENCIES.has(currency) ? 0 : 2;
}

/**
 * Decimals of each column of a list in a text file: days and orders whole, money at the currency's
 * precision (moneyDecimals), null for text (names, actions, contacts, the message).
 * @param list the list (its header gives the columns)
 * @param currency the analysis' currency
 * @returns one entry per column
 */
export function listColumnDecimals(list: Pick<CampaignList, 'header'>, currency: CurrencyCode | null | undefined): (number | null)[] {
  return list.header.map((_, j) => {
    const format = LIST_FORMATS[j] ?? null;
    if (format === MONEY_FORMAT) return moneyDecimals(currency);
    return format === INTEGER_FORMAT ? 0 : null;
  });
}

/** Fills {name}, {segment} and {customer} in a template. */
function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(name|segment|customer)\}/g, (_, key: string) => values[key] ?? '');
}

/** The message template of each segment in a language. */
function templates(rules: readonly SegmentRule[], lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of [...rules, othersSegment()]) {
    const template = lang === 'fa' ? rule.messageFa || rule.messageEn : rule.messageEn || rule.messageFa;
    if (template && !out.has(rule.name.trim())) out.set(rule.name.trim(), template);
  }
  return out;
}

/** True when a customer belongs to the group. */
function inGroup(c: CustomerResult, group: ListGroup): boolean {
  return 'segment' in group ? c.segment === group.segment : c.churnStatus === group.churnStatus;
}

/**
 * One campaign list, customers in the analysis' order (by id).
 * @param analysis the analysis
 * @param contacts the input's contact columns and values
 * @param group the segment or churn status
 * @param lang the language of headers, segment names, actions and messages
 * @returns header, rows and the mobile numbers that are not valid
 */
export function campaignList(analysis: Analysis, contacts: CampaignContacts, group: ListGroup, lang: Lang): CampaignList {
  const lookup = segmentLookup(analysis.settings.segmentRules, lang);
  const messageOf = templates(analysis.settings.segmentRules, lang);
  const nameColumn = contacts.columns.findIndex((c) => c.kind === 'name');
  const header = [...LIST_COLUMNS.map((k) => t(lang, `report.list.${k}`)), ...contacts.columns.map((c) => c.header), t(lang, 'report.list.message')];
  const rows: PlanValue[][] = [];
  const invalidMobiles: CampaignList['invalidMobiles'] = [];
  for (const c of analysis.customers) {
    if (!inGroup(c, group)) continue;
    const values = contacts.byCustomer.get(c.id) ?? contacts.columns.map(() => '');
    const contactCells = contacts.columns.map((col, k) => {
      const value = values[k] ?? '';
      if (col.kind !== 'mobile' || value === '') return value;
      const mobile = normalizeIranianMobile(value);
      if (!mobile.ok) invalidMobiles.push({ customer: c.id, value });
      return mobile.value;
    });
    const segment = lookup(c.segment);
    const template = messageOf.get(c.segment) ?? messageOf.get(OTHERS) ?? '';
    const name = nameColumn >= 0 ? values[nameColumn] || c.id : c.id;
    rows.push([
      c.id, segment.label, segment.action, c.recencyDays, c.frequency, c.monetary, c.clv ?? null,
      c.churnStatus ? churnLabel(c.churnStatus, lang) : null,
      ...contactCells,
      fillTemplate(template, { name, segment: segment.label, customer: c.id }),
    ]);
  }
  return { header, rows, invalidMobiles };
}

/** The groups that have customers: every segment in rule order (Others last), then each churn status. */
export function listGroups(analysis: Analysis): ListGroup[] {
  const segments = [...analysis.settings.segmentRules.map((r) => r.name.trim()), OTHERS];
  const present = new Set(analysis.customers.map((c) => c.segment));
  const statuses = new Set(analysis.customers.map((c) => c.churnStatus).filter((s): s is ChurnStatus => !!s));
  return [
    ...segments.filter((s) => present.has(s)).map((segment) => ({ segment })),
    ...(['Active', 'At risk', 'Churned'] as ChurnStatus[]).filter((s) => statuses.has(s)).map((churnStatus) => ({ churnStatus })),
  ];
}

/**
 * A file-name slug for a group: `segment-champions`, `status-at-risk`.
 * @param group the group
 */
export function listSlug(group: ListGroup): string {
  const text = 'segment' in group ? `segment-${group.segment}` : `status-${group.churnStatus}`;
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'list';
}

/**
 * The display name of a group in a language: the segment's name or the churn status.
 * @param analysis the analysis (its rules name the segments)
 * @param group the group
 * @param lang output language
 */
export function groupLabel(analysis: Analysis, group: ListGroup, lang: Lang): string {
  return 'segment' in group ? segmentLookup(analysis.settings.segmentRules, lang)(group.segment).label : churnLabel(group.churnStatus, lang);
}

/**
 * A campaign list as a sheet of plain cells (header row, then one row per customer), ready to copy
 * into an SMS or email tool: no table, header frozen, widths from the content. Text stays text
 * (mobile numbers with their leading 0, formula-looking names) as in every plan. Money shows as in
 * the report's sheets (the analysis' moneyStyleOf through moneyFormat: the unit, cents only when
 * the amounts have them).
 * @param list the list (campaignList)
 * @param title the sheet's name before the writer makes it unique
 * @param lang output language (right-to-left and Persian digits in Persian)
 * @param money the analysis' money style (formats.ts moneyStyleOf)
 * @example campaignListSheet(list, 'List – Champions', 'en', moneyStyleOf(analysis))
 */
export function campaignListSheet(list: CampaignList, title: string, lang: Lang, money: MoneyStyle): SheetPlan {
  const sheet = { ...emptySheet('list', lang), name: title };
  const formats = list.header.map((_, j) => LIST_FORMATS[j] ?? null);
  sheet.blocks.push(cells(0, 0, [list.header], 'heading'));
  if (list.rows.length > 0) sheet.blocks.push(cells(1, 0, list.rows, 'body', formats));
  sheet.frozenRows = 1;
  replaceFormat(sheet, MONEY_FORMAT, moneyFormat(money, lang));
  localizeSheetFormats(sheet, lang);
  layOutPlan({ lang, sheets: [sheet] });
  return sheet;
}
