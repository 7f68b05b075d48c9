/**
 * Conditional formats, charts, PivotTables, freeze panes, settings and the application object.
 * References (learn.microsoft.com/javascript/api/excel/...):
 * - excel.conditionalformatcollection (ExcelApi 1.6), excel.colorscaleconditionalformat
 * - excel.chartcollection#add (ExcelApi 1.1), excel.charttype
 * - excel.pivottablecollection#add (ExcelApi 1.8): the source needs a header row of field names
 * - excel.worksheetfreezepanes (ExcelApi 1.7)
 * - excel.settingcollection (ExcelApi 1.4): values must be JSON-serialisable
 * - excel.application: calculationMode (get 1.1, set 1.8), suspendApiCalculationUntilNextSync (1.6),
 *   suspendScreenUpdatingUntilNextSync (1.9)
 */
import { ClientObject, CollectionObject } from './clientObject';
import { SimContext } from './context';
import { simError } from './errors';
import { ChartModel, ConditionalFormatModel, PivotModel, SheetModel, TableModel, WorkbookModel } from './model';
import type { RangeRef } from './range';

/** Anything that resolves to a range inside a sync. */
export interface RangeLike {
  target(): RangeRef;
}

/** `Excel.ColorScaleConditionalFormat`. */
export class ColorScaleProxy extends ClientObject<ConditionalFormatModel> {
  protected readonly scalarProps = ['criteria'];
  constructor(context: SimContext, resolver: () => ConditionalFormatModel | null) { super(context, resolver, 'ColorScaleConditionalFormat'); }
  protected read(_prop: string, t: ConditionalFormatModel): unknown { return t.criteria ?? null; }
  get criteria(): unknown { return this.get('criteria'); }
  set criteria(v: unknown) {
    this.set('criteria', v, 6, (t) => {
      const c = v as { minimum?: { color?: string }; maximum?: { color?: string } };
      if (!c?.minimum?.color || !c?.maximum?.color) throw simError('InvalidArgument', 'A color scale needs a minimum and a maximum with colors.', 'ColorScaleConditionalFormat.criteria');
      t.criteria = JSON.parse(JSON.stringify(v));
    });
  }
}

/** `Excel.ConditionalFormat`. */
export class ConditionalFormatProxy extends ClientObject<ConditionalFormatModel> {
  protected readonly scalarProps = ['type'];
  readonly colorScale: ColorScaleProxy;
  constructor(context: SimContext, resolver: () => ConditionalFormatModel | null) {
    super(context, resolver, 'ConditionalFormat');
    this.colorScale = new ColorScaleProxy(context, () => this.target());
  }
  protected read(_prop: string, t: ConditionalFormatModel): unknown { return t.type; }
  get type(): string { return this.get('type'); }
}

const CF_TYPES = new Set(['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue']);

/** `Excel.ConditionalFormatCollection` on a range. */
export class ConditionalFormatCollectionProxy extends CollectionObject<ConditionalFormatModel, ConditionalFormatProxy> {
  constructor(context: SimContext, private readonly range: () => RangeRef) {
    super(context, () => range().sheet.conditionalFormats, 'ConditionalFormatCollection');
  }
  protected itemProxy(item: ConditionalFormatModel): ConditionalFormatProxy { return new ConditionalFormatProxy(this.context, () => item); }

  /** `clearAll()` (ExcelApi 1.6): removes the conditional formats that intersect the range. */
  clearAll(): void {
    this.context.enqueue('ConditionalFormatCollection.clearAll', [], 6, () => {
      const { sheet, rect } = this.range();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !(cf.rect.row < rect.row + rect.rows && rect.row < cf.rect.row + cf.rect.rows && cf.rect.column < rect.column + rect.columns && rect.column < cf.rect.column + cf.rect.columns));
    });
  }

  /** `add(type)`. */
  add(type: string): ConditionalFormatProxy {
    let made: ConditionalFormatModel | null = null;
    const proxy = new ConditionalFormatProxy(this.context, () => made);
    this.context.enqueue('ConditionalFormatCollection.add', [type], 6, () => {
      if (!CF_TYPES.has(type)) throw simError('InvalidArgument', `Unknown conditional format type ${type}`, 'ConditionalFormatCollection.add');
      const { sheet, rect } = this.range();
      made = { type, rect };
      sheet.conditionalFormats.push(made);
    });
    return proxy;
  }
}

