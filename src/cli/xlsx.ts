/**
 * The CLI's workbook writer: renders a WorkbookPlan to an .xlsx file with ExcelJS, cell for cell
 * as the Office.js writer does: sheets, Excel tables, number and date formats, colour-scale
 * conditional formats, frozen panes, column widths, wrapped text, page setup (with the manual page
 * breaks that keep charts whole), tab colours and right-to-left sheets.
 *
 * Streams: ExcelJS's streaming writer sends each row into the zip (native zlib) as soon as it is
 * complete, so memory grows with one sheet's XML at most, not with ExcelJS cell objects.
 * Strings are always written as text (shared strings), never as formulas, so customer data such
 * as `=HYPERLINK(...)` stays inert. ExcelJS has no tables or charts in streaming mode: the
 * table and chart parts are added to its zip (xlsxTables.ts, xlsxCharts.ts). PivotTables are
 * left to the add-in. The file appears only when complete (temporary name, then rename).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Block, CellBlock, ColorScale, PlanRange, PlanValue, SheetPlan, WorkbookPlan } from '../report/plan';
import { columnLetter } from '../engine';
import { TableParts } from './xlsxTables';
import { ChartParts } from './xlsxCharts';
import { RawRowWriter, type RawValue } from './xlsxRows';
import { writeAtomically } from './atomicWrite';
import { EXCEL_MAX_CELL_CHARS } from './xlsxLimits';
import { LINE_HEIGHT_POINTS } from '../report/layout';
import { cellFormatOf } from '../report/formats';
import type { StreamingWorksheetBreaks } from './exceljsParts';

type CellStyle = NonNullable<CellBlock['style']>;

const FONTS: Record<CellStyle, Partial<ExcelJS.Font> | null> = {
  title: { bold: true, size: 14 },
  heading: { bold: true },
  label: null,
  body: null,
};
const BOLD: Partial<ExcelJS.Font> = { bold: true };
/** Wrapped text, aligned to the top so that a wrapped cell's neighbours line up with its first line. */
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
/** Every cell of a tall row aligns to the top, beside the first line of its wrapped neighbour. */
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };

/** `#RRGGBB` → ExcelJS's ARGB. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** 0-based row and column → `A1` address. */
function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** A plan value as written: strings stay strings (never formulas), cut to Excel's limit. */
function cellValue(value: PlanValue | undefined): RawValue {
  return typeof value === 'string' && value.length > EXCEL_MAX_CELL_CHARS ? value.slice(0, EXCEL_MAX_CELL_CHARS) : value;
}

function blockHeight(block: Block): number {
  return block.kind === 'table' ? block.rows.length + 1 : block.values.length;
}

/**
 * Shared style objects, one per (number format, font): ExcelJS's style registry recognises an
 * object it has seen (a WeakMap) and skips re-serialising it, which dominates the time per cell.
 * The objects are never mutated after they are handed out.
 */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  get(format: string | null, font: Partial<ExcelJS.Font> | null, wrap = false, top = false): Partial<ExcelJS.Style> {
    const key = `${format ?? ''}\u0000${font ? JSON.stringify(font) : ''}\u0000${wrap ? 1 : 0}${top ? 1 : 0}`;
    let style = this.styles.get(key);
    if (!style) {
      style = {};
      if (format) style.numFmt = format;
      if (font) style.font = font;
      if (wrap) style.alignment = WRAP;
      else if (top) style.alignment = TOP;
      this.styles.set(key, style);
    }
    return style;
  }
}

/** True when (row, column) is in one of the ranges. */
function within(ranges: readonly PlanRange[], row: number, column: number): boolean {
  return ranges.some((r) => row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns);
}

