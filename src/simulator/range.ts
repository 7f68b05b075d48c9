/**
 * `Excel.Range` and its format objects.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.range and
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat
 *
 * Sizes: `values`, `numberFormat` and `formulas` take a 2-D array with the range's dimensions, or one
 * value for every cell; otherwise `InvalidArgument` ("The number of rows or columns in the input array
 * doesn't match the size or dimensions of the range."): "Set and get range values, text, or formulas",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 */
import { Rect, formatAddress, overlaps } from './address';
import { ClientObject } from './clientObject';
import { SimContext } from './context';
import { simError } from './errors';
import { SheetModel } from './model';
import { ConditionalFormatCollectionProxy } from './extras';
import { WorksheetProxy } from './workbook';

/** A range's host object: a sheet and a rectangle. */
export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

type Grid = unknown[][];

function grid(rect: Rect, cell: (row: number, column: number) => unknown): Grid {
  const out: Grid = new Array(rect.rows);
  for (let r = 0; r < rect.rows; r++) {
    const line = new Array(rect.columns);
    for (let c = 0; c < rect.columns; c++) line[c] = cell(rect.row + r, rect.column + c);
    out[r] = line;
  }
  return out;
}

/**
 * Applies a 2-D input (or one value for all cells) to a rectangle after checking its shape.
 * @throws InvalidArgument when the array's size differs from the range's
 */
function applyGrid(rect: Rect, input: unknown, where: string, put: (row: number, column: number, v: unknown) => void): void {
  if (!Array.isArray(input)) {
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) put(rect.row + r, rect.column + c, input);
    return;
  }
  if (input.length !== rect.rows || input.some((line) => !Array.isArray(line) || line.length !== rect.columns)) {
    throw simError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", where);
  }
  for (let r = 0; r < rect.rows; r++) {
    const line = input[r] as unknown[];
    for (let c = 0; c < rect.columns; c++) put(rect.row + r, rect.column + c, line[c]);
  }
}

/** Excel's default column width: 8.43 characters = 64 px = 48 points. */
export const DEFAULT_COLUMN_WIDTH_PT = 48;
/** Excel's default row height for 11 pt Calibri: 15 points. */
export const DEFAULT_ROW_HEIGHT_PT = 15;

