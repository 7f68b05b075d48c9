/**
 * `Excel.Workbook`, `Excel.WorksheetCollection`, `Excel.Worksheet`.
 * References: https://learn.microsoft.com/javascript/api/excel/excel.workbook,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet
 * (getRangeByIndexes: ExcelApi 1.7; getUsedRangeOrNullObject, getItemOrNullObject: 1.4;
 * showGridlines: 1.8; tabColor: 1.7; getUsedRange on an empty sheet returns the top-left cell).
 */
import { MAX_COLUMNS, MAX_ROWS, parseCells } from './address';
import { ClientObject, CollectionObject } from './clientObject';
import { SimContext } from './context';
import { simError } from './errors';
import { ApplicationProxy, ChartCollectionProxy, FreezePanesProxy, PivotTableCollectionProxy, SettingCollectionProxy, WorkbookPivotTablesProxy } from './extras';
import { SheetModel, WorkbookModel } from './model';
import { RangeProxy } from './range';
import { TableCollectionProxy } from './tables';
import { PageBreakCollectionProxy, PageLayoutProxy } from './pageLayout';
import { NamedItemCollectionProxy } from './namedItems';

/** The simulated `Excel.Worksheet`. */
export class WorksheetProxy extends ClientObject<SheetModel> {
  protected readonly scalarProps = ['name', 'id', 'position', 'showGridlines', 'tabColor', 'visibility'];
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly pivotTables: PivotTableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  /** `pageLayout` (ExcelApi 1.9): see pageLayout.ts. */
  readonly pageLayout: PageLayoutProxy;
  /** `horizontalPageBreaks` (ExcelApi 1.9): see pageLayout.ts. */
  readonly horizontalPageBreaks: PageBreakCollectionProxy;

  constructor(context: SimContext, resolver: () => SheetModel | null, private readonly workbook: WorkbookModel) {
    super(context, () => {
      const sheet = resolver();
      if (sheet?.deleted) throw simError('ItemNotFound', 'The worksheet was deleted.', 'Worksheet');
      return sheet;
    }, 'Worksheet');
    const sheet = () => this.target();
    this.tables = new TableCollectionProxy(context, workbook, sheet);
    this.charts = new ChartCollectionProxy(context, sheet, workbook);
    this.pivotTables = new PivotTableCollectionProxy(context, sheet, workbook);
    this.freezePanes = new FreezePanesProxy(context, sheet);
    this.pageLayout = new PageLayoutProxy(context, sheet);
    this.horizontalPageBreaks = new PageBreakCollectionProxy(context, sheet);
  }

  protected read(prop: string, t: SheetModel): unknown {
    switch (prop) {
      case 'name': return t.name;
      case 'id': return t.id;
      case 'position': return this.workbook.sheets.indexOf(t);
      case 'showGridlines': return t.showGridlines;
      case 'tabColor': return t.tabColor;
      case 'visibility': return 'Visible';
      default: throw simError('InvalidArgument', `Worksheet has no property ${prop}`, 'Worksheet.load');
    }
  }

  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, 1, (t) => this.workbook.renameSheet(t, v)); }
  get id(): string { return this.get('id'); }
  get position(): number { return this.get('position'); }
  get showGridlines(): boolean { return this.get('showGridlines'); }
  set showGridlines(v: boolean) { this.set('showGridlines', v, 8, (t) => { t.showGridlines = !!v; }); }
  get tabColor(): string { return this.get('tabColor'); }
  set tabColor(v: string) { this.set('tabColor', v, 7, (t) => { t.tabColor = String(v); }); }

  private range(method: string, apiMinor: number, make: (t: SheetModel) => { row: number; column: number; rows: number; columns: number } | null, nullable = false): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const sheet = this.target();
      const rect = make(sheet);
      return rect ? { sheet, rect } : null;
    });
    this.context.enqueue(`Worksheet.${method}`, [], apiMinor, () => (nullable ? proxy.resolveNullable() : void proxy.target()));
    return proxy;
  }

  /** `getRange(address)`; no address = the whole sheet. */
  getRange(address?: string): RangeProxy {
    return this.range('getRange', 1, () => (address ? parseCells(address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address) : { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }));
  }

  /** `getRangeByIndexes(startRow, startColumn, rowCount, columnCount)` (ExcelApi 1.7). */
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return this.range('getRangeByIndexes', 7, () => {
      if (row < 0 || column < 0 || rows < 1 || columns < 1 || row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) {
        throw simError('InvalidArgument', 'The range is outside the grid.', 'Worksheet.getRangeByIndexes');
      }
      return { row, column, rows, columns };
    });
  }

  /** `getCell(row, column)`. */
  getCell(row: number, column: number): RangeProxy {
    return this.range('getCell', 1, () => ({ row, column, rows: 1, columns: 1 }));
  }

  /** `getUsedRange(valuesOnly)`: A1 when the sheet is empty. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range('getUsedRange', 1, (t) => t.usedRect(valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 });
  }

  /** `getUsedRangeOrNullObject(valuesOnly)` (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range('getUsedRangeOrNullObject', 4, (t) => t.usedRect(valuesOnly), true);
  }

  /** `delete()`. */
  delete(): void { this.call('delete', [], 1, (t) => this.workbook.deleteSheet(t)); }

  /** `activate()`. */
  activate(): void { this.call('activate', [], 1, (t) => { this.workbook.activeSheet = t; }); }
}

