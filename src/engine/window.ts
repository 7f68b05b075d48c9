/**
 * The analysis window applied to normalised rows: every stage after it (R/F/M/L, scores,
 * segments, matrices, clusters, models) sees only the rows inside it, and the rows outside are
 * reported as skip reasons with their count and first rows (see windowReason in rowRules.ts).
 */
import type { CustomerInput, DayNumber, Note, SkippedReport, Transaction } from './types';
import { formatIsoDate } from './civil';
import { inputError, note } from './messages';
import { isPurchase, todayDayNumber, windowReason, type AnalysisWindow, type WindowReason } from './rowRules';
import { emptySkippedReport, MAX_SKIP_EXAMPLES } from './skipped';
import { messageText } from '../i18n';

/** Examples of window rows kept in the skipped-row report even when earlier skips fill it. */
const RESERVED_EXAMPLES = 3;

/** A day as a message parameter `{name}`: ISO YYYY-MM-DD (the form --analysis-date takes). */
function dayParams(name: string, day: DayNumber): Record<string, string> {
  return { [name]: formatIsoDate(day) };
}

/**
 * The window of a run.
 * @param options the analysis date (if given) and today (default: the current local date)
 * @returns the window
 */
export function analysisWindow(options: { analysisDate?: DayNumber; today?: DayNumber }): AnalysisWindow {
  const today = options.today ?? todayDayNumber();
  return options.analysisDate === undefined ? { today } : { analysisDate: options.analysisDate, today };
}

/** What windowRows returns. */
export interface Windowed<T> {
  rows: T[];
  /** The skipped-row report with the rows outside the window added. */
  skipped: SkippedReport;
  /** One note per reason with its count and first row; empty when every row is inside. */
  notes: Note[];
}

/**
 * Keeps the rows inside the window.
 * @param rows normalised rows (transactions, or customer-level rows by their last purchase)
 * @param dayOf the row's day (undefined: no date, always kept)
 * @param window the analysis window
 * @param skipped the report of earlier skips (not changed; a copy is returned)
 * @returns the kept rows in order, the report and the notes
 * O(n).
 */
export function windowRows<T extends { rowNumber: number }>(rows: readonly T[], dayOf: (row: T) => DayNumber | undefined, window: AnalysisWindow, skipped: SkippedReport = emptySkippedReport()): Windowed<T> {
  const filter = new WindowFilter(window);
  // the kept rows are copied only from the first row outside: usually every row is inside
  let kept: T[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (filter.keeps(r.rowNumber, dayOf(r))) kept?.push(r);
    else kept ??= rows.slice(0, i);
  }
  const { skipped: report, notes } = filter.report(skipped);
  return { rows: notes.length === 0 ? (rows as T[]) : (kept as T[]), skipped: report, notes };
}

/**
 * The window applied row by row (windowRows over a whole array; a streaming reader over batches).
 */
export class WindowFilter {
  private readonly outside: { row: number; reason: WindowReason; day: DayNumber }[] = [];
  private readonly counts: Partial<Record<WindowReason, number>> = {};

  /** @param window the analysis window */
  constructor(private readonly window: AnalysisWindow) {}

  /**
   * Whether a row is inside the window (a row outside is counted).
   * @param rowNumber the row's number, for the report
   * @param day its day (undefined: no date, always kept)
   */
  keeps(rowNumber: number, day: DayNumber | undefined): boolean {
    const reason = day === undefined ? undefined : windowReason(day, this.window);
    if (reason === undefined) return true;
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    if (this.outside.length < MAX_SKIP_EXAMPLES * 2) this.outside.push({ row: rowNumber, reason, day: day as DayNumber });
    return false;
  }

  /**
   * The report with the rows outside added, and one note per reason.
   * @param skipped the report of earlier skips (not changed; a copy is returned when rows were outside)
   */
  report(skipped: SkippedReport): { skipped: SkippedReport; notes: Note[] } {
    if (this.outside.length === 0) return { skipped, notes: [] };
    return { skipped: addToReport(skipped, this.counts, this.outside, this.window), notes: windowNotes(this.counts, this.outside, this.window) };
  }
}