/** `Excel.ChartTitle`. */
class ChartTitleProxy extends ClientObject<ChartModel> {
  protected readonly scalarProps = ['text'];
  constructor(context: SimContext, resolver: () => ChartModel | null) { super(context, resolver, 'ChartTitle'); }
  protected read(_p: string, t: ChartModel): unknown { return t.title; }
  get text(): string { return this.get('text'); }
  set text(v: string) { this.set('text', v, 1, (t) => { t.title = String(v); }); }
}

/** `Excel.Chart`. */
export class ChartProxy extends ClientObject<ChartModel> {
  protected readonly scalarProps = ['name', 'chartType'];
  readonly title: ChartTitleProxy;
  constructor(context: SimContext, resolver: () => ChartModel | null) {
    super(context, resolver, 'Chart');
    this.title = new ChartTitleProxy(context, () => this.target());
  }
  protected read(prop: string, t: ChartModel): unknown { return prop === 'chartType' ? t.type : t.name; }
  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, 1, (t) => { t.name = String(v); }); }
  get chartType(): string { return this.get('chartType'); }

  /** `setData(sourceData, seriesBy)` (ExcelApi 1.1): plots another range. */
  setData(sourceData: RangeLike, seriesBy = 'Auto'): void {
    this.call('setData', [seriesBy], 1, (t) => {
      const { sheet, rect } = sourceData.target();
      t.source = rect;
      t.sourceSheet = sheet;
      t.seriesBy = seriesBy;
    });
  }

  /** `delete()` (ExcelApi 1.1). */
  delete(): void {
    this.call('delete', [], 1, (t) => {
      for (const sheet of this.context.state.workbook.sheets) sheet.charts = sheet.charts.filter((c) => c !== t);
    });
  }

  /** `setPosition(startCell, endCell)` (ExcelApi 1.1). */
  setPosition(startCell: string | RangeLike, endCell?: string | RangeLike): void {
    const cell = (c: string | RangeLike | undefined) => (c === undefined || typeof c === 'string' ? c : `${c.target().rect.row},${c.target().rect.column}`);
    this.call('setPosition', [typeof startCell === 'string' ? startCell : 'range'], 1, (t) => {
      t.topLeft = cell(startCell);
      t.bottomRight = cell(endCell);
    });
  }
}

const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Pie', 'Line', 'ColumnStacked', 'BarStacked', 'Doughnut', 'XYScatter', 'Area']);

/** `Excel.ChartCollection` on a worksheet. */
export class ChartCollectionProxy extends CollectionObject<ChartModel, ChartProxy> {
  constructor(context: SimContext, private readonly sheet: () => SheetModel, private readonly workbook: WorkbookModel) {
    super(context, () => sheet().charts, 'ChartCollection');
  }
  protected itemProxy(item: ChartModel): ChartProxy { return new ChartProxy(this.context, () => item); }

  /** `add(type, sourceData, seriesBy)`. */
  add(type: string, sourceData: RangeLike, seriesBy = 'Auto'): ChartProxy {
    let made: ChartModel | null = null;
    const proxy = new ChartProxy(this.context, () => made);
    this.context.enqueue('ChartCollection.add', [type, seriesBy], 1, () => {
      if (!CHART_TYPES.has(type)) throw simError('InvalidArgument', `Unknown chart type ${type}`, 'ChartCollection.add');
      const { rect } = sourceData.target();
      const { sheet: sourceSheet } = sourceData.target();
      made = { id: this.workbook.newId('chart'), name: `Chart ${this.sheet().charts.length + 1}`, type, source: rect, sourceSheet, seriesBy, title: '' };
      this.sheet().charts.push(made);
    });
    return proxy;
  }
}

