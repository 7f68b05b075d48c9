/**
 * Transactions folded as a file's rows arrive: a host reads rows in batches and hands each batch
 * here; every batch goes through the same normaliser as a whole table (engine/parse.ts) and its
 * transactions are folded into per-customer state (CustomerFold) and, when the purchase models
 * run or cohorts are asked for, into per-customer-day sums (DayLedger). Memory grows with
 * customers (and customer-days), not rows.
 *
 * What needs the whole file is kept exact:
 * - columns are detected from the header and the first batch, as detectColumns does (its sample is
 *   the first 500 rows);
 * - the day/month order and each number column's decimal separator are chosen from the first batch,
 *   every batch is read with them, and their evidence is counted over all rows; when the whole
 *   file says otherwise, `finish()` asks the host for a second pass with the right forms;
 * - the analysis window (engine/window.ts) is known before the first row (the analysis date, or
 *   today), so rows outside it are counted and left out as they come; the default analysis date,
 *   the day after the latest row kept, is known at the end.
 */
import { CustomerFold, type CustomerTable } from './customers';
import { detectColumns, toColumnMapping } from './columns';
import { resolveDateCounts, type DateColumnResolution, type DateForm } from './dates';
import { DayLedger } from './dayLedger';
import type { DayColumns } from './modelLines';
import { inputNotes, normalizeOptionsOf } from './input';
import { decimalEvidenceBy, numberStyleOf, type DecimalEvidence } from './numbers';
import { normalizeTransactions, type FixedForms } from './parse';
import { cellReader, dateColumn } from './rows';
import { SkipCollector } from './skipped';
import { isPurchase } from './rowRules';
import { WindowFilter, analysisWindow, assertPurchaseBefore, firstPurchaseDay } from './window';
import type { AnalysisOptions, Cell, ColumnMapping, DetectedColumn, InputTable, Note, SkippedReport, TransactionRole } from './types';
import { currencyOfInput, type CurrencyChoice } from './currency';

/** The number columns whose decimal separator is resolved. */
const NUMBER_ROLES: TransactionRole[] = ['amount', 'quantity', 'price', 'cost'];

/** What the stream knows once every row is in. */
export interface StreamResult {
  columns: DetectedColumn[];
  skipped: SkippedReport;
  notes: Note[];
  dayMonthOrder?: DateColumnResolution['dayMonthOrder'];
  /** Transactions folded (purchases and returns inside the analysis window). */
  transactions: number;
  /** Non-blank data rows read. */
  dataRows: number;
  customers: (options: AnalysisOptions) => CustomerTable;
  /**
   * The per-customer-day columns (engine/dayLedger.ts, engine/modelLines.ts) the purchase models
   * and the cohort tables read; undefined when neither was asked for, or when the ledger outgrew
   * its limit.
   */
  modelLines?: () => DayColumns;
  /** True when the per-customer-day ledger outgrew its limit. */
  modelLinesOverflowed: boolean;
}

/** Folds transaction rows batch by batch. */
export class TransactionStream {
  readonly columns: DetectedColumn[];
  readonly fixed: FixedForms;
  private readonly mapping: ColumnMapping;
  private readonly skips: SkipCollector;
  private readonly fold = new CustomerFold(1024);
  private readonly ledger: DayLedger | undefined;
  private readonly formCounts: Partial<Record<DateForm, number>> = {};
  private invalidDates = 0;
  private blankDates = 0;
  private readonly evidence: Partial<Record<TransactionRole, DecimalEvidence>> = {};
  private used = 0;
  private dataRows = 0;
  private readonly window: WindowFilter;
  private readonly windowSpec: ReturnType<typeof analysisWindow>;
  private firstPurchase = Infinity;
  /** The output's currency, from the sample's amounts and the user's option (engine/currency.ts). */
  readonly currency: CurrencyChoice;

  /**
   * @param sample the header and the first rows (at least the 500 detection looks at, when the file has them)
   * @param options the user's options (columns, day/month order, model)
   * @param fixed the forms to read with (a second pass); default: chosen from the sample
   * @throws InputError as detectColumns when a required column is missing
   */
  constructor(private readonly sample: InputTable, private readonly options: AnalysisOptions, fixed?: FixedForms) {
    this.columns = detectColumns(sample, 'transactions', options.columns);
    this.mapping = toColumnMapping(this.columns);
    this.currency = currencyOfInput(sample, this.columns, options.currency);
    this.skips = new SkipCollector(sample);
    this.fixed = fixed ?? this.formsOf(sample);
    this.ledger = keepsDays(options) ? new DayLedger() : undefined;
    this.windowSpec = analysisWindow(options);
    this.window = new WindowFilter(this.windowSpec);
  }

  /** The columns a row needs (the others can be left empty by the reader). */
  get usedColumns(): number[] {
    return Object.values(this.mapping).filter((c): c is number => c !== undefined);
  }