/** Writes line `i` of a block into the current row; `wraps` are the sheet's wrapped ranges that meet the block. */
function writeBlockLine(out: RawRowWriter, row: number, block: Block, i: number, styles: StyleCache, wraps: readonly PlanRange[], tall: boolean): void {
  if (block.kind === 'table') {
    const values = i === 0 ? block.header : block.rows[i - 1];
    for (let j = 0; j < block.header.length; j++) {
      const column = block.column + j;
      const wrap = wraps.length > 0 && within(wraps, row, column);
      out.cell(row, column, cellValue(values[j]), styles.get(i > 0 ? block.columnFormats[j] : null, null, wrap, tall));
    }
    return;
  }
  const style = block.style ?? 'body';
  block.values[i].forEach((value, j) => {
    const column = block.column + j;
    const wrap = wraps.length > 0 && within(wraps, row, column);
    out.cell(row, column, cellValue(value), styles.get(cellFormatOf(block, i, j), style === 'label' && j === 0 ? BOLD : FONTS[style], wrap, tall));
  });
}

/** The wrapped ranges that meet a block. */
function wrapsOf(block: Block, wraps: readonly PlanRange[]): PlanRange[] {
  const rows = blockHeight(block);
  const columns = block.kind === 'table' ? block.header.length : Math.max(0, ...block.values.map((v) => v.length));
  return wraps.filter((r) => r.row < block.row + rows && r.row + r.rows > block.row && r.column < block.column + columns && r.column + r.columns > block.column);
}