/** `Excel.PivotHierarchy` (a field of the source). */
export class PivotHierarchyProxy extends ClientObject<{ pivot: PivotModel; name: string }> {
  protected readonly scalarProps = ['name'];
  constructor(context: SimContext, resolver: () => { pivot: PivotModel; name: string } | null) { super(context, resolver, 'PivotHierarchy'); }
  protected read(_p: string, t: { name: string }): unknown { return t.name; }
  get name(): string { return this.get('name'); }
}

/** `Excel.DataPivotHierarchy`: `summarizeBy`. */
export class DataHierarchyProxy extends ClientObject<{ name: string; summarizeBy: string }> {
  protected readonly scalarProps = ['name', 'summarizeBy'];
  constructor(context: SimContext, resolver: () => { name: string; summarizeBy: string } | null) { super(context, resolver, 'DataPivotHierarchy'); }
  protected read(p: string, t: { name: string; summarizeBy: string }): unknown { return p === 'name' ? t.name : t.summarizeBy; }
  get summarizeBy(): string { return this.get('summarizeBy'); }
  set summarizeBy(v: string) { this.set('summarizeBy', v, 8, (t) => { t.summarizeBy = v; }); }
}

type Axis = 'rows' | 'columns' | 'data';

/** Row, column or data hierarchies of a PivotTable. */
class HierarchyListProxy {
  constructor(private readonly context: SimContext, private readonly pivot: () => PivotModel, private readonly axis: Axis) {}

  /** `add(hierarchy)`: the field must exist in the source. */
  add(hierarchy: PivotHierarchyProxy): DataHierarchyProxy {
    let made: { name: string; summarizeBy: string } | null = null;
    const proxy = new DataHierarchyProxy(this.context, () => made);
    this.context.enqueue(`PivotHierarchyCollection.add`, [this.axis], 8, () => {
      const { pivot, name } = hierarchy.target();
      if (this.axis === 'data') {
        made = { name: `Sum of ${name}`, summarizeBy: 'Sum' };
        pivot.data.push(made);
      } else pivot[this.axis].push(name);
    });
    return proxy;
  }
}

/** `Excel.PivotTable`. */
export class PivotTableProxy extends ClientObject<PivotModel> {
  protected readonly scalarProps = ['name'];
  readonly rowHierarchies: HierarchyListProxy;
  readonly columnHierarchies: HierarchyListProxy;
  readonly dataHierarchies: HierarchyListProxy;
  readonly hierarchies: { getItem(name: string): PivotHierarchyProxy };

  constructor(context: SimContext, resolver: () => PivotModel | null) {
    super(context, resolver, 'PivotTable');
    this.rowHierarchies = new HierarchyListProxy(context, () => this.target(), 'rows');
    this.columnHierarchies = new HierarchyListProxy(context, () => this.target(), 'columns');
    this.dataHierarchies = new HierarchyListProxy(context, () => this.target(), 'data');
    this.hierarchies = {
      getItem: (name: string) =>
        new PivotHierarchyProxy(context, () => {
          const pivot = this.target();
          if (!pivot.sourceFields.includes(name)) throw simError('ItemNotFound', `The PivotTable has no field ${name}.`, 'PivotHierarchyCollection.getItem');
          return { pivot, name };
        }),
    };
  }
  protected read(_p: string, t: PivotModel): unknown { return t.name; }
  get name(): string { return this.get('name'); }
  /** `delete()` (ExcelApi 1.8). */
  delete(): void {
    this.call('delete', [], 8, (t) => {
      for (const sheet of this.context.state.workbook.sheets) sheet.pivots = sheet.pivots.filter((p) => p !== t);
    });
  }
  /** Renames; PivotTable names are unique in the workbook (ExcelApi 1.8). */
  set name(v: string) {
    this.set('name', v, 8, (t) => {
      const wb = this.context.state.workbook;
      const others = [...wb.sheets.flatMap((s) => s.pivots).filter((p) => p !== t).map((p) => p.name), ...wb.otherNames('pivot')];
      if (others.some((p) => p.toLowerCase() === String(v).toLowerCase())) throw simError('ItemAlreadyExists', `A PivotTable named ${v} already exists.`, 'PivotTable.name');
      t.name = String(v);
    });
  }
}

