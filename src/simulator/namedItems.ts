/**
 * `Excel.NamedItemCollection` and `Excel.NamedItem` (workbook-scoped defined names).
 * References: https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection (add: ExcelApi 1.4,
 * getItemOrNullObject: 1.4), https://learn.microsoft.com/javascript/api/excel/excel.nameditem
 * (visible: 1.1, delete: 1.4, getRangeOrNullObject: 1.4).
 * Rules copied:
 * - a defined name is saved in the workbook file and refers to its range by sheet, so it follows a
 *   renamed or moved sheet and survives closing and reopening ("Define and use names in formulas",
 *   Microsoft Support); when its sheet is deleted it refers to #REF! (getRangeOrNullObject is then null);
 * - defined names, table names and PivotTable names share one name space: a defined name cannot take a
 *   table's name and the other way round ("Rename an Excel table", Microsoft Support: "a name must be
 *   unique within the workbook").
 */
import { Rect, parseCells, splitSheet } from './address';
import { ClientObject, CollectionObject } from './clientObject';
import { SimContext } from './context';
import { simError } from './errors';
import { NamedItemModel, WorkbookModel } from './model';
import { RangeProxy, RangeRef } from './range';

/** `Excel.NamedItem`. */
export class NamedItemProxy extends ClientObject<NamedItemModel> {
  protected readonly scalarProps = ['name', 'visible', 'formula', 'type'];
  constructor(context: SimContext, resolver: () => NamedItemModel | null) { super(context, resolver, 'NamedItem'); }

  protected read(prop: string, t: NamedItemModel): unknown {
    switch (prop) {
      case 'name': return t.name;
      case 'visible': return t.visible;
      case 'type': return t.sheet ? 'Range' : 'Error';
      case 'formula': return t.sheet ? `=${t.sheet.name}!${t.address}` : '=#REF!';
      default: throw simError('InvalidArgument', `NamedItem has no property ${prop}`, 'NamedItem.load');
    }
  }

  get name(): string { return this.get('name'); }
  get visible(): boolean { return this.get('visible'); }
  set visible(v: boolean) { this.set('visible', v, 1, (t) => { t.visible = !!v; }); }

  /** `getRangeOrNullObject()`: null when the name no longer refers to a range (its sheet was deleted). */
  getRangeOrNullObject(): RangeProxy {
    const proxy = new RangeProxy(this.context, () => {
      const t = this.target();
      return t.sheet ? { sheet: t.sheet, rect: parseCells(t.address) } : null;
    });
    this.context.enqueue('NamedItem.getRangeOrNullObject', [], 4, () => proxy.resolveNullable());
    return proxy;
  }

  /** `delete()`. */
  delete(): void { this.call('delete', [], 4, (t) => this.context.state.workbook.deleteName(t)); }
}

/** `Excel.NamedItemCollection` of the workbook. */
export class NamedItemCollectionProxy extends CollectionObject<NamedItemModel, NamedItemProxy> {
  constructor(context: SimContext, private readonly workbook: WorkbookModel) {
    super(context, () => workbook.names, 'NamedItemCollection');
  }
  protected itemProxy(item: NamedItemModel): NamedItemProxy { return new NamedItemProxy(this.context, () => item); }

  /** `add(name, reference, comment)` (ExcelApi 1.4): a range object or an address with its sheet. */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    let made: NamedItemModel | null = null;
    const proxy = new NamedItemProxy(this.context, () => made);
    this.context.enqueue('NamedItemCollection.add', [name, typeof reference === 'string' ? reference : 'range', comment ?? ''], 4, () => {
      const ref = this.locate(reference);
      made = this.workbook.addName(name, ref.sheet, ref.rect);
    });
    return proxy;
  }

  private locate(reference: RangeProxy | string): RangeRef {
    if (typeof reference !== 'string') return reference.target();
    const { sheet: sheetName, cells } = splitSheet(reference.replace(/^=/, ''));
    const sheet = sheetName === undefined ? undefined : this.workbook.findSheet(sheetName);
    if (!sheet) throw simError('InvalidArgument', `The reference ${reference} needs a worksheet.`, 'NamedItemCollection.add');
    const rect: Rect = parseCells(cells.replace(/\$/g, ''));
    return { sheet, rect };
  }

  /** `getItem(name)` (case-insensitive). */
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.workbook.findName(name) ?? null);
  }

  /** `getItemOrNullObject(name)` (ExcelApi 1.4). */
  getItemOrNullObject(name: string): NamedItemProxy {
    const proxy = this.getItem(name);
    this.context.enqueue('NamedItemCollection.getItemOrNullObject', [name], 4, () => proxy.resolveNullable());
    return proxy;
  }
}
