/**
 * `Excel.TableCollection`, `Excel.Table`, `Excel.TableRowCollection`.
 * References: https://learn.microsoft.com/javascript/api/excel/excel.tablecollection (add: ExcelApi 1.1),
 * https://learn.microsoft.com/javascript/api/excel/excel.table, https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection
 * Table names are unique in the workbook and tables never overlap (see names.ts and model.ts).
 */
import { Rect, parseCells, splitSheet } from './address';
import { ClientObject, CollectionObject } from './clientObject';
import { SimContext } from './context';
import { simError } from './errors';
import { SheetModel, TableModel, WorkbookModel } from './model';
import { RangeProxy, RangeRef } from './range';
import { WorksheetProxy } from './workbook';
import { breakTableReferences } from './references';

/** `Excel.TableRowCollection`. */
export class TableRowCollectionProxy extends ClientObject<TableModel> {
  protected readonly scalarProps = ['count'];
  constructor(context: SimContext, resolver: () => TableModel | null, private readonly workbook: WorkbookModel) { super(context, resolver, 'TableRowCollection'); }
  protected read(_p: string, t: TableModel): unknown { return t.rect.rows - 1; }
  get count(): number { return this.get('count'); }

  /** `add(index, values)`: appends rows at the bottom (index null/undefined) and grows the table. */
  add(index: number | null | undefined, values: unknown[][]): void {
    this.call('add', [index ?? null, values], 1, (t) => {
      if (index !== null && index !== undefined) throw simError('NotImplemented', 'The simulator only appends rows (index null).', 'TableRowCollection.add');
      if (!Array.isArray(values) || values.some((line) => !Array.isArray(line) || line.length !== t.rect.columns)) {
        throw simError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", 'TableRowCollection.add');
      }
      const below: Rect = { row: t.rect.row + t.rect.rows, column: t.rect.column, rows: values.length, columns: t.rect.columns };
      const blocked = this.workbook.tables.some((o) => o !== t && o.sheet === t.sheet && o.rect.row < below.row + below.rows && below.row < o.rect.row + o.rect.rows && o.rect.column < below.column + below.columns && below.column < o.rect.column + o.rect.columns);
      if (blocked) throw simError('InvalidOperation', 'The table cannot grow into another table.', 'TableRowCollection.add');
      values.forEach((line, r) => line.forEach((v, c) => t.sheet.enter(below.row + r, below.column + c, v)));
      t.rect.rows += values.length;
    });
  }
}

/** `Excel.Table`. */
export class TableProxy extends ClientObject<TableModel> {
  protected readonly scalarProps = ['name', 'id', 'style', 'showBandedRows'];
  readonly rows: TableRowCollectionProxy;

  constructor(context: SimContext, resolver: () => TableModel | null, private readonly workbook: WorkbookModel) {
    super(context, resolver, 'Table');
    this.rows = new TableRowCollectionProxy(context, () => this.target(), workbook);
  }

