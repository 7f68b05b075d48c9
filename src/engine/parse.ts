/**
 * Transaction rows → Transaction[] plus a report of the rows that could not be used.
 *
 * Each column's form is resolved once (date form and day/month order; decimal separator), then
 * every row takes a fast path: char-code parsing, no regex, no Date objects.
 * amount = the amount column, or quantity × unit price (also where the amount cell is empty);
 * negative amounts are returns; zero amounts are purchases (or skipped, by choice) unless the
 * quantity is negative (see classifyAmount). Blank rows are ignored silently.
 */
import type { ColumnMapping, DayMonthOrder, InputTable, SkippedReport, Transaction, TransactionRole } from './types';
import type { NumberStyle } from './numbers';
import { inputError } from './messages';
import { isBlankCell } from './cellText';
import type { Cell } from './types';
import { DATE_BLANK, type DateColumnResolution } from './dates';
import { normalizeId } from './numbers';
import { dateColumn, errorColumn, isBlankRow, numberColumnParser, orderHint } from './rows';
import { SkipCollector } from './skipped';
import { classifyAmount, DEFAULT_ZERO_AMOUNTS, type ZeroAmountRule } from './rowRules';
import { convertAmount } from './currency';

/** Options of normalisation. */
export interface NormalizeOptions {
  /** How to read ambiguous day/month dates when the values cannot tell. */
  dayMonthOrder?: DayMonthOrder;
  /** What a zero-amount line is (default 'purchase'; see classifyAmount). */
  zeroAmounts?: ZeroAmountRule;
  /**
   * Forms chosen for the whole file by a reader that normalises it in batches (see
   * engine/transactionStream.ts): every batch reads its day/month dates and numbers alike.
   */
  fixed?: FixedForms;
  /** The collector to report into (a streaming reader shares one across batches). */
  skips?: SkipCollector;
  /** Multiplies every amount and cost: a currency conversion (engine/currency.ts); default 1. */
  amountFactor?: number;
}

/** Column forms decided for a whole file rather than per table. */
export interface FixedForms {
  dayMonthOrder?: DayMonthOrder;
  numberStyles: Partial<Record<TransactionRole, NumberStyle>>;
}

/** What normalizeTransactions returns. */
export interface NormalizedTransactions {
  transactions: Transaction[];
  skipped: SkippedReport;
  /** The order used for day/month dates; absent when the column has none. */
  dayMonthOrder?: DayMonthOrder;
  /** How the date column was read (forms, mixed-form note). */
  dateColumn: DateColumnResolution;
}

/**
 * Normalises transaction rows.
 * @param table the input
 * @param columns role → column index; needs customer, date, and amount or quantity + price
 * @param opts dayMonthOrder for ambiguous dates; zeroAmounts
 * @returns the usable transactions in row order, the skipped-row report (returnsOnlyCustomers
 *   left empty for the core to fill) and the day/month order used
 * @throws InputError when the mapping lacks a required column
 * O(n) in the rows.
 */
