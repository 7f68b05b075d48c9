/**
 * The Customers sheet: one Excel table, one row per customer, with exactly the columns and values
 * of the CLI's CSV (`rfm analyze --format csv`), display headers per language, dates as Excel
 * serials with a date format, colour scales on the four scores and a frozen header.
 */
import { messageIn, t, type Lang } from '../i18n';
import type { Analysis, CustomerResult, Note } from '../engine';
import type { PlanValue, SheetPlan } from './plan';
import {
  DECIMAL_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, PROBABILITY_FORMAT, SCALE_HIGH, SCALE_LOW, SCALE_MID, SCORE_FORMAT,
  dateFormat, dayToSerial, finiteOrNull,
} from './formats';
import { churnLabel, loyaltyQuadrantLabel, segmentLookup, valueQuadrantLabel, type SegmentLookup } from './labels';
import { colorScale, emptySheet, table, type ColumnSpec } from './sheet';

/** The CSV's column names, in order: the Customers table has the same columns. */
export const CUSTOMER_COLUMNS = [
  'customer', 'first_purchase', 'last_purchase', 'length_days', 'recency_days', 'frequency', 'monetary',
  'l_score', 'r_score', 'f_score', 'm_score', 'rfm_code', 'segment', 'value_quadrant', 'loyalty_quadrant',
  'cluster', 'p_alive', 'expected_purchases_90d', 'clv', 'churn_status',
  'p_no_purchase', 'expected_next_purchase', 'churn_reason',
  'previous_segment', 'share_of_wallet',
] as const;

/** One CSV column name. */
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

/** Name of the Customers table (stable across languages: Refresh and pivots find it by name). */
export const CUSTOMERS_TABLE = 'Customers';

/** Columns that hold dates and scores (colour-scaled). */
const DATE_COLUMNS: ReadonlySet<CustomerColumn> = new Set(['first_purchase', 'last_purchase', 'expected_next_purchase']);
const SCORE_COLUMNS: readonly CustomerColumn[] = ['l_score', 'r_score', 'f_score', 'm_score'];

const FORMATS: Record<CustomerColumn, string | null> = {
  customer: '@', first_purchase: null, last_purchase: null, length_days: INTEGER_FORMAT, recency_days: INTEGER_FORMAT,
  frequency: INTEGER_FORMAT, monetary: MONEY_FORMAT, l_score: SCORE_FORMAT, r_score: SCORE_FORMAT, f_score: SCORE_FORMAT,
  m_score: SCORE_FORMAT, rfm_code: SCORE_FORMAT, segment: null, value_quadrant: null, loyalty_quadrant: null,
  cluster: SCORE_FORMAT, p_alive: PROBABILITY_FORMAT, expected_purchases_90d: DECIMAL_FORMAT, clv: MONEY_FORMAT,
  churn_status: null, p_no_purchase: PROBABILITY_FORMAT, expected_next_purchase: null, churn_reason: null, previous_segment: null, share_of_wallet: PERCENT_FORMAT,
};

/**
 * Header and number format of each Customers column in a language.
 * @param lang output language
 */
export function customerColumnSpecs(lang: Lang): ColumnSpec[] {
  return CUSTOMER_COLUMNS.map((key) => ({
    header: t(lang, `report.col.${key}`),
    format: DATE_COLUMNS.has(key) ? dateFormat(lang) : FORMATS[key],
  }));
}

/**
 * One customer's row, in CUSTOMER_COLUMNS order. Ids stay strings even when they look like
 * formulas or numbers; absent values are null (empty cells).
 * @param c the customer
 * @param lang output language (labels of segments, quadrants, churn status)
 * @param segments segment look-up of the analysis
 */
export function customerRow(c: CustomerResult, lang: Lang, segments: SegmentLookup): PlanValue[] {
  return [
    String(c.id),
    dayToSerial(c.firstPurchase),
    dayToSerial(c.lastPurchase),
    finiteOrNull(c.lengthDays),
    finiteOrNull(c.recencyDays),
    finiteOrNull(c.frequency),
    finiteOrNull(c.monetary),
    finiteOrNull(c.lengthScore),
    finiteOrNull(c.recencyScore),
    finiteOrNull(c.frequencyScore),
    finiteOrNull(c.monetaryScore),
    finiteOrNull(c.rfmCode),
    segments(c.segment).label,
    valueQuadrantLabel(c.valueQuadrant, lang),
    c.loyaltyQuadrant ? loyaltyQuadrantLabel(c.loyaltyQuadrant, lang) : null,
    finiteOrNull(c.cluster),
    finiteOrNull(c.pAlive),
    finiteOrNull(c.expectedPurchases90d),
    finiteOrNull(c.clv),
    c.churnStatus ? churnLabel(c.churnStatus, lang) : null,
    finiteOrNull(c.pNoPurchase),
    c.expectedNextPurchase == null ? null : dayToSerial(c.expectedNextPurchase),
    c.churnReason ? reasonText(c.churnReason, lang) : null,
    c.previousSegment ? segments(c.previousSegment).label : null,
    finiteOrNull(c.shareOfWallet),
  ];
}

/**
 * Builds the Customers sheet.
 * @param analysis the analysis
 * @param lang output language
 */
export function customersSheet(analysis: Analysis, lang: Lang): SheetPlan {
  const sheet = emptySheet('customers', lang);
  const segments = segmentLookup(analysis.settings.segmentRules, lang);
  const rows = analysis.customers.map((c) => customerRow(c, lang, segments));
  if (rows.length === 0) rows.push(CUSTOMER_COLUMNS.map(() => null));
  sheet.blocks.push(table(CUSTOMERS_TABLE, 0, 0, customerColumnSpecs(lang), rows));
  sheet.frozenRows = 1;
  sheet.frozenColumns = 1;
  for (const key of SCORE_COLUMNS) {
    const column = CUSTOMER_COLUMNS.indexOf(key);
    sheet.colorScales.push(colorScale({ row: 1, column, rows: rows.length, columns: 1 }, SCALE_LOW, SCALE_HIGH, SCALE_MID));
  }
  return sheet;
}

/**
 * A churn reason in the sheet's language. In English it is the note's own text: engine/messages.ts
 * `note` makes that text from the same key and parameters, and formatting 100,000 sentences again
 * took half a second of the layout.
 */
function reasonText(reason: Note, lang: Lang): string {
  return lang === 'en' && reason.text ? reason.text : messageIn(reason, lang);
}
