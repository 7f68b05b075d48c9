/**
 * Customer-level input that carries the purchase-model summary: the table `rfm sql` computes in a
 * warehouse (first_purchase, repeat_purchases, repeat_span_days, age_days, mean_repeat_spend, named
 * as its result columns). With it, customer-level input gets a length (L score, loyalty matrix) and
 * the purchase models, CLV and churn, as transactions would.
 */
import { normalizeHeader } from './columnNames';
import { DATE_BLANK } from './dates';
import { dateColumn, numberColumnParser } from './rows';
import type { CustomerInput, DayMonthOrder, InputTable } from './types';

/** The summary's columns by their normalised header (the result columns of `rfm sql`). */
const SUMMARY_HEADERS = {
  firstPurchase: 'firstpurchase',
  repeatPurchases: 'repeatpurchases',
  repeatSpanDays: 'repeatspandays',
  ageDays: 'agedays',
  meanRepeatSpend: 'meanrepeatspend',
} as const;

type SummaryField = keyof typeof SUMMARY_HEADERS;

/** Column index of each summary field present in the header. */
function summaryColumns(header: readonly string[]): Partial<Record<SummaryField, number>> {
  const found: Partial<Record<SummaryField, number>> = {};
  const normalized = header.map((h) => normalizeHeader(String(h ?? '')));
  for (const [field, name] of Object.entries(SUMMARY_HEADERS) as [SummaryField, string][]) {
    const i = normalized.indexOf(name);
    if (i >= 0) found[field] = i;
  }
  return found;
}

/**
 * Adds first purchase and the model history to customer rows from the summary columns, when the
 * table has them. A row whose summary cells are not usable numbers keeps no history (the stage
 * then models only the customers that have one, and says how many were left out).
 * @param table the raw input
 * @param inputs the normalised customer rows (updated in place), with their row numbers
 * @param opts the day/month order for the first-purchase dates
 * @returns true when the model columns were found
 */
export function addCustomerSummaries(table: InputTable, inputs: CustomerInput[], opts: { dayMonthOrder?: DayMonthOrder } = {}): boolean {
  const cols = summaryColumns(table.header);
  const firstRow = table.firstRowNumber ?? 2;
  if (cols.firstPurchase !== undefined) {
    const dates = dateColumn(table, cols.firstPurchase, opts);
    for (const input of inputs) {
      const day = dates.days[input.rowNumber - firstRow];
      if (day !== DATE_BLANK && day === day) input.firstPurchase = day;
    }
  }
  const { repeatPurchases: xi, repeatSpanDays: si, ageDays: ai, meanRepeatSpend: zi } = cols;
  if (xi === undefined || si === undefined || ai === undefined || zi === undefined) return false;
  const [x, span, age, spend] = [xi, si, ai, zi].map((i) => numberColumnParser(table, i));
  for (const input of inputs) {
    const row = table.rows[input.rowNumber - firstRow];
    if (!row) continue;
    const h = { x: x(row[xi]), spanDays: span(row[si]), ageDays: age(row[ai]), meanRepeatSpend: spend(row[zi]) };
    const whole = (v: number | undefined): v is number => v !== undefined && Number.isInteger(v) && v >= 0;
    if (whole(h.x) && whole(h.spanDays) && whole(h.ageDays) && h.spanDays <= h.ageDays && h.meanRepeatSpend !== undefined && Number.isFinite(h.meanRepeatSpend)) {
      input.history = { x: h.x, spanDays: h.spanDays, ageDays: h.ageDays, meanRepeatSpend: h.meanRepeatSpend };
    }
  }
  return true;
}
