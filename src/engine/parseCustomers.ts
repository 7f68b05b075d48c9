/**
 * Customer-level rows (customer, recency days or last purchase, number of orders, revenue, as
 * R's rfm_table_customer takes them) → CustomerInput[] plus a skipped-row report.
 */
import type { ColumnMapping, CustomerInput, DayMonthOrder, InputTable, SkippedReport } from './types';
import { inputError } from './messages';
import { normalizeId } from './numbers';
import { SkipCollector } from './skipped';
import type { DateColumnResolution } from './dates';
import { DATE_BLANK } from './dates';
import { dateColumn, errorColumn, isBlankRow, numberColumnParser, orderHint } from './rows';
import { convertAmount } from './currency';
import type { NormalizeOptions } from './parse';

/** What normalizeCustomers returns. */
export interface NormalizedCustomers {
  customers: CustomerInput[];
  skipped: SkippedReport;
  /** The order used for day/month last-purchase dates; absent when there are none. */
  dayMonthOrder?: DayMonthOrder;
  /** How the last-purchase column was read, when there is one. */
  lastPurchaseColumn?: DateColumnResolution;
}

/**
 * Normalises customer-level rows. Recency days and last purchase are both kept when both
 * columns exist (a blank cell in one is fine when the other has a value).
 * Frequency and recency must be numbers ≥ 0 ('bad-number' otherwise); revenue may be any number.
 * @param table the input
 * @param columns needs customer, frequency, monetary and recencyDays and/or lastPurchase
 * @param opts dayMonthOrder for ambiguous last-purchase dates
 * @throws InputError when the mapping lacks a required column
 * O(n) in the rows.
 */
export function normalizeCustomers(
  table: InputTable,
  columns: ColumnMapping,
  opts: NormalizeOptions = {},
): NormalizedCustomers {
  const { customer: ci, recencyDays: ri, lastPurchase: li, frequency: fi, monetary: mi } = columns;
  if (ci === undefined || fi === undefined || mi === undefined || (ri === undefined && li === undefined)) {
    throw inputError('input.error.customerColumnsUnset');
  }
  const dates = li === undefined ? undefined : dateColumn(table, li, opts);
  const hint = dates ? orderHint(dates.resolution) : undefined;
  const parseRecency = numberColumnParser(table, ri);
  const parseFrequency = numberColumnParser(table, fi);
  const parseMonetary = numberColumnParser(table, mi);
  const used = [ci, ri, li, fi, mi].filter((c): c is number => c !== undefined);
  const skips = new SkipCollector(table);
  const customers: CustomerInput[] = [];
  const firstRow = table.firstRowNumber ?? 2;

  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    if (row === undefined || row === null || isBlankRow(row, used)) continue;
    const rowNumber = firstRow + r;
    const bad = errorColumn(row, used);
    if (bad >= 0) { skips.skip(rowNumber, 'error-cell', bad, row[bad]); continue; }
    const customerId = normalizeId(row[ci]);
    if (customerId === undefined) { skips.skip(rowNumber, 'missing-customer', ci, row[ci]); continue; }

    const recencyDays = ri === undefined ? undefined : parseRecency(row[ri]);
    if (recencyDays !== undefined && !(recencyDays >= 0)) { skips.skip(rowNumber, 'bad-number', ri as number, row[ri as number]); continue; }
    const lastDay = dates === undefined ? DATE_BLANK : dates.days[r];
    const lastPurchase = lastDay === DATE_BLANK ? undefined : lastDay;
    if (lastPurchase !== undefined && lastPurchase !== lastPurchase) { skips.skip(rowNumber, 'bad-date', li as number, row[li as number], hint); continue; }
    if (recencyDays === undefined && lastPurchase === undefined) { skips.skip(rowNumber, 'missing-date', (ri ?? li) as number, undefined); continue; }

    const frequency = parseFrequency(row[fi]);
    if (frequency === undefined || !(frequency >= 0)) { skips.skip(rowNumber, 'bad-number', fi, row[fi]); continue; }
    const monetary = parseMonetary(row[mi]);
    if (monetary === undefined) { skips.skip(rowNumber, 'missing-amount', mi, row[mi]); continue; }
    if (monetary !== monetary) { skips.skip(rowNumber, 'bad-amount', mi, row[mi]); continue; }

    const c: CustomerInput = { customerId, frequency, monetary: convertAmount(monetary, opts.amountFactor ?? 1), rowNumber };
    if (recencyDays !== undefined) c.recencyDays = recencyDays;
    if (lastPurchase !== undefined) c.lastPurchase = lastPurchase;
    customers.push(c);
  }
  const out: NormalizedCustomers = { customers, skipped: skips.report };
  if (dates) {
    out.lastPurchaseColumn = dates.resolution;
    if (dates.resolution.dayMonthOrder) out.dayMonthOrder = dates.resolution.dayMonthOrder;
  }
  return out;
}