/** The simulated `Excel.Range`. */
export class RangeProxy extends ClientObject<RangeRef> {
  protected readonly scalarProps = ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'numberFormat', 'formulas', 'text', 'valueTypes'];
  private formatProxy?: RangeFormatProxy;
  private cfProxy?: ConditionalFormatCollectionProxy;

  constructor(context: SimContext, resolver: () => RangeRef | null) {
    super(context, resolver, 'Range');
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === 'format' ? (this.format as ClientObject<unknown>) : undefined;
  }

  protected read(prop: string, t: RangeRef): unknown {
    const { sheet, rect } = t;
    switch (prop) {
      case 'address': return formatAddress(sheet.name, rect);
      case 'rowCount': return rect.rows;
      case 'columnCount': return rect.columns;
      case 'rowIndex': return rect.row;
      case 'columnIndex': return rect.column;
      case 'values': return grid(rect, (r, c) => sheet.value(r, c));
      case 'numberFormat': return grid(rect, (r, c) => sheet.format(r, c));
      case 'formulas': return grid(rect, (r, c) => sheet.formula(r, c));
      case 'text': return grid(rect, (r, c) => sheet.text(r, c));
      case 'valueTypes': return grid(rect, (r, c) => sheet.valueType(r, c));
      default: throw simError('InvalidArgument', `Range has no property ${prop}`, 'Range.load');
    }
  }

  get address(): string { return this.get('address'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get text(): string[][] { return this.get('text'); }
  get valueTypes(): string[][] { return this.get('valueTypes'); }

  get values(): unknown[][] { return this.get('values'); }
  set values(v: unknown[][]) {
    this.set('values', v, 1, ({ sheet, rect }) => {
      applyGrid(rect, v, 'Range.values', (r, c, x) => sheet.enter(r, c, x));
      this.context.state.workbook.autoExpandTables(sheet, rect);
    });
  }

  get numberFormat(): string[][] { return this.get('numberFormat'); }
  set numberFormat(v: string[][]) {
    this.set('numberFormat', v, 1, ({ sheet, rect }) => applyGrid(rect, v, 'Range.numberFormat', (r, c, x) => sheet.setFormat(r, c, x === null ? null : String(x))));
  }

  get formulas(): unknown[][] { return this.get('formulas'); }
  set formulas(v: unknown[][]) {
    this.set('formulas', v, 1, ({ sheet, rect }) => applyGrid(rect, v, 'Range.formulas', (r, c, x) => sheet.enter(r, c, x)));
  }

  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this.context, () => this.target()));
  }

  /** The worksheet of the range. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet, this.context.state.workbook);
  }

  /** Conditional formats (ExcelApi 1.6). */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this.cfProxy ??= new ConditionalFormatCollectionProxy(this.context, () => this.target()));
  }

  /** A range derived from this one inside a sync. */
  private derived(method: string, apiMinor: number, make: (t: RangeRef) => Rect): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: make(t) };
    });
    this.context.enqueue(`Range.${method}`, [], apiMinor, () => {
      proxy.target();
      return undefined;
    });
    return proxy;
  }

  /** `getCell(row, column)`, relative to the top-left cell. */
  getCell(row: number, column: number): RangeProxy {
    return this.derived('getCell', 1, ({ rect }) => checked({ row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 }));
  }

  /** `getResizedRange(deltaRows, deltaColumns)` (ExcelApi 1.2). */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived('getResizedRange', 2, ({ rect }) => checked({ ...rect, rows: rect.rows + deltaRows, columns: rect.columns + deltaColumns }));
  }

  /** `getOffsetRange(rowOffset, columnOffset)`. */
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived('getOffsetRange', 1, ({ rect }) => checked({ ...rect, row: rect.row + rowOffset, column: rect.column + columnOffset }));
  }

  /** `getRow(index)`. */
  getRow(index: number): RangeProxy {
    return this.derived('getRow', 1, ({ rect }) => checked({ ...rect, row: rect.row + index, rows: 1 }));
  }

  /** `getColumn(index)`. */
  getColumn(index: number): RangeProxy {
    return this.derived('getColumn', 1, ({ rect }) => checked({ ...rect, column: rect.column + index, columns: 1 }));
  }

  /** `getIntersectionOrNullObject(other)` (ExcelApi 1.4). */
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const a = this.target();
      const b = other.target();
      if (a.sheet !== b.sheet || !overlaps(a.rect, b.rect)) return null;
      const row = Math.max(a.rect.row, b.rect.row);
      const column = Math.max(a.rect.column, b.rect.column);
      const rows = Math.min(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows) - row;
      const columns = Math.min(a.rect.column + a.rect.columns, b.rect.column + b.rect.columns) - column;
      return { sheet: a.sheet, rect: { row, column, rows, columns } };
    });
    this.context.enqueue('Range.getIntersectionOrNullObject', [], 4, () => proxy.resolveNullable());
    return proxy;
  }

  /** The rows a PivotTable built on this range reads (header row first). */
  pivotSource(): { sheet: SheetModel; rect: Rect } {
    return this.target();
  }

  /**
   * `copyFrom(source, copyType, skipBlanks, transpose)` (ExcelApi 1.9): copies values (or formulas) and
   * number formats and styles ("All"), or only values, or only formats; "The destination is expanded
   * automatically if it's smaller than the source"
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)).
   * The simulator copies from the source's top-left corner over the source's size; tables, charts and
   * PivotTables are not copied (they are objects, not cells).
   */
  copyFrom(source: RangeProxy | string, copyType = 'All', skipBlanks = false, transpose = false): void {
    this.call('copyFrom', [typeof source === 'string' ? source : 'range', copyType, skipBlanks, transpose], 9, ({ sheet, rect }) => {
      if (typeof source === 'string' || transpose) throw simError('NotImplemented', 'The simulator copies from a range object, untransposed.', 'Range.copyFrom');
      const from = source.target();
      for (let r = 0; r < from.rect.rows; r++) {
        for (let c = 0; c < from.rect.columns; c++) {
          const sr = from.rect.row + r, sc = from.rect.column + c;
          const empty = from.sheet.value(sr, sc) === '';
          if (skipBlanks && empty) continue;
          if (copyType === 'All' || copyType === 'Values' || copyType === 'Formulas') {
            const k = sr * 16384 + sc;
            sheet.store(rect.row + r, rect.column + c, { value: from.sheet.value(sr, sc), formula: from.sheet.formulas.get(k), quotePrefix: from.sheet.quotePrefixed.has(k) });
          }
          if (copyType === 'All' || copyType === 'Formats') {
            const f = from.sheet.format(sr, sc);
            if (f !== 'General' || sheet.format(rect.row + r, rect.column + c) !== 'General') sheet.setFormat(rect.row + r, rect.column + c, f);
          }
        }
      }
      if (copyType === 'All' || copyType === 'Formats') {
        const dr = rect.row - from.rect.row, dc = rect.column - from.rect.column;
        for (const layer of from.sheet.styles) {
          if (overlaps(layer.rect, from.rect)) sheet.styles.push({ ...layer, rect: { ...layer.rect, row: layer.rect.row + dr, column: layer.rect.column + dc } });
        }
      }
    });
  }

  /** `clear()`: values, formats and styles. */
  clear(): void {
    this.call('clear', [], 1, ({ sheet, rect }) => {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          sheet.store(r, c, { value: '' });
          if (sheet.formats[r]) sheet.formats[r]![c] = 'General';
        }
      }
    });
  }
}

function checked(rect: Rect): Rect {
  if (rect.row < 0 || rect.column < 0 || rect.rows < 1 || rect.columns < 1 || rect.row + rect.rows > 1048576 || rect.column + rect.columns > 16384) {
    throw simError('InvalidArgument', 'The range is outside the grid.', 'Range');
  }
  return rect;
}