/** Where a PivotTable takes its rows from. */
export interface PivotSource {
  sheet: SheetModel;
  rect: { row: number; column: number; rows: number; columns: number };
  table?: TableModel;
}

/** `Excel.PivotTableCollection` on a worksheet. */
export class PivotTableCollectionProxy extends CollectionObject<PivotModel, PivotTableProxy> {
  constructor(context: SimContext, private readonly sheet: () => SheetModel, private readonly workbook: WorkbookModel) {
    super(context, () => sheet().pivots, 'PivotTableCollection');
  }
  protected itemProxy(item: PivotModel): PivotTableProxy { return new PivotTableProxy(this.context, () => item); }

  /** `add(name, source, destination)` (ExcelApi 1.8). */
  add(name: string, source: { pivotSource(): PivotSource }, destination: RangeLike): PivotTableProxy {
    let made: PivotModel | null = null;
    const proxy = new PivotTableProxy(this.context, () => made);
    this.context.enqueue('PivotTableCollection.add', [name], 8, () => {
      const src = source.pivotSource();
      const all = this.workbook.otherNames('none').map((p) => p.toLowerCase());
      if (all.includes(name.toLowerCase())) throw simError('ItemAlreadyExists', `A PivotTable named ${name} already exists.`, 'PivotTableCollection.add');
      const fields: string[] = [];
      for (let c = 0; c < src.rect.columns; c++) fields.push(String(src.sheet.value(src.rect.row, src.rect.column + c)));
      if (fields.some((f) => f === '')) throw simError('InvalidArgument', 'The PivotTable field name is not valid: every source column needs a header.', 'PivotTableCollection.add');
      const table = src.table;
      const wb = this.workbook;
      // a PivotTable whose source table was deleted has no source any more (#REF!); one whose table
      // was resized or renamed follows it
      made = { name, get sourceTable() { return table && wb.tables.includes(table) ? table.name : undefined; }, sourceFields: fields, destination: destination.target().rect, rows: [], columns: [], data: [], shownRows: src.rect.rows - 1 };
      this.sheet().pivots.push(made);
    });
    return proxy;
  }
}

/**
 * `workbook.pivotTables` (ExcelApi 1.8): `refreshAll()` makes every PivotTable show its source's rows
 * as they are now (https://learn.microsoft.com/javascript/api/excel/excel.pivottablecollection#excel-excel-pivottablecollection-refreshall-member(1));
 * until then a PivotTable shows the rows of its last refresh, as in Excel.
 */
export class WorkbookPivotTablesProxy {
  constructor(private readonly context: SimContext, private readonly workbook: WorkbookModel) {}
  refreshAll(): void {
    this.context.enqueue('PivotTableCollection.refreshAll', [], 8, () => {
      for (const sheet of this.workbook.sheets) for (const p of sheet.pivots) p.shownRows = pivotSourceRows(this.workbook, p);
    });
  }
}

/** Data rows of a PivotTable's source table now (0 when the table is gone). */
export function pivotSourceRows(workbook: WorkbookModel, pivot: PivotModel): number {
  const table = pivot.sourceTable === undefined ? undefined : workbook.tables.find((t) => t.name === pivot.sourceTable);
  return table ? table.rect.rows - 1 : 0;
}

