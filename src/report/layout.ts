/**
 * Column widths, wrapped text and page setup of every sheet of a plan, from its content: one pass
 * at the end of the plan, so every sheet (today's and those added later) gets them for free.
 *
 * - A column is as wide as its widest shown value (numbers in their format, so never `###`;
 *   headers and labels in full), within MIN_COLUMN_CHARS..MAX_COLUMN_CHARS.
 * - Text longer than MAX_COLUMN_CHARS wraps, except in the body of a table longer than a page
 *   (one line per customer keeps the printout short). A text cell with an empty cell to its right may run
 *   over its neighbours as Excel shows it, so it does not widen its column; it wraps only when it
 *   is longer than the rest of the sheet is wide.
 * - Printing: one page wide, landscape when the sheet is wider than a portrait page, the header
 *   row of a table longer than a page repeated on every page, at most `maxPrintPages` pages tall
 *   when the sheet asks for it (the Summary: two), and a new page before each chart's section so
 *   that no chart is cut between pages.
 */
import type { Lang } from '../i18n';
import type { Block, ChartSpec, PageSetup, PlanRange, SheetPlan, WorkbookPlan } from './plan';
import { valueChars, widestChars } from './displayWidth';
import { cellFormatOf } from './formats';
import { chartPageBreaks } from './pageBreaks';

/** Narrowest column we set, in characters. */
export const MIN_COLUMN_CHARS = 6;
/** Widest column we set; longer text wraps. */
export const MAX_COLUMN_CHARS = 45;
/** Width of a column nothing asked for (Excel's default, 8.43, rounded up). */
export const DEFAULT_COLUMN_CHARS = 9;
/** Widest sheet (in characters at 100%) that prints portrait; wider sheets print landscape. */
export const PORTRAIT_MAX_CHARS = 100;
/** Height of one line of 11 pt text (Excel's default row height), in points: tall rows are lines × this. */
export const LINE_HEIGHT_POINTS = 15;
/** Data rows of a table beyond which its header row repeats on every printed page. */
export const REPEAT_HEADER_ROWS = 40;

/** Room around a value: cell padding, and the filter button of a table header. */
const PADDING_CHARS = 2;
const FILTER_BUTTON_CHARS = 2;
/** Bold text is wider; a title is 14 pt bold against the 11 pt body. */
const BOLD_FACTOR = 1.1;
const TITLE_FACTOR = 1.4;
/**
 * Persian script and Persian digits, in the fonts spreadsheet programs fall back to, run wider
 * than the Latin default font (measured on LibreOffice's PDF of the Persian report).
 */
const PERSIAN_FACTOR = 1.15;
/** Word wrap breaks at word ends, so wrapped text takes a little more room than its characters. */
const WORD_WRAP_SLACK = 1.15;

/** A text cell that may run over empty neighbours. */
interface Overflow {
  row: number;
  column: number;
  chars: number;
}

/** A cell whose text may need more than one line, once the widths are known. */
interface Wrappable {
  row: number;
  column: number;
  /** Width of the text on one line, in characters (style and script factors applied). */
  chars: number;
  /** Characters of the cell that are not text (padding, a filter button). */
  extra: number;
}

interface Needs {
  chars: number[];
  wrappables: Wrappable[];
  overflows: Overflow[];
  /** Long-table columns wrapped in rows held to one line. */
  oneLine: PlanRange[];
}

function need(needs: Needs, column: number, chars: number): void {
  while (needs.chars.length <= column) needs.chars.push(0);
  needs.chars[column] = Math.max(needs.chars[column], chars);
}

/** Width of a header that may wrap on two lines: its longest word, or half of it. */
function wrappedHeaderChars(header: string): number {
  const longestWord = header.split(/\s+/).reduce((max, w) => Math.max(max, w.length), 0);
  return Math.max(longestWord, Math.ceil(header.length / 2));
}