/** The simulated `Excel.WorksheetCollection`. */
export class WorksheetCollectionProxy extends CollectionObject<SheetModel, WorksheetProxy> {
  constructor(context: SimContext, private readonly workbook: WorkbookModel) {
    super(context, () => workbook.sheets, 'WorksheetCollection');
  }

  protected itemProxy(item: SheetModel): WorksheetProxy { return new WorksheetProxy(this.context, () => item, this.workbook); }

  /** `add(name)`: a new sheet at the end. */
  add(name?: string): WorksheetProxy {
    let made: SheetModel | null = null;
    const proxy = new WorksheetProxy(this.context, () => made, this.workbook);
    this.context.enqueue('WorksheetCollection.add', [name ?? null], 1, () => { made = this.workbook.addSheet(name); });
    return proxy;
  }

  /** `getItem(nameOrId)`. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.workbook.findSheet(key) ?? null, this.workbook);
  }

  /** `getItemOrNullObject(nameOrId)` (ExcelApi 1.4). */
  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = this.getItem(key);
    this.context.enqueue('WorksheetCollection.getItemOrNullObject', [key], 4, () => proxy.resolveNullable());
    return proxy;
  }

  /** `getActiveWorksheet()`. */
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.workbook.activeSheet ?? null, this.workbook);
  }
}

/** The simulated `Excel.Workbook`. */
export class WorkbookProxy extends ClientObject<WorkbookModel> {
  protected readonly scalarProps = ['name'];
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  readonly names: NamedItemCollectionProxy;
  readonly pivotTables: WorkbookPivotTablesProxy;

  constructor(context: SimContext, private readonly workbook: WorkbookModel) {
    super(context, () => workbook, 'Workbook');
    this.names = new NamedItemCollectionProxy(context, workbook);
    this.pivotTables = new WorkbookPivotTablesProxy(context, workbook);
    this.worksheets = new WorksheetCollectionProxy(context, workbook);
    this.tables = new TableCollectionProxy(context, workbook);
    this.settings = new SettingCollectionProxy(context, workbook);
    this.application = new ApplicationProxy(context, workbook);
  }

  protected read(): unknown { return 'Book1.xlsx'; }

  /**
   * `getSelectedRange()`: the selection (A1 of the active sheet when nothing was selected). "If there
   * are multiple ranges selected, this method will throw an error" (Workbook.getSelectedRange reference).
   */
  getSelectedRange(): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const sel = this.workbook.selection;
      if (sel && (sel.areas ?? 1) > 1) throw simError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
      if (sel) return { sheet: sel.sheet, rect: sel.rect };
      const sheet = this.workbook.activeSheet;
      return sheet ? { sheet, rect: { row: 0, column: 0, rows: 1, columns: 1 } } : null;
    });
    this.context.enqueue('Workbook.getSelectedRange', [], 1, () => void proxy.target());
    return proxy;
  }
}
