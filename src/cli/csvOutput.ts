/**
 * The per-customer CSV of `rfm analyze`. Its header is a public contract: issue 2's fifteen
 * columns, then issue 5's five; later work only appends. Customer ids are never altered: ids that
 * start like a formula (= + - @) are written quoted, as they are. CSV cannot force a cell to be
 * text, so a spreadsheet app may still evaluate such an id on opening; the .xlsx output is the
 * safe route for such data (docs/cli.md).
 */
import type { Analysis, CustomerResult } from '../engine/types';
import { CUSTOMER_COLUMNS } from '../report/customersSheet';
import { formatDay, formatNumber } from './format';

/** The CSV header, in order: the Customers sheet's columns (one list, in report/customersSheet). */
export const CSV_COLUMNS = CUSTOMER_COLUMNS;

/** First characters that make spreadsheet apps read a field as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);

/**
 * Quotes a CSV field when it holds a comma, quote, line break or edge spaces (RFC 4180), or when
 * it starts like a formula (= + - @): quoted, such a value is marked as literal text for readers
 * that honour quotes. Its characters are never changed.
 * @param text the field
 * @returns the field as it goes in the file
 * @example csvField('a,b') // '"a,b"'
 * @example csvField('=1+1') // '"=1+1"'
 */
export function csvField(text: string): string {
  const first = text.charCodeAt(0);
  let needsQuotes = text.length > 0 && (first === 32 || FORMULA_START.has(first) || text.charCodeAt(text.length - 1) === 32);
  for (let i = 0; i < text.length && !needsQuotes; i++) {
    const c = text.charCodeAt(i);
    needsQuotes = c === 44 || c === 34 || c === 10 || c === 13;
  }
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A nullable number as a field: empty when null or absent. */
function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value);
}

/** A nullable day number as `YYYY-MM-DD`: empty when null. */
function day(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatDay(value);
}

/** A nullable label, quoted as needed. */
function label(value: string | null | undefined): string {
  return value === null || value === undefined ? '' : csvField(value);
}

/**
 * One customer's CSV line (without the line end), in CSV_COLUMNS order.
 * @param c the customer
 * @returns the line
 */
export function customerCsvLine(c: CustomerResult): string {
  return [
    csvField(c.id), day(c.firstPurchase), day(c.lastPurchase), num(c.lengthDays), num(c.recencyDays),
    num(c.frequency), num(c.monetary), num(c.lengthScore), num(c.recencyScore), num(c.frequencyScore),
    num(c.monetaryScore), num(c.rfmCode), label(c.segment), label(c.valueQuadrant), label(c.loyaltyQuadrant),
    num(c.cluster), num(c.pAlive), num(c.expectedPurchases90d), num(c.clv), label(c.churnStatus),
  ].join(',');
}

/**
 * The whole customer CSV: header and one line per customer, `\n` line ends, final line end.
 * @param analysis the analysis
 * @returns the CSV text
 */
export function customersCsv(analysis: Pick<Analysis, 'customers'>): string {
  const lines = new Array<string>(analysis.customers.length + 1);
  lines[0] = CSV_COLUMNS.join(',');
  for (let i = 0; i < analysis.customers.length; i++) lines[i + 1] = customerCsvLine(analysis.customers[i]);
  return lines.join('\n') + '\n';
}