/** `Excel.WorksheetFreezePanes` (ExcelApi 1.7). */
export class FreezePanesProxy {
  constructor(private readonly context: SimContext, private readonly sheet: () => SheetModel) {}
  freezeRows(count = 1): void { this.context.enqueue('WorksheetFreezePanes.freezeRows', [count], 7, () => { this.sheet().frozenRows = count; }); }
  freezeColumns(count = 1): void { this.context.enqueue('WorksheetFreezePanes.freezeColumns', [count], 7, () => { this.sheet().frozenColumns = count; }); }
  unfreeze(): void {
    this.context.enqueue('WorksheetFreezePanes.unfreeze', [], 7, () => {
      this.sheet().frozenRows = 0;
      this.sheet().frozenColumns = 0;
    });
  }
}

/** `Excel.Setting`. */
export class SettingProxy extends ClientObject<{ key: string }> {
  protected readonly scalarProps = ['key', 'value'];
  constructor(context: SimContext, resolver: () => { key: string } | null, private readonly workbook: WorkbookModel) { super(context, resolver, 'Setting'); }
  protected read(prop: string, t: { key: string }): unknown {
    return prop === 'key' ? t.key : JSON.parse(this.workbook.settings.get(t.key) ?? 'null');
  }
  get key(): string { return this.get('key'); }
  get value(): unknown { return this.get('value'); }
  set value(v: unknown) { this.set('value', v, 4, (t) => { this.workbook.settings.set(t.key, JSON.stringify(v)); }); }
  /** `delete()`. */
  delete(): void { this.call('delete', [], 4, (t) => this.workbook.settings.delete(t.key)); }
}

/** `Excel.SettingCollection` (ExcelApi 1.4). */
export class SettingCollectionProxy extends CollectionObject<{ key: string }, SettingProxy> {
  constructor(context: SimContext, private readonly workbook: WorkbookModel) {
    super(context, () => [...workbook.settings.keys()].map((key) => ({ key })), 'SettingCollection');
  }
  protected itemProxy(item: { key: string }): SettingProxy { return new SettingProxy(this.context, () => item, this.workbook); }

  /** `add(key, value)`: sets or replaces; the value must survive JSON. */
  add(key: string, value: unknown): SettingProxy {
    const proxy = new SettingProxy(this.context, () => ({ key }), this.workbook);
    this.context.enqueue('SettingCollection.add', [key, value], 4, () => {
      const json = JSON.stringify(value);
      if (json === undefined) throw simError('InvalidArgument', 'A setting value must be JSON-serialisable.', 'SettingCollection.add');
      this.workbook.settings.set(key, json);
    });
    return proxy;
  }
  /** `getItem(key)`. */
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, () => (this.workbook.settings.has(key) ? { key } : null), this.workbook);
  }
  /** `getItemOrNullObject(key)`. */
  getItemOrNullObject(key: string): SettingProxy {
    const proxy = this.getItem(key);
    this.context.enqueue('SettingCollection.getItemOrNullObject', [key], 4, () => proxy.resolveNullable());
    return proxy;
  }
}

/** `Excel.Application`. */
export class ApplicationProxy extends ClientObject<WorkbookModel> {
  protected readonly scalarProps = ['calculationMode'];
  constructor(context: SimContext, workbook: WorkbookModel) { super(context, () => workbook, 'Application'); }
  protected read(_p: string, t: WorkbookModel): unknown { return t.calculationMode; }
  get calculationMode(): string { return this.get('calculationMode'); }
  set calculationMode(v: string) { this.set('calculationMode', v, 8, (t) => { t.calculationMode = v; }); }
  /** Suspends calculation until the next sync (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void { this.call('suspendApiCalculationUntilNextSync', [], 6, () => undefined); }
  /** Suspends screen updating until the next sync (ExcelApi 1.9). */
  suspendScreenUpdatingUntilNextSync(): void { this.call('suspendScreenUpdatingUntilNextSync', [], 9, () => undefined); }
}
