/**
 * Shape handling of RFM.TABLE: three ranges in (customer, date, amount per transaction), the
 * engine's input table out; the engine's analysis in, the Customers table as a spill out.
 * The rows and columns are the report's (report/customersSheet.ts), so the spill has exactly the
 * CLI CSV's columns and values.
 */
import type { Analysis, Cell, InputTable, SkippedReport, SkipReason } from '../engine/types';
import { CUSTOMER_COLUMNS, customerRow } from '../report/customersSheet';
import { segmentLookup } from '../report/labels';
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