function reasonParams(reason: WindowReason, day: DayNumber, window: AnalysisWindow): { key: string; params: Record<string, string> } {
  return reason === 'after-analysis-date'
    ? { key: 'input.skip.afterAnalysisDate', params: { ...dayParams('day', day), ...dayParams('date', window.analysisDate as DayNumber) } }
    : { key: 'input.skip.futureDate', params: { ...dayParams('day', day), ...dayParams('today', window.today) } };
}

function addToReport(skipped: SkippedReport, counts: Partial<Record<WindowReason, number>>, outside: { row: number; reason: WindowReason; day: DayNumber }[], window: AnalysisWindow): SkippedReport {
  const byReason = { ...skipped.byReason };
  let total = skipped.total;
  for (const [reason, n] of Object.entries(counts) as [WindowReason, number][]) {
    byReason[reason] = (byReason[reason] ?? 0) + n;
    total += n;
  }
  const added = outside.map(({ row, reason, day }) => {
    const { key, params } = reasonParams(reason, day, window);
    return { rowNumber: row, reason, detail: messageText('en', key, params), key, params };
  });
  // the window's first rows stay visible even when earlier skips filled the report
  const reserved = Math.min(RESERVED_EXAMPLES, added.length);
  const earlier = skipped.examples.slice(0, MAX_SKIP_EXAMPLES - reserved);
  const examples = [...earlier, ...added].sort((a, b) => a.rowNumber - b.rowNumber).slice(0, MAX_SKIP_EXAMPLES);
  return { ...skipped, total, byReason, examples };
}

function windowNotes(counts: Partial<Record<WindowReason, number>>, outside: { row: number; reason: WindowReason }[], window: AnalysisWindow): Note[] {
  const notes: Note[] = [];
  for (const reason of ['after-analysis-date', 'future-date'] as const) {
    const count = counts[reason];
    if (!count) continue;
    const row = (outside.find((o) => o.reason === reason) as { row: number }).row;
    notes.push(reason === 'after-analysis-date'
      ? note('input.note.afterAnalysisDate', { rowCount: count, row, ...dayParams('date', window.analysisDate as DayNumber) })
      : note('input.note.futureDate', { rowCount: count, row, ...dayParams('today', window.today) }));
  }
  return notes;
}

/**
 * Checks that some purchase lies before the analysis date.
 * @param transactions normalised rows before the window is applied
 * @param window the analysis window
 * @throws InputError naming the analysis date when it is on or before the first purchase
 */
export function assertWindowHasPurchases(transactions: readonly Transaction[], window: AnalysisWindow): void {
  assertPurchaseBefore(firstPurchaseDay(transactions), window);
}

/**
 * The day of the first purchase among rows (Infinity when none).
 * @param transactions normalised rows
 */
export function firstPurchaseDay(transactions: readonly Transaction[]): number {
  let first = Infinity;
  for (const t of transactions) if (t.day < first && isPurchase(t)) first = t.day;
  return first;
}

/**
 * assertWindowHasPurchases given the first purchase day (a streaming reader keeps the minimum).
 * @param first the first purchase day over all rows (Infinity when none)
 * @param window the analysis window
 * @throws InputError naming the analysis date when it is on or before the first purchase
 */
export function assertPurchaseBefore(first: number, window: AnalysisWindow): void {
  if (window.analysisDate === undefined) return;
  if (Number.isFinite(first) && window.analysisDate <= first) {
    throw inputError('engine.error.analysisDateBeforeData', { ...dayParams('date', window.analysisDate), ...dayParams('first', first) });
  }
}

/** Customer-level rows carry a date only as their last purchase. */
export function lastPurchaseOf(row: CustomerInput): DayNumber | undefined {
  return row.lastPurchase;
}