  protected read(prop: string, t: TableModel): unknown {
    return (t as unknown as Record<string, unknown>)[prop];
  }

  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, 1, (t) => this.workbook.renameTable(t, v)); }
  get id(): string { return this.get('id'); }
  get style(): string { return this.get('style'); }
  set style(v: string) { this.set('style', v, 1, (t) => { t.style = String(v); }); }
  get showBandedRows(): boolean { return this.get('showBandedRows'); }
  set showBandedRows(v: boolean) { this.set('showBandedRows', v, 3, (t) => { t.showBandedRows = !!v; }); }

  private part(method: string, make: (t: TableModel) => Rect): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: make(t) };
    });
    this.context.enqueue(`Table.${method}`, [], 1, () => void proxy.target());
    return proxy;
  }

  /** The worksheet of the table. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet, this.workbook);
  }

  /** The whole table, header included. */
  getRange(): RangeProxy { return this.part('getRange', (t) => ({ ...t.rect })); }
  /** The header row. */
  getHeaderRowRange(): RangeProxy { return this.part('getHeaderRowRange', (t) => ({ ...t.rect, rows: 1 })); }
  /** The data rows. */
  getDataBodyRange(): RangeProxy { return this.part('getDataBodyRange', (t) => ({ ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 })); }

  /** `delete()`: removes the table and its data. */
  delete(): void {
    this.call('delete', [], 1, (t) => {
      this.workbook.tables = this.workbook.tables.filter((o) => o !== t);
      breakTableReferences(this.workbook.sheets, t.name);
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) for (let c = t.rect.column; c < t.rect.column + t.rect.columns; c++) t.sheet.store(r, c, { value: '' });
    });
  }

  /**
   * `resize(newRange)` (ExcelApi 1.13): "The new range must overlap with the original table range and the
   * headers (or the top of the table) must be in the same row"
   * (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)).
   * The table keeps its name and identity, so structured references and PivotTables on it keep working.
   */
  resize(newRange: RangeProxy | string): void {
    this.call('resize', [typeof newRange === 'string' ? newRange : 'range'], 13, (t) => {
      const rect = typeof newRange === 'string' ? parseCells(splitSheet(newRange).cells) : newRange.target().rect;
      const overlapsOld = rect.row < t.rect.row + t.rect.rows && t.rect.row < rect.row + rect.rows && rect.column < t.rect.column + t.rect.columns && t.rect.column < rect.column + rect.columns;
      if (!overlapsOld || rect.row !== t.rect.row || rect.rows < 2) throw simError('InvalidArgument', 'The new range must overlap the table and keep its header row.', 'Table.resize');
      if (this.workbook.tables.some((o) => o !== t && o.sheet === t.sheet && o.rect.row < rect.row + rect.rows && rect.row < o.rect.row + o.rect.rows && o.rect.column < rect.column + rect.columns && rect.column < o.rect.column + o.rect.columns)) {
        throw simError('InvalidOperation', "A table can't overlap another table.", 'Table.resize');
      }
      t.rect = { ...rect };
    });
  }

  /** The rows a PivotTable built on this table reads. */
  pivotSource(): { sheet: SheetModel; rect: Rect; table: TableModel } {
    const t = this.target();
    return { sheet: t.sheet, rect: t.rect, table: t };
  }
}

/** `Excel.TableCollection` of a workbook (sheet = undefined) or of one worksheet. */
export class TableCollectionProxy extends CollectionObject<TableModel, TableProxy> {
  constructor(context: SimContext, private readonly workbook: WorkbookModel, sheet?: () => SheetModel) {
    super(context, () => workbook.tables.filter((t) => !sheet || t.sheet === sheet()), 'TableCollection');
  }

  protected itemProxy(item: TableModel): TableProxy { return new TableProxy(this.context, () => item, this.workbook); }

  private locate(address: string | RangeProxy): RangeRef {
    if (typeof address !== 'string') return address.target();
    const { sheet: sheetName, cells } = splitSheet(address);
    // "If the address does not contain a sheet name, the currently-active sheet is used", also on a
    // worksheet's collection (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1))
    const sheet = sheetName !== undefined ? this.workbook.findSheet(sheetName) : this.workbook.activeSheet;
    if (!sheet) throw simError('InvalidArgument', `The address ${address} needs a worksheet.`, 'TableCollection.add');
    return { sheet, rect: parseCells(cells) };
  }

  /** `add(address, hasHeaders)`. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let made: TableModel | null = null;
    const proxy = new TableProxy(this.context, () => made, this.workbook);
    this.context.enqueue('TableCollection.add', [typeof address === 'string' ? address : 'range', hasHeaders], 1, () => {
      if (!hasHeaders) throw simError('NotImplemented', 'The simulator supports tables with headers only.', 'TableCollection.add');
      const { sheet, rect } = this.locate(address);
      made = this.workbook.addTable(sheet, rect);
    });
    return proxy;
  }

  /** `getItem(name)` (case-insensitive). */
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => this.target().find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name) ?? null, this.workbook);
  }

  /** `getItemOrNullObject(name)` (ExcelApi 1.4). */
  getItemOrNullObject(name: string): TableProxy {
    const proxy = this.getItem(name);
    this.context.enqueue('TableCollection.getItemOrNullObject', [name], 4, () => proxy.resolveNullable());
    return proxy;
  }
}