/** Width needed by one column of a table: header (bold, with a filter button; wraps rather than widen) and body. */
function tableColumnNeeds(block: Extract<Block, { kind: 'table' }>, j: number, factor: number, needs: Needs): void {
  const column = block.column + j;
  const format = block.columnFormats[j] ?? null;
  const body = widestChars(block.rows, j, format);
  const headerExtra = FILTER_BUTTON_CHARS + PADDING_CHARS;
  const header = block.header[j].length * BOLD_FACTOR * factor;
  const bodyChars = body * factor;
  const width = Math.max(bodyChars + PADDING_CHARS, Math.min(header, wrappedHeaderChars(block.header[j]) * BOLD_FACTOR * factor) + headerExtra);
  need(needs, column, Math.min(MAX_COLUMN_CHARS, width));
  needs.wrappables.push({ row: block.row, column, chars: header, extra: headerExtra });
  if (bodyChars + PADDING_CHARS <= MAX_COLUMN_CHARS) return;
  if (block.rows.length > REPEAT_HEADER_ROWS) {
    // A table longer than a page keeps one line per row: its long texts (a churn reason per
    // customer) stay whole in their cells, shown cut at the column's edge rather than tripling the
    // pages. Wrapped in rows of a fixed single line, so they neither grow nor run over their
    // neighbours (and past the print area).
    needs.oneLine.push({ row: block.row + 1, column, rows: block.rows.length, columns: 1 });
    return;
  }
  block.rows.forEach((values, i) => {
    const chars = valueChars(values[j], format) * factor;
    if (chars + PADDING_CHARS > MAX_COLUMN_CHARS) needs.wrappables.push({ row: block.row + 1 + i, column, chars, extra: PADDING_CHARS });
  });
}

function styleFactor(block: Extract<Block, { kind: 'cells' }>, j: number): number {
  if (block.style === 'title') return TITLE_FACTOR;
  if (block.style === 'heading' || (block.style === 'label' && j === 0)) return BOLD_FACTOR;
  return 1;
}

/** True when the cell right of (row, column) holds something (a value, a table cell or a chart). */
function rightIsTaken(sheet: SheetPlan, row: number, column: number): boolean {
  const c = column + 1;
  for (const b of sheet.blocks) {
    if (b.kind === 'table') {
      if (row >= b.row && row <= b.row + b.rows.length && c >= b.column && c < b.column + b.header.length) return true;
    } else {
      const value = b.values[row - b.row]?.[c - b.column];
      if (value !== undefined && value !== null && value !== '') return true;
    }
  }
  return sheet.charts.some((ch) => inside(ch.anchor, row, c));
}

function inside(r: PlanRange, row: number, column: number): boolean {
  return row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;
}

function cellBlockNeeds(sheet: SheetPlan, block: Extract<Block, { kind: 'cells' }>, factor: number, needs: Needs): void {
  block.values.forEach((line, i) => line.forEach((value, j) => {
    const chars = valueChars(value, cellFormatOf(block, i, j)) * styleFactor(block, j) * factor;
    if (chars === 0) return;
    const row = block.row + i;
    const column = block.column + j;
    if (typeof value === 'string' && !rightIsTaken(sheet, row, column)) {
      needs.overflows.push({ row, column, chars });
      return;
    }
    need(needs, column, Math.min(MAX_COLUMN_CHARS, chars + PADDING_CHARS));
    if (typeof value === 'string') needs.wrappables.push({ row, column, chars, extra: PADDING_CHARS });
  }));
}

/** Columns the sheet uses: its blocks and its charts. */
function usedColumns(sheet: SheetPlan): number {
  const ends = sheet.blocks.map((b) => b.column + (b.kind === 'table' ? b.header.length : Math.max(0, ...b.values.map((r) => r.length))));
  return Math.max(0, ...ends, ...sheet.charts.map((c: ChartSpec) => c.anchor.column + c.anchor.columns));
}

/** Lines a text takes in a column, with some slack for breaking at word ends. */
function linesIn(chars: number, roomChars: number): number {
  return Math.max(1, Math.ceil((chars * WORD_WRAP_SLACK) / Math.max(1, roomChars)));
}

