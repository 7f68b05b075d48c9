/**
 * The CLI's workbook writer: renders a WorkbookPlan to an .xlsx file with ExcelJS, cell for cell
 * as the Office.js writer does: sheets, Excel tables, number and date formats, colour-scale
 * conditional formats, frozen panes, column widths, tab colours and right-to-left sheets.
 *
 * Strings are always written as text (shared strings), never as formulas, so customer data such
 * as `=HYPERLINK(...)` stays inert. ExcelJS cannot make charts or PivotTables: the plan puts a
 * note where each chart goes, and the Matrix sheet's flat table is ready for Insert > PivotTable.
 * The file appears only when complete (written to a temporary name, then renamed).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellBlock, ColorScale, PlanValue, SheetPlan, TableBlock, WorkbookPlan } from '../report/plan';

/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32767;

type CellStyle = NonNullable<CellBlock['style']>;

const FONTS: Record<CellStyle, Partial<ExcelJS.Font> | null> = {
  title: { bold: true, size: 14 },
  heading: { bold: true },
  label: null,
  body: null,
};

/** `#RRGGBB` → ExcelJS's ARGB. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** 0-based column → letters (0 → A, 26 → AA). */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row and column → `A1` address. */
function address(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A plan value as ExcelJS takes it: strings stay strings (never formulas), cut to Excel's limit. */
function cellValue(value: PlanValue): ExcelJS.CellValue {
  if (typeof value === 'string') return value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/** The number format of cell (i, j) of a block: per-cell grid or one per column. */
function blockFormat(block: CellBlock, i: number, j: number): string | null {
  const formats = block.numberFormats;
  if (!formats || formats.length === 0) return null;
  const first = formats[0];
  if (Array.isArray(first)) return (formats as (string | null)[][])[i]?.[j] ?? null;
  return (formats as (string | null)[])[j] ?? null;
}

function writeCells(ws: ExcelJS.Worksheet, block: CellBlock): void {
  const style = block.style ?? 'body';
  block.values.forEach((values, i) => {
    const row = ws.getRow(block.row + i + 1);
    values.forEach((value, j) => {
      const cell = row.getCell(block.column + j + 1);
      cell.value = cellValue(value);
      const format = blockFormat(block, i, j);
      if (format) cell.numFmt = format;
      const font = style === 'label' && j === 0 ? { bold: true } : FONTS[style];
      if (font) cell.font = font;
    });
  });
}

function writeTable(ws: ExcelJS.Worksheet, block: TableBlock): void {
  ws.addTable({
    name: block.name,
    ref: address(block.row, block.column),
    headerRow: true,
    style: { theme: block.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: block.header.map((name) => ({ name, filterButton: true })),
    rows: block.rows.map((row) => row.map(cellValue)),
  });
  // Formats on the data rows only (the header stays General), as the add-in's writer does.
  block.columnFormats.forEach((format, j) => {
    if (!format) return;
    const column = ws.getColumn(block.column + j + 1);
    for (let i = 0; i < block.rows.length; i++) ws.getRow(block.row + i + 2).getCell(column.number).numFmt = format;
  });
}

function rangeRef(scale: ColorScale): string {
  const { row, column, rows, columns } = scale.range;
  return `${address(row, column)}:${address(row + Math.max(rows, 1) - 1, column + Math.max(columns, 1) - 1)}`;
}

function writeColorScale(ws: ExcelJS.Worksheet, scale: ColorScale, priority: number): void {
  const cfvo: ExcelJS.Cvfo[] = [{ type: 'min' }];
  const color: Partial<ExcelJS.Color>[] = [{ argb: argb(scale.minColor) }];
  if (scale.midColor) {
    cfvo.push({ type: 'percentile', value: 50 });
    color.push({ argb: argb(scale.midColor) });
  }
  cfvo.push({ type: 'max' });
  color.push({ argb: argb(scale.maxColor) });
  ws.addConditionalFormatting({ ref: rangeRef(scale), rules: [{ type: 'colorScale', priority, cfvo, color }] as ExcelJS.ConditionalFormattingRule[] });
}

function sheetView(sheet: SheetPlan): Partial<ExcelJS.WorksheetView> {
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  const base = { rightToLeft: sheet.rightToLeft };
  if (!frozen) return { ...base, state: 'normal' };
  return {
    ...base,
    state: 'frozen',
    xSplit: sheet.frozenColumns,
    ySplit: sheet.frozenRows,
    topLeftCell: address(sheet.frozenRows, sheet.frozenColumns),
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: [sheetView(sheet) as ExcelJS.WorksheetView],
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  });
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const block of sheet.blocks) {
    if (block.kind === 'table') writeTable(ws, block);
    else writeCells(ws, block);
  }
  sheet.colorScales.forEach((scale, i) => writeColorScale(ws, scale, i + 1));
}

/**
 * Builds the ExcelJS workbook of a plan (in memory, not written).
 * @param plan the plan
 * @returns the workbook
 */
export function renderWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rfm-excel';
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  return wb;
}

/**
 * Writes a plan to an .xlsx file. The file appears only when it is complete: the workbook is
 * written to a temporary file beside it and renamed; on failure nothing is left behind.
 * @param plan the plan (from report/build.ts buildWorkbookPlan)
 * @param filePath where to write, e.g. `report.xlsx`
 * @throws Error naming the file when it cannot be written
 */
export async function writeWorkbookXlsx(plan: WorkbookPlan, filePath: string): Promise<void> {
  const wb = renderWorkbook(plan);
  const target = path.resolve(filePath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(temp);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new Error(`cannot write ${filePath}: ${(err as Error).message}`);
  }
}
