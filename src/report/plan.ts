/**
 * WorkbookPlan: the one description of what the product writes to a workbook.
 *
 * `report/build.ts` makes a plan from an Analysis; the Office.js writer (`excel/`) and the
 * ExcelJS writer (`cli/xlsx.ts`) render it cell for cell. Neither writer decides what goes on a
 * sheet, so the add-in and the CLI produce the same workbook.
 *
 * Coordinates are 0-based (row 0 / column 0 = A1). Values are plain data: a string is always
 * written as text, even when it starts with `=`, `+`, `-` or `@` (writers must not let Excel
 * evaluate it). Numbers that are dates carry a date number format; their value is an Excel serial.
 */

/** A value in a cell. */
export type PlanValue = string | number | boolean | null;

/** Stable identity of our sheets, independent of the display language. */
export type SheetKey = 'summary' | 'customers' | 'matrix' | 'clusters' | 'modelCheck' | 'migration' | 'cohorts' | 'rules'
  /** A campaign list the pane writes on request: a new sheet each time, never one of a run's outputs. */
  | 'list';

/** A rectangle on one sheet, 0-based. */
export interface PlanRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Plain cells (titles, labels, small grids) placed on a sheet. */
export interface CellBlock {
  kind: 'cells';
  row: number;
  column: number;
  values: PlanValue[][];
  /** Same shape as values, or one format per column (applied to every row). */
  numberFormats?: (string | null)[][] | (string | null)[];
  /** Visual role: `title` (large bold), `heading` (bold), `label` (bold first column), `body`. */
  style?: 'title' | 'heading' | 'label' | 'body';
}

/** An Excel table (ListObject) with a header row. */
export interface TableBlock {
  kind: 'table';
  /** Workbook-unique table name (letters, digits, underscore). */
  name: string;
  row: number;
  column: number;
  header: string[];
  rows: PlanValue[][];
  /** One number format per column, null = General. */
  columnFormats: (string | null)[];
  /** Built-in style name, e.g. `TableStyleMedium2`. */
  style: string;
}

/** A block of a sheet. */
export type Block = CellBlock | TableBlock;

/** A two- or three-colour scale conditional format. */
export interface ColorScale {
  range: PlanRange;
  /** Hex colours `#RRGGBB` for the lowest, optional midpoint (50th percentile), and highest value. */
  minColor: string;
  midColor?: string;
  maxColor: string;
}

/** A native chart drawn from a range of the same sheet (first column = categories). */
export interface ChartSpec {
  type: 'columnClustered' | 'barClustered' | 'pie';
  title: string;
  /** Categories in the first column, one series per further column, header row first. */
  source: PlanRange;
  /** Where the chart's top-left corner sits, and its size in cells. */
  anchor: PlanRange;
}

/** A PivotTable from a table of the plan (written only where the host supports it). */
export interface PivotSpec {
  name: string;
  sourceTable: string;
  /** Top-left cell on this sheet. */
  row: number;
  column: number;
  rowFields: string[];
  columnFields: string[];
  dataFields: { field: string; summarizeBy: 'sum' | 'count' | 'average' }[];
}

/**
 * How a sheet prints (report/layout.ts decides it from the sheet's content). Both writers set it:
 * ExcelJS's page setup in the CLI, `Worksheet.pageLayout` (ExcelApi 1.9) in the add-in.
 */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** Pages across: the sheet is scaled down to fit (always 1). */
  fitToWidth: number;
  /** Pages down at most; 0 = as many as the rows need. */
  fitToHeight: number;
  /** 0-based rows printed at the top of every page (a long table's header row), or null. */
  titleRows: { first: number; last: number } | null;
  /**
   * 0-based rows that start a new printed page (manual breaks above them), so that no chart is cut
   * between two pages (report/pageBreaks.ts); absent when there are none.
   */
  rowBreaks?: number[];
}

/** One sheet of the plan. */
export interface SheetPlan {
  key: SheetKey;
  /** Display name (<= 31 characters, none of `[]:*?/\`). */
  name: string;
  blocks: Block[];
  /** Column widths in characters, index = column (report/layout.ts sets them from the content). */
  columnWidths: number[];
  /** Cells whose text wraps within its column (text longer than a column may be wide). */
  wrapText?: PlanRange[];
  /** Rows of a fixed height, in lines of text: taller for their wrapped cells, or held to one line (0-based row). */
  tallRows?: { row: number; lines: number }[];
  /** Print setup (report/layout.ts). */
  pageSetup?: PageSetup;
  /** The most pages the sheet may print on (scaled down to fit), when the sheet asks for a limit. */
  maxPrintPages?: number;
  frozenRows: number;
  frozenColumns: number;
  colorScales: ColorScale[];
  charts: ChartSpec[];
  pivots: PivotSpec[];
  rightToLeft: boolean;
  /** Position as a tab colour, hex, optional. */
  tabColor?: string;
}

/** The whole workbook to write, in sheet order. */
export interface WorkbookPlan {
  lang: 'en' | 'fa';
  sheets: SheetPlan[];
}
