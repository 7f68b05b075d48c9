/**
 * Collects skipped rows: a count per reason and the first ten examples with a short detail.
 * Details are built only while fewer than ten examples exist, so skipping a million rows costs
 * no string building.
 */
import type { Cell, InputTable, SkipReason, SkippedReport } from './types';
import { columnLetter, describeCell, isBlankCell } from './cellText';
import { messageText, type MessageParams } from '../i18n';

/** How many example rows a report keeps. */
export const MAX_SKIP_EXAMPLES = 10;

/** An empty report (also the shape the core fills with returns-only customers). */
export function emptySkippedReport(): SkippedReport {
  return { total: 0, byReason: {}, examples: [], returnsOnlyCustomers: { count: 0, examples: [] } };
}

/** Accumulates skipped rows for one table. */
export class SkipCollector {
  readonly report: SkippedReport = emptySkippedReport();

  /** @param table the table whose rows are skipped (its header names the columns in messages) */
  constructor(private readonly table: InputTable) {}

  /** The header of a column as a message parameter, or `column C` (a key) when it has none. */
  private columnParams(index: number): MessageParams {
    const h = this.table.header[index];
    const text = h === undefined || h === null ? '' : String(h).trim();
    return text === '' ? { columnKey: 'input.cell.column', letter: columnLetter(index) } : { column: text };
  }

  /**
   * Records a skipped row.
   * @param rowNumber 1-based row as the user sees it
   * @param column the column at fault, or -1 when no single column is (then `extra` is the detail)
   * @param cell the value at fault (shown in the detail)
   * @param extraKey string key of words appended to the detail, e.g. `input.skip.readAs.dmy`
   *   (when column < 0: the key of the whole detail)
   */
  skip(rowNumber: number, reason: SkipReason, column: number, cell: Cell, extraKey?: string): void {
    const r = this.report;
    r.total++;
    r.byReason[reason] = (r.byReason[reason] ?? 0) + 1;
    if (r.examples.length >= MAX_SKIP_EXAMPLES) return;
    const { key, params } = this.detail(reason, column, cell, extraKey);
    const detail = messageText('en', key, params);
    r.examples.push(params ? { rowNumber, reason, detail, key, params } : { rowNumber, reason, detail, key });
  }

  /** The detail's string key and parameters (its English text is what `detail` holds). */
  private detail(reason: SkipReason, column: number, cell: Cell, extraKey?: string): { key: string; params?: MessageParams } {
    const reasonKey = `input.skip.reason.${reason}`;
    if (column < 0) return { key: extraKey ?? reasonKey };
    const where = this.columnParams(column);
    if (reason === 'missing-customer' || reason === 'missing-date' || reason === 'missing-amount') {
      return { key: 'input.skip.empty', params: { reasonKey, ...where } };
    }
    const value: MessageParams = isBlankCell(cell) ? { valueKey: 'input.cell.empty' } : { value: describeCell(cell) };
    if (extraKey) return { key: 'input.skip.valueHint', params: { ...where, ...value, reasonKey, hintKey: extraKey } };
    return { key: 'input.skip.value', params: { ...where, ...value, reasonKey } };
  }
}