  /**
   * Normalises and folds one batch of rows.
   * @param rows the rows, in file order
   * @param firstRowNumber the file row number of rows[0]
   */
  add(rows: Cell[][], firstRowNumber: number): void {
    const table: InputTable = { header: this.sample.header, rows, firstRowNumber };
    if (this.sample.headerWidth !== undefined) table.headerWidth = this.sample.headerWidth;
    const r = normalizeTransactions(table, this.mapping, { ...normalizeOptionsOf(this.options), fixed: this.fixed, skips: this.skips, amountFactor: this.currency.factor });
    this.count(r.dateColumn);
    for (const role of NUMBER_ROLES) {
      const index = this.mapping[role];
      if (index === undefined) continue;
      const e = decimalEvidenceBy(rows.length, cellReader(table, index));
      const sum = (this.evidence[role] ??= { comma: 0, point: 0 });
      sum.comma += e.comma;
      sum.point += e.point;
    }
    for (const row of rows) if (row.length > 0) this.dataRows++;
    const first = firstPurchaseDay(r.transactions);
    if (first < this.firstPurchase) this.firstPurchase = first;
    const ledger = this.ledger;
    const window = this.window;
    for (const t of r.transactions) {
      if (!window.keeps(t.rowNumber, t.day)) continue;
      const customer = this.fold.add(t);
      ledger?.add(t, isPurchase(t), customer);
      this.used++;
    }
  }

  /**
   * Ends the stream.
   * @returns `{ redo }` with the forms the whole file calls for when they differ from those used
   *   (the host reads the file again into a new stream made with them), else the result
   */
  finish(): { redo: FixedForms } | { result: StreamResult } {
    const dates = resolveDateCounts(this.formCounts, this.invalidDates, this.blankDates, this.options.dayMonthOrder);
    const whole: FixedForms = { numberStyles: {} };
    if (dates.dayMonthOrder) whole.dayMonthOrder = dates.dayMonthOrder;
    for (const role of NUMBER_ROLES) if (this.evidence[role]) whole.numberStyles[role] = numberStyleOf(this.evidence[role]);
    if (!sameForms(whole, this.fixed)) return { redo: whole };
    assertPurchaseBefore(this.firstPurchase, this.windowSpec);
    const ledger = this.ledger;
    const windowed = this.window.report(this.skips.report);
    const result: StreamResult = {
      columns: this.columns,
      skipped: windowed.skipped,
      notes: [...inputNotes(this.sample, this.columns, dates), ...windowed.notes],
      transactions: this.used,
      dataRows: this.dataRows,
      customers: (options) => this.fold.table({ analysisDate: options.analysisDate, monetaryBasis: options.monetaryBasis }),
      modelLinesOverflowed: ledger?.overflowed ?? false,
    };
    if (dates.dayMonthOrder) result.dayMonthOrder = dates.dayMonthOrder;
    if (ledger && !ledger.overflowed) result.modelLines = () => ledger.dayColumns(this.fold.customerIds);
    return { result };
  }

  /** Adds a batch's date-column counts. */
  private count(resolution: DateColumnResolution): void {
    for (const [form, n] of Object.entries(resolution.formCounts)) this.formCounts[form as DateForm] = (this.formCounts[form as DateForm] ?? 0) + (n ?? 0);
    this.invalidDates += resolution.invalid;
    this.blankDates += resolution.blank;
  }

  /** The forms the sample calls for. */
  private formsOf(sample: InputTable): FixedForms {
    const forms: FixedForms = { numberStyles: {} };
    const di = this.mapping.date;
    if (di !== undefined) {
      const order = dateColumn(sample, di, normalizeOptionsOf(this.options)).resolution.dayMonthOrder;
      if (order) forms.dayMonthOrder = order;
    }
    for (const role of NUMBER_ROLES) {
      const index = this.mapping[role];
      if (index !== undefined) forms.numberStyles[role] = numberStyleOf(decimalEvidenceBy(sample.rows.length, cellReader(sample, index)));
    }
    return forms;
  }
}

/** Whether two sets of forms read every cell alike. */
function sameForms(a: FixedForms, b: FixedForms): boolean {
  if ((a.dayMonthOrder ?? '') !== (b.dayMonthOrder ?? '') && a.dayMonthOrder !== undefined) return false;
  return NUMBER_ROLES.every((role) => (a.numberStyles[role]?.decimalSeparator ?? '.') === (b.numberStyles[role]?.decimalSeparator ?? '.'));
}

/**
 * Whether a run needs the per-customer-day ledger: the purchase models read its histories, and
 * the cohort tables which days hold a purchase.
 * @param options the user's options
 * @returns true unless the models are off and no cohorts are asked for
 */
export function keepsDays(options: Pick<AnalysisOptions, 'model' | 'cohorts'>): boolean {
  return options.model !== 'off' || options.cohorts === true;
}
