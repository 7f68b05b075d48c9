/**
 * The whole input side in one call: input kind, columns, and normalised rows with the
 * skipped-row report. analyze() puts this in front of the pipeline; the pane and the CLI can
 * call it to preview what will be used.
 */
import { addCustomerSummaries } from './customerSummary';
import type {
  AnalysisOptions,
  CustomerInput,
  Note,
  DayMonthOrder,
  DetectedColumn,
  InputKind,
  InputTable,
  SkippedReport,
  Transaction,
} from './types';
import { inputError } from './messages';
import { detectColumns, detectInputKind, duplicateHeaderNote, toColumnMapping } from './columns';
import type { DateColumnResolution } from './dates';
import { note } from './messages';
import { normalizeTransactions, type NormalizeOptions } from './parse';
import { currencyOfInput, type CurrencyChoice } from './currency';
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
  /** What the user should know about how the input was read: duplicate headers, day/month order, mixed dates. */
  notes: Note[];
  /** The output's currency and the factor the amounts were converted by (engine/currency.ts). */
  currency: CurrencyChoice;
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
 * The notes on how the input was read: which of duplicate headers was used, the day/month order
 * and why, and how the date column mixes forms.
 * @param table the input
 * @param columns the columns used
 * @param dates how the date (or last purchase) column was read, when there is one
 * @returns the notes, in that order
 */
export function inputNotes(table: InputTable, columns: readonly DetectedColumn[], dates: DateColumnResolution | undefined): Note[] {
  const notes: Note[] = [];
  for (const c of columns) {
    const duplicate = c.note === undefined ? undefined : duplicateHeaderNote(table, c.index);
    if (duplicate) notes.push(duplicate);
  }
  if (dates?.dayMonthOrder) {
    const source = dates.dayMonthOrderSource ?? 'default';
    const key = source === 'data' ? 'fromData' : source === 'option' ? 'fromOption' : 'fromDefault';
    notes.push(note(`input.dayMonthOrder.${key}`, { orderKey: `input.dayMonthOrder.${dates.dayMonthOrder}` }));
  }
  if (dates?.notes) notes.push(...dates.notes);
  return notes;
}

/**
 * The normaliser's options from the user's (one place, for prepareInput and streaming readers).
 * @param options the user's options
 * @returns the options normalizeTransactions and normalizeCustomers take
 */
export function normalizeOptionsOf(options: AnalysisOptions): NormalizeOptions {
  const opts: NormalizeOptions = options.dayMonthOrder ? { dayMonthOrder: options.dayMonthOrder } : {};
  if (options.zeroAmounts) opts.zeroAmounts = options.zeroAmounts;
  return opts;
}

/**
 * Detects the input kind (unless options.inputKind is set) and the columns (options.columns
 * always win), then normalises every row. Rows that cannot be used are in `skipped`; when none
 * is usable the lists are empty and the caller decides (analyze throws "no usable rows").
 * @param table the raw input
 * @param options inputKind, columns, dayMonthOrder and zeroAmounts are read
 * @throws InputError for an empty table, an override naming no column, or a missing required column
 * @example prepareInput({ header: ['customer', 'date', 'amount'], rows: [['a', '2020-01-01', 5]] })
 */
export function prepareInput(table: InputTable, options: AnalysisOptions = {}): PreparedInput {
  if (table.header.length === 0) throw inputError('input.error.emptyInput');
  const kind = options.inputKind ?? detectInputKind(table);
  const columns = detectColumns(table, kind, options.columns);
  const mapping = toColumnMapping(columns);
  const currency = currencyOfInput(table, columns, options.currency);
  const opts: NormalizeOptions = { ...normalizeOptionsOf(options), amountFactor: currency.factor };
  if (kind === 'customers') {
    const r = normalizeCustomers(table, mapping, opts);
    addCustomerSummaries(table, r.customers, opts);
    const notes = inputNotes(table, columns, r.lastPurchaseColumn);
    const out: PreparedCustomers = { kind, columns, customers: r.customers, skipped: r.skipped, notes, currency };
    if (r.dayMonthOrder) out.dayMonthOrder = r.dayMonthOrder;
    if (r.lastPurchaseColumn?.note) out.dateNote = r.lastPurchaseColumn.note;
    return out;
  }
  const r = normalizeTransactions(table, mapping, opts);
  const notes = inputNotes(table, columns, r.dateColumn);
  const out: PreparedTransactions = { kind, columns, transactions: r.transactions, skipped: r.skipped, notes, currency };
  if (r.dayMonthOrder) out.dayMonthOrder = r.dayMonthOrder;
  if (r.dateColumn.note) out.dateNote = r.dateColumn.note;
  return out;
}
