/**
 * The per-customer CSV of `rfm analyze`. Its header is a public contract: issue 2's fifteen
 * columns, then issue 5's five, then issue 10's three (p_no_purchase, expected_next_purchase,
 * churn_reason); later work only appends. Text cells that a spreadsheet would
 * evaluate (starting with = + - @, tab or CR) are neutralised as OWASP's "CSV Injection" page
 * recommends (https://owasp.org/www-community/attacks/CSV_Injection): a leading `'` and the field
 * quoted, so `=1+1` is written `"'=1+1"`. Numbers in numeric columns are real numbers and are never
 * touched. `--csv-raw` writes such text unchanged (only quoted), for scripts (docs/cli.md).
 */
import type { Analysis, CustomerResult } from '../engine';
import { CUSTOMER_COLUMNS } from '../report/customersSheet';
import { formatDay, formatNumber } from './format';

/** The CSV header, in order: the Customers sheet's columns (one list, in report/customersSheet). */
export const CSV_COLUMNS = CUSTOMER_COLUMNS;

/** First characters that make spreadsheet apps read a field as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);

/** How text fields are written. */
export interface CsvTextOptions {
  /** Write formula-looking text unchanged (quoted) instead of neutralised with a leading `'`. */
  raw?: boolean;
}

/**
 * Writes a text field: quoted when it holds a comma, quote, line break or edge spaces (RFC 4180);
 * when it starts like a formula (= + - @ tab CR), neutralised with a leading `'` and quoted
 * (OWASP), or with `raw` only quoted.
 * @param text the field
 * @param options `raw: true` keeps formula-looking text as it is
 * @returns the field as it goes in the file
 * @example csvField('a,b') // '"a,b"'
 * @example csvField('=1+1') // '"\'=1+1"'
 * @example csvField('=1+1', { raw: true }) // '"=1+1"'
 */
export function csvField(text: string, options: CsvTextOptions = {}): string {
  const first = text.charCodeAt(0);
  const formula = text.length > 0 && FORMULA_START.has(first);
  let needsQuotes = formula || (text.length > 0 && (first === 32 || text.charCodeAt(text.length - 1) === 32));
  for (let i = 0; i < text.length && !needsQuotes; i++) {
    const c = text.charCodeAt(i);
    needsQuotes = c === 44 || c === 34 || c === 10 || c === 13;
  }
  if (!needsQuotes) return text;
  const quoted = text.replace(/"/g, '""');
  return formula && !options.raw ? `"'${quoted}"` : `"${quoted}"`;
}

/** A nullable number as a field: empty when null or absent. */
function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value);
}

/** A nullable day number as `YYYY-MM-DD`: empty when null. */
function day(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatDay(value);
}

/** A nullable label, quoted (and neutralised) as needed. */
function label(value: string | null | undefined, options: CsvTextOptions): string {
  return value === null || value === undefined ? '' : csvField(value, options);
}

/**
 * One customer's CSV line (without the line end), in CSV_COLUMNS order.
 * @param c the customer
 * @param options `raw: true` (`--csv-raw`) keeps formula-looking text unneutralised
 * @returns the line
 */
export function customerCsvLine(c: CustomerResult, options: CsvTextOptions = {}): string {
  return [
    csvField(c.id, options), day(c.firstPurchase), day(c.lastPurchase), num(c.lengthDays), num(c.recencyDays),
    num(c.frequency), num(c.monetary), num(c.lengthScore), num(c.recencyScore), num(c.frequencyScore),
    num(c.monetaryScore), num(c.rfmCode), label(c.segment, options), label(c.valueQuadrant, options), label(c.loyaltyQuadrant, options),
    num(c.cluster), num(c.pAlive), num(c.expectedPurchases90d), num(c.clv), label(c.churnStatus, options),
    num(c.pNoPurchase), day(c.expectedNextPurchase), label(c.churnReason?.text, options),
    label(c.previousSegment, options), num(c.shareOfWallet),
  ].join(',');
}

/**
 * The whole customer CSV: header and one line per customer, `\n` line ends, final line end.
 * @param analysis the analysis
 * @param options `raw: true` (`--csv-raw`) keeps formula-looking text unneutralised
 * @returns the CSV text
 */
export function customersCsv(analysis: Pick<Analysis, 'customers'>, options: CsvTextOptions = {}): string {
  return [...customersCsvPieces(analysis, options)].join('');
}

/** Customers per piece of customersCsvPieces. */
const CSV_PIECE_CUSTOMERS = 20_000;

/**
 * The customer CSV in pieces of 20,000 lines (the same text as customersCsv), so that a million
 * customers are written without one string of the whole file.
 * @param analysis the analysis
 * @param options as customersCsv
 * @returns the pieces, the header first; each ends with a line end
 */
export function* customersCsvPieces(analysis: Pick<Analysis, 'customers'>, options: CsvTextOptions = {}): Generator<string> {
  yield CSV_COLUMNS.join(',') + '\n';
  const customers = analysis.customers;
  for (let start = 0; start < customers.length; start += CSV_PIECE_CUSTOMERS) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + CSV_PIECE_CUSTOMERS, customers.length); i++) lines.push(customerCsvLine(customers[i], options));
    yield lines.join('\n') + '\n';
  }
}