/** Style properties on a rectangle: the value at the top-left cell is reported. */
abstract class StyleProxy extends ClientObject<RangeRef> {
  constructor(context: SimContext, resolver: () => RangeRef | null, typeName: string, private readonly prefix: string) {
    super(context, resolver, typeName);
  }

  protected read(prop: string, { sheet, rect }: RangeRef): unknown {
    return sheet.style(rect.row, rect.column, this.prefix + prop) ?? null;
  }

  protected setStyle(prop: string, value: unknown, apiMinor = 1): void {
    this.set(prop, value, apiMinor, ({ sheet, rect }) => sheet.styles.push({ rect, key: this.prefix + prop, value }));
  }
}

/** `Excel.RangeFont`. */
export class FontProxy extends StyleProxy {
  protected readonly scalarProps = ['bold', 'color', 'size', 'italic'];
  constructor(context: SimContext, resolver: () => RangeRef | null) { super(context, resolver, 'RangeFont', 'font.'); }
  get bold(): boolean { return this.get('bold'); }
  set bold(v: boolean) { this.setStyle('bold', v); }
  get color(): string { return this.get('color'); }
  set color(v: string) { this.setStyle('color', v); }
  get size(): number { return this.get('size'); }
  set size(v: number) { this.setStyle('size', v); }
  get italic(): boolean { return this.get('italic'); }
  set italic(v: boolean) { this.setStyle('italic', v); }
}

/** `Excel.RangeFill`. */
export class FillProxy extends StyleProxy {
  protected readonly scalarProps = ['color'];
  constructor(context: SimContext, resolver: () => RangeRef | null) { super(context, resolver, 'RangeFill', 'fill.'); }
  get color(): string { return this.get('color'); }
  set color(v: string) { this.setStyle('color', v); }
}

/**
 * `Excel.RangeFormat`: widths and heights in points (columnWidth, rowHeight: ExcelApi 1.2),
 * alignment, wrapping, reading order (ExcelApi 1.9).
 */
export class RangeFormatProxy extends StyleProxy {
  protected readonly scalarProps = ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText', 'readingOrder'];
  readonly font: FontProxy;
  readonly fill: FillProxy;

  constructor(context: SimContext, resolver: () => RangeRef | null) {
    super(context, resolver, 'RangeFormat', 'format.');
    this.font = new FontProxy(context, () => this.target());
    this.fill = new FillProxy(context, () => this.target());
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    if (name === 'font') return this.font as ClientObject<unknown>;
    if (name === 'fill') return this.fill as ClientObject<unknown>;
    return undefined;
  }

  protected override read(prop: string, t: RangeRef): unknown {
    if (prop === 'rowHeight') {
      const heights = new Set<number>();
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) heights.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_PT);
      return heights.size === 1 ? [...heights][0] : null;
    }
    if (prop !== 'columnWidth') return super.read(prop, t);
    const widths = new Set<number>();
    for (let c = t.rect.column; c < t.rect.column + t.rect.columns; c++) widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_PT);
    return widths.size === 1 ? [...widths][0] : null;
  }

  get columnWidth(): number { return this.get('columnWidth'); }
  set columnWidth(v: number) {
    this.set('columnWidth', v, 2, ({ sheet, rect }) => {
      if (typeof v !== 'number' || v < 0) throw simError('InvalidArgument', 'Column width must be a non-negative number.', 'RangeFormat.columnWidth');
      for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number { return this.get('rowHeight'); }
  set rowHeight(v: number) {
    this.set('rowHeight', v, 2, ({ sheet, rect }) => {
      if (typeof v !== 'number' || v < 0) throw simError('InvalidArgument', 'Row height must be a non-negative number.', 'RangeFormat.rowHeight');
      for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowHeights.set(r, v);
    });
  }
  get verticalAlignment(): string { return this.get('verticalAlignment'); }
  set verticalAlignment(v: string) { this.setStyle('verticalAlignment', v); }
  get horizontalAlignment(): string { return this.get('horizontalAlignment'); }
  set horizontalAlignment(v: string) { this.setStyle('horizontalAlignment', v); }
  get wrapText(): boolean { return this.get('wrapText'); }
  set wrapText(v: boolean) { this.setStyle('wrapText', v); }
  get readingOrder(): string { return this.get('readingOrder'); }
  set readingOrder(v: string) { this.setStyle('readingOrder', v, 9); }

  /** `autofitColumns()` (ExcelApi 1.2): width from the longest text, about 7 px per character. */
  autofitColumns(): void {
    this.call('autofitColumns', [], 2, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        let longest = 0;
        for (let r = rect.row; r < rect.row + Math.min(rect.rows, 10000); r++) longest = Math.max(longest, sheet.text(r, c).length);
        sheet.columnWidths.set(c, Math.max(12, longest * 5.25 + 3.75));
      }
    });
  }
}