/** Writes every block row by row, in sheet order (blocks never overlap; several may share rows). */
async function writeRows(out: RawRowWriter, sheet: SheetPlan, styles: StyleCache): Promise<void> {
  const { blocks } = sheet;
  const wraps = sheet.wrapText ?? [];
  const heights = new Map((sheet.tallRows ?? []).map((t) => [t.row, t.lines * LINE_HEIGHT_POINTS]));
  const spans = blocks.map((block) => ({ block, start: block.row, end: block.row + blockHeight(block), wraps: wrapsOf(block, wraps) }))
    .sort((a, b) => a.start - b.start);
  let next = 0;
  let active: typeof spans = [];
  for (let r = spans[0]?.start ?? 0; next < spans.length || active.length > 0; r++) {
    const before = active.length;
    while (next < spans.length && spans[next].start <= r) active.push(spans[next++]);
    active = active.filter((s) => s.end > r);
    if (active.length === 0) {
      if (next < spans.length) r = spans[next].start - 1;
      continue;
    }
    // Cells of a row must come in column order: keep the active blocks sorted by column.
    if (active.length !== before || active.length > 1) active.sort((a, b) => a.block.column - b.block.column);
    const tall = heights.has(r);
    for (const span of active) writeBlockLine(out, r, span.block, r - span.start, styles, span.wraps, tall);
    if (out.endRow(r, heights.get(r))) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  out.flush();
}

function rangeRef(scale: ColorScale): string {
  const { row, column, rows, columns } = scale.range;
  return `${address(row, column)}:${address(row + Math.max(rows, 1) - 1, column + Math.max(columns, 1) - 1)}`;
}

function colorScaleRule(scale: ColorScale, priority: number): ExcelJS.ConditionalFormattingRule {
  const cfvo: ExcelJS.Cvfo[] = [{ type: 'min' }];
  const color: Partial<ExcelJS.Color>[] = [{ argb: argb(scale.minColor) }];
  if (scale.midColor) {
    cfvo.push({ type: 'percentile', value: 50 });
    color.push({ argb: argb(scale.midColor) });
  }
  cfvo.push({ type: 'max' });
  color.push({ argb: argb(scale.maxColor) });
  return { type: 'colorScale', priority, cfvo, color } as ExcelJS.ConditionalFormattingRule;
}

function sheetView(sheet: SheetPlan): Partial<ExcelJS.WorksheetView> {
  const base = { rightToLeft: sheet.rightToLeft };
  if (sheet.frozenRows === 0 && sheet.frozenColumns === 0) return { ...base, state: 'normal' };
  return {
    ...base,
    state: 'frozen',
    xSplit: sheet.frozenColumns,
    ySplit: sheet.frozenRows,
    topLeftCell: address(sheet.frozenRows, sheet.frozenColumns),
  };
}

/**
 * The plan's print setup as ExcelJS's page setup: fit to pages (fitToHeight 0 = as many pages down
 * as needed, ECMA-376 Part 1, 18.3.1.63 pageSetup), orientation, and the repeated rows as the
 * sheet's `_xlnm.Print_Titles` name (ExcelJS writes it into workbook.xml).
 */
function pageSetup(sheet: SheetPlan): Partial<ExcelJS.PageSetup> | undefined {
  const setup = sheet.pageSetup;
  if (!setup) return undefined;
  return {
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: setup.fitToWidth,
    fitToHeight: setup.fitToHeight,
    ...(setup.titleRows ? { printTitlesRow: `${setup.titleRows.first + 1}:${setup.titleRows.last + 1}` } : {}),
  };
}

/** Excel's last column, 0-based (XFD): a row break runs across every column. */
const LAST_COLUMN = 16383;

/**
 * The plan's manual page breaks (report/pageBreaks.ts: a new page above each chart's section) as
 * the sheet's `<rowBreaks>`: a break above 0-based row r has `id` r.
 */
function addRowBreaks(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const breaks = (ws as unknown as StreamingWorksheetBreaks).rowBreaks;
  for (const row of sheet.pageSetup?.rowBreaks ?? []) breaks.push({ id: row, max: LAST_COLUMN, man: 1 });
}

/** Writers of the parts ExcelJS's streaming writer lacks. */
interface ExtraParts {
  tables: TableParts;
  charts: ChartParts;
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetPlan, parts: ExtraParts, styles: StyleCache): Promise<void> {
  const setup = pageSetup(sheet);
  const ws = wb.addWorksheet(sheet.name, {
    views: [sheetView(sheet) as ExcelJS.WorksheetView],
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    ...(setup ? { pageSetup: setup } : {}),
  });
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  addRowBreaks(ws, sheet);
  await writeRows(new RawRowWriter(wb, ws), sheet, styles);
  sheet.colorScales.forEach((scale, i) => ws.addConditionalFormatting({ ref: rangeRef(scale), rules: [colorScaleRule(scale, i + 1)] }));
  const sheetTables = sheet.blocks.flatMap((b) => (b.kind === 'table'
    ? [{ block: b, ref: `${address(b.row, b.column)}:${address(b.row + b.rows.length, b.column + b.header.length - 1)}` }]
    : []));
  parts.tables.addSheetTables(wb, ws, sheetTables);
  parts.charts.addSheetCharts(wb, ws, sheet);
  ws.commit();
}

/**
 * Writes a plan to an .xlsx file. The file appears only when it is complete (cli/atomicWrite.ts:
 * a temporary file beside it, then a rename); on failure nothing is left behind.
 * O(cells) time; memory bounded by one sheet's compressed stream, not by the cell count.
 * @param plan the plan (from report/build.ts buildWorkbookPlan)
 * @param filePath where to write, e.g. `report.xlsx`
 * @throws InputError naming the file when it cannot be written
 */
export async function writeWorkbookXlsx(plan: WorkbookPlan, filePath: string): Promise<void> {
  await writeAtomically(filePath, async (temp) => {
    // Our own file stream, so that its errors (a full disk: ENOSPC) end the write. With
    // `filename`, ExcelJS listens for them only in its final step: an earlier failure left
    // the zip waiting forever and the process ended with exit 0 and no file.
    const file = fs.createWriteStream(temp);
    const failed = new Promise<never>((_resolve, reject) => file.on('error', reject));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } });
    wb.creator = 'rfm-excel';
    const parts: ExtraParts = { tables: new TableParts(wb), charts: new ChartParts(wb) };
    const styles = new StyleCache();
    const write = async () => {
      for (const sheet of plan.sheets) await writeSheet(wb, sheet, parts, styles);
      await wb.commit();
    };
    const writing = write();
    writing.catch(() => undefined); // after a stream error the writer may fail too: that one is not reported
    try {
      await Promise.race([writing, failed]);
    } finally {
      file.destroy();
    }
  });
}