/**
 * Sets a sheet's column widths, wrapped cells and tall rows from its content, replacing any widths
 * set before. O(cells).
 * @param sheet the sheet, changed in place
 * @param lang output language (Persian text runs wider)
 */
export function fitColumns(sheet: SheetPlan, lang: Lang): void {
  const factor = lang === 'fa' ? PERSIAN_FACTOR : 1;
  const needs: Needs = { chars: [], wrappables: [], overflows: [], oneLine: [] };
  for (const block of sheet.blocks) {
    if (block.kind === 'table') block.header.forEach((_, j) => tableColumnNeeds(block, j, factor, needs));
    else cellBlockNeeds(sheet, block, factor, needs);
  }
  const columns = usedColumns(sheet);
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) {
    const chars = needs.chars[c] ?? 0;
    widths.push(chars > 0 ? Math.round(Math.max(MIN_COLUMN_CHARS, chars) * 10) / 10 : DEFAULT_COLUMN_CHARS);
  }
  for (const o of needs.overflows) {
    // The text may run over the columns to its right, up to the sheet's last used column.
    const room = widths.slice(o.column).reduce((sum, w) => sum + w, 0);
    if (o.chars + PADDING_CHARS <= room) continue;
    // Too long to run over its neighbours: its column takes the widest width and the text wraps in it.
    widths[o.column] = Math.max(widths[o.column], MAX_COLUMN_CHARS);
    needs.wrappables.push({ row: o.row, column: o.column, chars: o.chars, extra: PADDING_CHARS });
  }
  const wraps: PlanRange[] = [];
  const lines = new Map<number, number>();
  for (const w of needs.wrappables) {
    if (w.chars + w.extra <= widths[w.column]) continue;
    wraps.push({ row: w.row, column: w.column, rows: 1, columns: 1 });
    lines.set(w.row, Math.max(lines.get(w.row) ?? 1, linesIn(w.chars, widths[w.column] - w.extra)));
  }
  const fixed = new Map<number, number>([...lines].filter(([, n]) => n > 1));
  for (const range of needs.oneLine) {
    wraps.push(range);
    for (let row = range.row; row < range.row + range.rows; row++) if (!fixed.has(row)) fixed.set(row, 1);
  }
  sheet.columnWidths = widths;
  sheet.wrapText = wraps;
  sheet.tallRows = [...fixed].map(([row, n]) => ({ row, lines: n })).sort((a, b) => a.row - b.row);
}

/** The table whose header repeats on printed pages: the longest one, when it is longer than a page. */
function titleRows(sheet: SheetPlan): PageSetup['titleRows'] {
  let longest: Extract<Block, { kind: 'table' }> | null = null;
  for (const b of sheet.blocks) if (b.kind === 'table' && (!longest || b.rows.length > longest.rows.length)) longest = b;
  return longest && longest.rows.length > REPEAT_HEADER_ROWS ? { first: longest.row, last: longest.row } : null;
}

/**
 * The page setup of a sheet whose widths are set: one page wide, landscape when wide, a new page
 * at the top of each chart's section (report/pageBreaks.ts).
 * @param sheet the sheet (after fitColumns)
 */
export function pageSetupOf(sheet: SheetPlan): PageSetup {
  const width = sheet.columnWidths.reduce((sum, w) => sum + w, 0);
  const setup: PageSetup = {
    orientation: width > PORTRAIT_MAX_CHARS ? 'landscape' : 'portrait',
    fitToWidth: 1,
    fitToHeight: sheet.maxPrintPages ?? 0,
    titleRows: titleRows(sheet),
  };
  const breaks = chartPageBreaks(sheet);
  if (breaks.length > 0) setup.rowBreaks = breaks;
  return setup;
}

/**
 * Lays out every sheet of a plan: widths, wrapped text and page setup.
 * @param plan the plan, changed in place
 */
export function layOutPlan(plan: WorkbookPlan): void {
  for (const sheet of plan.sheets) {
    fitColumns(sheet, plan.lang);
    sheet.pageSetup = pageSetupOf(sheet);
  }
}