export function normalizeTransactions(
  table: InputTable,
  columns: ColumnMapping,
  opts: NormalizeOptions = {},
): NormalizedTransactions {
  const { customer: ci, date: di, amount: ai, quantity: qi, price: pi, order: oi, cost: ki } = columns;
  const hasProduct = qi !== undefined && pi !== undefined;
  if (ci === undefined || di === undefined || (ai === undefined && !hasProduct)) {
    throw inputError('input.error.transactionColumnsUnset');
  }
  const rows = table.rows;
  const firstRow = table.firstRowNumber ?? 2;
  const styles = opts.fixed?.numberStyles ?? {};
  const dates = dateColumn(table, di, { dayMonthOrder: opts.dayMonthOrder, fixedDayMonthOrder: opts.fixed?.dayMonthOrder });
  const days = dates.days;
  const hint = orderHint(opts.fixed?.dayMonthOrder ? { ...dates.resolution, dayMonthOrder: opts.fixed.dayMonthOrder } : dates.resolution);
  const parseAmount = numberColumnParser(table, ai, styles.amount);
  const parseQuantity = numberColumnParser(table, qi, styles.quantity);
  const parsePrice = numberColumnParser(table, pi, styles.price);
  const parseCost = numberColumnParser(table, ki, styles.cost);
  const used = [ci, di, ai, qi, pi, oi, ki].filter((c): c is number => c !== undefined);
  const skips = opts.skips ?? new SkipCollector(table);
  const width = table.headerWidth;
  const transactions: Transaction[] = [];
  const zeroAmounts = opts.zeroAmounts ?? DEFAULT_ZERO_AMOUNTS;
  const factor = opts.amountFactor ?? 1;

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined || row === null) continue;
    const rowNumber = firstRow + r;
    const customerCell = row[ci];
    const dateCell = row[di];
    const amountCell = ai === undefined ? undefined : row[ai];
    if (isBlankCell(customerCell) && isBlankCell(dateCell) && isBlankCell(amountCell) && isBlankRow(row, used)) continue;
    const extra = width === undefined || row.length <= width ? -1 : firstValueFrom(row, width);
    if (extra >= 0) { skips.skip(rowNumber, 'extra-cells', extra, row[extra]); continue; }
    const bad = errorColumn(row, used);
    if (bad >= 0) { skips.skip(rowNumber, 'error-cell', bad, row[bad]); continue; }

    const customerId = normalizeId(customerCell);
    if (customerId === undefined) { skips.skip(rowNumber, 'missing-customer', ci, customerCell); continue; }
    const day = days[r];
    if (day === DATE_BLANK) { skips.skip(rowNumber, 'missing-date', di, dateCell); continue; }
    if (day !== day) { skips.skip(rowNumber, 'bad-date', di, dateCell, hint); continue; }

    let amount = ai === undefined ? undefined : parseAmount(amountCell);
    if (amount !== undefined && amount !== amount) { skips.skip(rowNumber, 'bad-amount', ai as number, amountCell); continue; }
    if (amount === undefined && hasProduct) {
      const quantity = parseQuantity(row[qi]);
      const price = parsePrice(row[pi]);
      if (quantity === undefined) { skips.skip(rowNumber, 'missing-amount', qi, row[qi]); continue; }
      if (quantity !== quantity) { skips.skip(rowNumber, 'bad-number', qi, row[qi]); continue; }
      if (price === undefined) { skips.skip(rowNumber, 'missing-amount', pi, row[pi]); continue; }
      if (price !== price) { skips.skip(rowNumber, 'bad-number', pi, row[pi]); continue; }
      amount = quantity * price;
      if (!Number.isFinite(amount)) { skips.skip(rowNumber, 'bad-amount', -1, undefined, 'input.skip.productTooLarge'); continue; }
    }
    if (amount === undefined) { skips.skip(rowNumber, 'missing-amount', ai as number, amountCell); continue; }
    // only a zero amount needs the quantity's sign (a zero-amount return)
    const zeroClass = amount === 0 ? classifyAmount(0, qi === undefined ? undefined : parseQuantity(row[qi]), zeroAmounts) : undefined;
    if (zeroClass === 'zero-amount') { skips.skip(rowNumber, 'zero-amount', ai ?? -1, amountCell, ai === undefined ? 'input.skip.productZero' : undefined); continue; }
    if (amount === 0) amount = 0; // -1 × 0 is -0: one zero for sums and output
    if (factor !== 1) amount = convertAmount(amount, factor);

    let cost = ki === undefined ? undefined : parseCost(row[ki]);
    if (cost !== undefined && cost !== cost) { skips.skip(rowNumber, 'bad-number', ki as number, row[ki as number]); continue; }
    if (cost !== undefined && factor !== 1) cost = convertAmount(cost, factor);
    // one literal per shape: adding fields later would cost a second allocation per row
    const orderId = oi === undefined ? undefined : normalizeId(row[oi]);
    const t: Transaction = oi === undefined
      ? ki === undefined ? { customerId, day, amount, rowNumber } : { customerId, day, amount, cost, rowNumber }
      : ki === undefined ? { customerId, day, amount, orderId, rowNumber } : { customerId, day, amount, orderId, cost, rowNumber };
    if (zeroClass === 'return') t.isReturn = true;
    transactions.push(t);
  }
  const out: NormalizedTransactions = { transactions, skipped: skips.report, dateColumn: dates.resolution };
  if (dates.resolution.dayMonthOrder) out.dayMonthOrder = dates.resolution.dayMonthOrder;
  return out;
}


/** Index of the first non-blank cell at or after `from`, or -1. */
function firstValueFrom(row: readonly unknown[], from: number): number {
  for (let c = from; c < row.length; c++) if (!isBlankCell(row[c] as Cell)) return c;
  return -1;
}
