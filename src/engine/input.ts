/**
 * The whole input side in one call: input kind, columns, and normalised rows with the
 * skipped-row report. analyze() puts this in front of the pipeline; the pane and the CLI can
 * call it to preview what will be used.
 */
import type {
  AnalysisOptions,
  CustomerInput,
  DayMonthOrder,
  DetectedColumn,
  InputKind,
  InputTable,
  SkippedReport,
  Transaction,
} from './types';
import { InputError } from './types';
import { detectColumns, detectInputKind, toColumnMapping } from './columns';
import { normalizeTransactions } from './parse';
import { normalizeCustomers } from './parseCustomers';

/** Fields common to both kinds of prepared input. */
interface PreparedBase {
  kind: InputKind;
  columns: DetectedColumn[];
  skipped: SkippedReport;
  /** The order used for day/month dates; absent when the date column has none. */
  dayMonthOrder?: DayMonthOrder;
  /** English note when the date column mixes forms (see DateColumnResolution.note). */
  dateNote?: string;
}

/** Transactions ready for the pipeline. */
export interface PreparedTransactions extends PreparedBase {
  kind: 'transactions';
  transactions: Transaction[];
}

/** Customer-level rows ready for the pipeline. */
export interface PreparedCustomers extends PreparedBase {
  kind: 'customers';
  customers: CustomerInput[];
}

/** What prepareInput returns. */
export type PreparedInput = PreparedTransactions | PreparedCustomers;

/**
 * Detects the input kind (unless options.inputKind is set) and the columns (options.columns
 * always win), then normalises every row. Rows that cannot be used are in `skipped`; when none
 * is usable the lists are empty and the caller decides (analyze throws "no usable rows").
 * @param table the raw input
 * @param options inputKind, columns and dayMonthOrder are read
 * @throws InputError for an empty table, an override naming no column, or a missing required column
 * @example prepareInput({ header: ['customer', 'date', 'amount'], rows: [['a', '2020-01-01', 5]] })
 */
export function prepareInput(table: InputTable, options: AnalysisOptions = {}): PreparedInput {
  if (table.header.length === 0) throw new InputError('The input is empty: there is no header row.');
  const kind = options.inputKind ?? detectInputKind(table);
  const columns = detectColumns(table, kind, options.columns);
  const mapping = toColumnMapping(columns);
  const opts = options.dayMonthOrder ? { dayMonthOrder: options.dayMonthOrder } : {};
  if (kind === 'customers') {
    const r = normalizeCustomers(table, mapping, opts);
    const out: PreparedCustomers = { kind, columns, customers: r.customers, skipped: r.skipped };
    if (r.dayMonthOrder) out.dayMonthOrder = r.dayMonthOrder;
    if (r.lastPurchaseColumn?.note) out.dateNote = r.lastPurchaseColumn.note;
    return out;
  }
  const r = normalizeTransactions(table, mapping, opts);
  const out: PreparedTransactions = { kind, columns, transactions: r.transactions, skipped: r.skipped };
  if (r.dayMonthOrder) out.dayMonthOrder = r.dayMonthOrder;
  if (r.dateColumn.note) out.dateNote = r.dateColumn.note;
  return out;
}
