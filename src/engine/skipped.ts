/**
 * Collects skipped rows: a count per reason and the first ten examples with a short detail.
 * Details are built only while fewer than ten examples exist, so skipping a million rows costs
 * no string building.
 */
import type { Cell, InputTable, SkipReason, SkippedReport } from './types';
import { columnLetter, describeCell } from './cellText';

/** How many example rows a report keeps. */
export const MAX_SKIP_EXAMPLES = 10;

/** An empty report (also the shape the core fills with returns-only customers). */
export function emptySkippedReport(): SkippedReport {
  return { total: 0, byReason: {}, examples: [], returnsOnlyCustomers: { count: 0, examples: [] } };
}

/** Short explanations per reason, appended to `<column>: <value>` in example details. */
const REASON_TEXT: Record<SkipReason, string> = {
  'missing-customer': 'no customer id',
  'bad-date': 'is not a date',
  'missing-date': 'no date',
  'bad-amount': 'is not an amount',
  'missing-amount': 'no amount',
  'zero-amount': 'is zero',
  'bad-number': 'is not a number',
  'error-cell': 'is an Excel error',
};

/** Accumulates skipped rows for one table. */
export class SkipCollector {
  readonly report: SkippedReport = emptySkippedReport();

  constructor(private readonly table: InputTable) {}

  /** The header of a column, or `column C` when it has none. */
  label(index: number): string {
    const h = this.table.header[index];
    const text = h === undefined || h === null ? '' : String(h).trim();
    return text === '' ? `column ${columnLetter(index)}` : text;
  }

  /**
   * Records a skipped row.
   * @param rowNumber 1-based row as the user sees it
   * @param column the column at fault, or -1 when no single column is (then `extra` is the detail)
   * @param cell the value at fault (shown in the detail)
   * @param extra words appended to the detail, e.g. `(read as day/month/year)`
   */
  skip(rowNumber: number, reason: SkipReason, column: number, cell: Cell, extra?: string): void {
    const r = this.report;
    r.total++;
    r.byReason[reason] = (r.byReason[reason] ?? 0) + 1;
    if (r.examples.length >= MAX_SKIP_EXAMPLES) return;
    r.examples.push({ rowNumber, reason, detail: this.detail(reason, column, cell, extra) });
  }

  private detail(reason: SkipReason, column: number, cell: Cell, extra?: string): string {
    if (column < 0) return extra ?? REASON_TEXT[reason];
    if (reason === 'missing-customer' || reason === 'missing-date' || reason === 'missing-amount') {
      return `${REASON_TEXT[reason]} (${this.label(column)} is empty)`;
    }
    const text = `${this.label(column)}: ${describeCell(cell)} ${REASON_TEXT[reason]}`;
    return extra ? `${text} ${extra}` : text;
  }
}
