/**
 * Shape handling of RFM.CUSTOMERTABLE and RFM.MIGRATION: three ranges in (customer, date, amount per
 * transaction), the engine's input table out; the engine's analysis in, the Customers table (or
 * the migration matrix) as a spill out.
 * The rows and columns are the report's (report/customersSheet.ts), so the spill has exactly the
 * CLI CSV's columns and values.
 */
import { analyzeTransactions } from '../engine';
import { excelNumberToDayNumber, parseDateCell } from '../engine';
import { normalizeTransactions } from '../engine';
import type { Analysis, AnalysisOptions, Cell, InputTable, SkippedReport, SkipReason } from '../engine';
import { CUSTOMER_COLUMNS, customerRow } from '../report/customersSheet';
import { segmentLookup } from '../report/labels';
import { t } from '../i18n';
import { errorCodeOf, isBlank, sameLengthVectors, type Matrix, type NamedRange } from './args';
import { ArgumentError, NoDataError } from './errors';

/** Skip reasons that mean a cell has something in it that cannot be read: the formula says so. */
const UNREADABLE: ReadonlySet<SkipReason> = new Set(['bad-date', 'bad-amount', 'bad-number', 'error-cell']);

/**
 * Builds the engine's input table from the three ranges. Trailing rows where all three cells are
 * blank are dropped (whole-column references); rows are numbered from 1 within the ranges.
 * @param customers customer ids
 * @param dates purchase dates (Excel serial numbers; text dates are read as the engine reads them)
 * @param amounts amounts (negative = return)
 * @returns the input table with its columns in the order customer, date, amount
 * @throws ArgumentError when the ranges differ in length; NoDataError when all are blank
 */
export function transactionTable(customers: NamedRange, dates: NamedRange, amounts: NamedRange): InputTable {
  const [ids, days, values] = sameLengthVectors([customers, dates, amounts]);
  let end = ids.length;
  while (end > 0 && isBlank(ids[end - 1]) && isBlank(days[end - 1]) && isBlank(values[end - 1])) end--;
  if (end === 0) throw new NoDataError('noTransactions', { name: customers.name });
  const rows: Cell[][] = new Array(end);
  // error cells arrive as CustomFunctions.Error (args.ts errorCodeOf): the engine skips a row holding
  // an error's text ('error-cell'), as it does for rows read from a sheet
  const cell = (v: unknown): Cell => (errorCodeOf(v) ?? v) as Cell;
  for (let i = 0; i < end; i++) rows[i] = [cell(ids[i]), cell(days[i]), cell(values[i])];
  return { header: ['customer', 'date', 'amount'], rows, firstRowNumber: 1, dateFormattedColumns: [false, true, false] };
}

/** The argument name of each input column, for messages about skipped rows. */
export interface ColumnNames {
  customer: string;
  date: string;
  amount: string;
}

/**
 * Fails on the first row the engine could not read (text in a date or amount cell); rows that are
 * merely blank or have a zero amount stay skipped, as in the report.
 * @param skipped the engine's skipped-row report of the normalisation
 * @param names argument names
 * @throws ArgumentError naming the argument and the row
 */
export function assertReadable(skipped: SkippedReport, names: ColumnNames): void {
  const bad = skipped.examples.find((example) => UNREADABLE.has(example.reason));
  if (bad === undefined) return;
  const name = bad.reason === 'bad-date' ? names.date : bad.reason === 'error-cell' ? `${names.customer}/${names.date}/${names.amount}` : names.amount;
  throw new ArgumentError('unreadableRow', { name, row: bad.rowNumber, detail: bad.detail });
}

/**
 * The Customers table of an analysis as a spill: the CSV's column names, then one row per
 * customer; missing values (e.g. no P(alive) when the model was skipped) are blank.
 * @param analysis the engine's result
 * @returns the header row and the customer rows
 */
export function customerTableRows(analysis: Analysis): Matrix {
  const segments = segmentLookup(analysis.settings.segmentRules, 'en');
  const out: Matrix = new Array(analysis.customers.length + 1);
  out[0] = CUSTOMER_COLUMNS.slice();
  for (let i = 0; i < analysis.customers.length; i++) {
    const row: unknown[] = customerRow(analysis.customers[i], 'en', segments);
    for (let j = 0; j < row.length; j++) if (row[j] === null) row[j] = '';
    out[i + 1] = row;
  }
  return out;
}

/**
 * The customers matrix of a migration as a spill: a header row (a corner label, then the segments
 * now), one row per segment before, the last row "New" (customers with no purchase before the
 * earlier date). English names, as RFM.SEGMENT returns them.
 * @param analysis an analysis run with compareTo
 * @returns the matrix, header first
 */
export function migrationRows(analysis: Analysis): Matrix {
  const migration = analysis.migration;
  if (!migration) throw new Error('no migration in the analysis');
  const lookup = segmentLookup(analysis.settings.segmentRules, 'en');
  const names = migration.segments.map((s) => lookup(s).label);
  const labels = [...names, t('en', 'report.migration.new')];
  return [[t('en', 'report.migration.corner'), ...names], ...migration.customers.map((row, i) => [labels[i], ...row])];
}

/**
 * Analyses three transaction ranges as RFM.CUSTOMERTABLE reads them.
 * @param customers customer id per transaction
 * @param dates date per transaction
 * @param amounts amount per transaction
 * @param options the analysis options
 * @returns the analysis
 * @throws ArgumentError for ranges of different lengths or unreadable rows; NoDataError when there is no purchase
 */
export function analyzeRanges(customers: unknown[][], dates: unknown[][], amounts: unknown[][], options: AnalysisOptions): Analysis {
  const names = { customer: 'customers', date: 'dates', amount: 'amounts' };
  const input = transactionTable({ name: names.customer, value: customers }, { name: names.date, value: dates }, { name: names.amount, value: amounts });
  const normalized = normalizeTransactions(input, { customer: 0, date: 1, amount: 2 });
  assertReadable(normalized.skipped, names);
  if (normalized.transactions.length === 0) throw new NoDataError('noPurchases', { name: names.amount });
  return analyzeTransactions(normalized.transactions, options, { skipped: normalized.skipped, dayMonthOrder: normalized.dayMonthOrder });
}

/**
 * Reads an optional date argument.
 * @param value an Excel serial date, date text in a form the engine reads (ISO, Jalali, …), or blank
 * @param name the argument's name, for the message
 * @returns the day number, or undefined for the default
 * @throws ArgumentError when it is not a date
 */
export function dateArgument(value: unknown, name: string): number | undefined {
  if (isBlank(value)) return undefined;
  const day = typeof value === 'number' ? excelNumberToDayNumber(value) : typeof value === 'string' ? parseDateCell(value) : undefined;
  if (day === undefined || Number.isNaN(day)) throw new ArgumentError('notDate', { name, value: String(value) });
  return day;
}
