/**
 * The simulated workbook's state: sheets of cells, tables, charts, PivotTables, conditional formats,
 * settings. Proxies (proxies.ts) change it only while a `sync()` runs.
 */
import { MAX_COLUMNS, Rect, overlaps } from './address';
import { CellValue, ERROR_VALUES, StoredCell, displayText, interpretInput } from './cells';
import { checkDefinedName, checkSheetName, checkTableName } from './names';
import { breakReferences, renameReferences } from './references';
import { formatAddress } from './address';
import { simError } from './errors';

/** A visual property recorded over a rectangle: the last layer covering a cell wins. */
export interface StyleLayer {
  rect: Rect;
  key: string;
  value: unknown;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  /** The sheet the source range is on (a chart may plot another sheet's cells). */
  sourceSheet?: SheetModel;
  seriesBy: string;
  title: string;
  topLeft?: string;
  bottomRight?: string;
}

export interface ConditionalFormatModel {
  type: string;
  rect: Rect;
  criteria?: unknown;
}

export interface PivotModel {
  name: string;
  /** Name of the source table, as it is now. */
  readonly sourceTable?: string;
  sourceFields: string[];
  destination: Rect;
  rows: string[];
  columns: string[];
  data: { name: string; summarizeBy: string }[];
  /** Source data rows as of the last refresh (what the PivotTable shows). */
  shownRows: number;
}

/** `B2:C5` (no sheet). */
function rectA1(rect: Rect): string {
  return formatAddress('x', rect).replace(/^.*!/, '');
}

const key = (row: number, column: number): number => row * MAX_COLUMNS + column;

/** One worksheet. Values live in row arrays so a million-row sheet stays compact. */
export class SheetModel {
  values: (CellValue[] | undefined)[] = [];
  formats: (string[] | undefined)[] = [];
  formulas = new Map<number, string>();
  quotePrefixed = new Set<number>();
  errors = new Set<number>();
  styles: StyleLayer[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Print settings (Worksheet.pageLayout, ExcelApi 1.9). */
  print: { orientation: string; zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }; titleRows: { first: number; last: number } | null } =
    { orientation: 'Portrait', zoom: { scale: 100 }, titleRows: null };
  /** Manual page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9): 0-based rows a printed page starts at, ascending. */
  rowBreaks: number[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  pivots: PivotModel[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  showGridlines = true;
  tabColor = '';
  deleted = false;

  constructor(public readonly id: string, public name: string) {}

  /** The stored value ('' when empty). */
  value(row: number, column: number): CellValue {
    return this.values[row]?.[column] ?? '';
  }

  /** The cell's number format ('General' by default). */
  format(row: number, column: number): string {
    return this.formats[row]?.[column] ?? 'General';
  }

  /** The formula, or the value as `Range.formulas` shows it. */
  formula(row: number, column: number): CellValue {
    return this.formulas.get(key(row, column)) ?? this.value(row, column);
  }

  /** `Range.valueTypes` for one cell. */
  valueType(row: number, column: number): string {
    const v = this.value(row, column);
    if (v === '') return 'Empty';
    if (this.errors.has(key(row, column))) return 'Error';
    return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
  }

  /** `Range.text` for one cell. */
  text(row: number, column: number): string {
    return displayText(this.value(row, column), this.format(row, column));
  }

  /** Writes what the user or add-in enters (see cells.ts for the rules). */
  enter(row: number, column: number, input: unknown): void {
    if (input === null) return;
    this.store(row, column, interpretInput(input, this.format(row, column)));
  }

  /** Stores an interpreted cell. */
  store(row: number, column: number, cell: StoredCell): void {
    const k = key(row, column);
    let line = this.values[row];
    if (!line) {
      if (cell.value === '') return;
      line = this.values[row] = [];
    }
    line[column] = cell.value;
    if (cell.formula) this.formulas.set(k, cell.formula);
    else if (this.formulas.size) this.formulas.delete(k);
    if (cell.quotePrefix) this.quotePrefixed.add(k);
    else if (this.quotePrefixed.size) this.quotePrefixed.delete(k);
    const isError = typeof cell.value === 'string' && ERROR_VALUES.has(cell.value) && !cell.quotePrefix && !cell.asText;
    if (isError) this.errors.add(k);
    else if (this.errors.size) this.errors.delete(k);
  }

  /** Sets a number format. */
  setFormat(row: number, column: number, format: string | null): void {
    if (format === null) return;
    const line = this.formats[row] ?? (this.formats[row] = []);
    line[column] = format;
  }

  /** The last style layer for `name` covering the cell. */
  style(row: number, column: number, name: string): unknown {
    for (let i = this.styles.length - 1; i >= 0; i--) {
      const s = this.styles[i];
      if (s.key === name && overlaps(s.rect, { row, column, rows: 1, columns: 1 })) return s.value;
    }
    return undefined;
  }

  /** The smallest rectangle holding every non-empty value (and formatted cell unless valuesOnly). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = -1, r1 = -1, c0 = Infinity, c1 = -1;
    const scan = (rows: (unknown[] | undefined)[], isUsed: (v: unknown) => boolean) => {
      for (let r = 0; r < rows.length; r++) {
        const line = rows[r];
        if (!line) continue;
        for (let c = 0; c < line.length; c++) {
          if (!isUsed(line[c])) continue;
          if (r0 < 0 || r < r0) r0 = r;
          if (r > r1) r1 = r;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
    };
    scan(this.values, (v) => v !== undefined && v !== '');
    if (!valuesOnly) scan(this.formats, (v) => v !== undefined && v !== 'General');
    if (r0 < 0) return null;
    return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
}

/** A workbook-scoped defined name; `sheet` is undefined once it refers to #REF! (namedItems.ts). */
export interface NamedItemModel {
  name: string;
  sheet?: SheetModel;
  /** A1 address of the range on its sheet. */
  address: string;
  visible: boolean;
}

/** A stored setting. */
export interface SettingModel {
  key: string;
  json: string;
}

/** The whole workbook. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, string>();
  names: NamedItemModel[] = [];
  activeSheet?: SheetModel;
  selection?: { sheet: SheetModel; rect: Rect; areas?: number };
  calculationMode = 'Automatic';
  private nextId = 1;

  /** Adds a sheet after validating its name. */
  addSheet(name?: string): SheetModel {
    const taken = this.sheets.map((s) => s.name);
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (taken.some((t) => t.toLowerCase() === `sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    const sheet = new SheetModel(`{sheet-${this.nextId++}}`, checkSheetName(chosen, taken));
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /** Finds a sheet by name (case-insensitive) or id. */
  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  /** Renames a sheet. */
  renameSheet(sheet: SheetModel, name: unknown): void {
    const old = sheet.name;
    sheet.name = checkSheetName(name, this.sheets.filter((s) => s !== sheet).map((s) => s.name));
    renameReferences(this.sheets, { sheet: old }, sheet.name);
  }

  /**
   * Deletes a sheet with its tables. A workbook must keep at least one visible sheet
   * (`Worksheet.delete`, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member).
   */
  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw simError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
    const gone = this.tables.filter((t) => t.sheet === sheet).map((t) => t.name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    sheet.deleted = true;
    for (const n of this.names) if (n.sheet === sheet) n.sheet = undefined;
    breakReferences(this.sheets, sheet.name, gone);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  /**
   * Adds a table over a rectangle whose first row is the header. Tables cannot overlap
   * ("Overview of Excel tables", Microsoft Support;
   * `TableCollection.add`, https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
   * Header cells become unique text; blanks become Column1, Column2, ...
   */
  addTable(sheet: SheetModel, rect: Rect): TableModel {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
      throw simError('InvalidOperation', 'A table can\'t overlap another table.', 'TableCollection.add');
    }
    if (rect.rows < 1) throw simError('InvalidArgument', 'A table needs a header row.', 'TableCollection.add');
    const seen = new Set<string>();
    for (let c = 0; c < rect.columns; c++) {
      const raw = sheet.value(rect.row, rect.column + c);
      let name = raw === '' ? `Column${c + 1}` : String(raw);
      const base = name;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
      seen.add(name.toLowerCase());
      sheet.store(rect.row, rect.column + c, { value: name });
    }
    let n = this.tables.length + 1;
    const taken = new Set([...this.tables.map((t) => t.name), ...this.otherNames('table')].map((x) => x.toLowerCase()));
    while (taken.has(`table${n}`)) n++;
    const table: TableModel = { id: `{table-${this.nextId++}}`, name: `Table${n}`, sheet, rect: { ...rect }, style: 'TableStyleMedium2', showBandedRows: true };
    this.tables.push(table);
    return table;
  }

  /** Renames a table: names are unique across the workbook. */
  renameTable(table: TableModel, name: unknown): void {
    const old = table.name;
    table.name = checkTableName(name, [...this.tables.filter((t) => t !== table).map((t) => t.name), ...this.otherNames('table')]);
    renameReferences(this.sheets, { table: old }, table.name);
  }

  /**
   * Names of the shared name space other than tables (or other than defined names): defined names and
   * PivotTable names ("Rename an Excel table", Microsoft Support; namedItems.ts).
   */
  otherNames(except: 'table' | 'name' | 'pivot' | 'none'): string[] {
    const out: string[] = [];
    if (except !== 'name') out.push(...this.names.map((n) => n.name));
    if (except !== 'table') out.push(...this.tables.map((t) => t.name));
    if (except !== 'pivot') out.push(...this.sheets.flatMap((s) => s.pivots.map((p) => p.name)));
    return out;
  }

  /** Adds a workbook-scoped name (ExcelApi 1.4); the name space is shared with tables and PivotTables. */
  addName(name: string, sheet: SheetModel, rect: Rect): NamedItemModel {
    checkDefinedName(name, this.otherNames('none'));
    const item: NamedItemModel = { name, sheet, address: rectA1(rect), visible: true };
    this.names.push(item);
    return item;
  }

  /** A defined name, case-insensitively. */
  findName(name: string): NamedItemModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** Deletes a defined name. */
  deleteName(item: NamedItemModel): void {
    this.names = this.names.filter((n) => n !== item);
  }

  /**
   * Save, close and reopen: every worksheet and table gets a new id, while names, settings, cells and
   * objects stay. The id "remains constant within a single session but will change between sessions"
   * (Microsoft, https://github.com/OfficeDev/office-js-docs/issues/297; OfficeDev/office-js#1390);
   * `Worksheet.id` is documented only as stable across renames and moves
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member).
   */
  reopen(): void {
    this.reopened++;
    for (const s of this.sheets) (s as { id: string }).id = `{sheet-${this.nextId++}-r${this.reopened}}`;
    for (const t of this.tables) t.id = `{table-${this.nextId++}-r${this.reopened}}`;
    this.selection = undefined;
  }

  reopened = 0;

  /**
   * A table grows when values are written right beside it or right below it: "If you are trying to write
   * data into an existing table, write the data into a range object via `table.getDataBodyRange()`, and
   * the table will expand automatically" ("Import data into tables",
   * https://learn.microsoft.com/office/dev/add-ins/excel/performance#import-data-into-tables), as typing beside
   * a table does in the Excel UI ("Resize a table by adding or removing rows and columns", Microsoft Support).
   */
  autoExpandTables(sheet: SheetModel, rect: Rect): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      const rowsInside = rect.row >= t.rect.row && rect.row < t.rect.row + t.rect.rows;
      const columnsInside = rect.column >= t.rect.column && rect.column < t.rect.column + t.rect.columns;
      let grown: Rect | undefined;
      if (rect.column === t.rect.column + t.rect.columns && rowsInside && this.anyValue(sheet, { ...rect, rows: Math.min(rect.rows, t.rect.row + t.rect.rows - rect.row) })) {
        grown = { ...t.rect, columns: t.rect.columns + rect.columns };
      } else if (rect.row === t.rect.row + t.rect.rows && columnsInside && this.anyValue(sheet, rect)) {
        grown = { ...t.rect, rows: t.rect.rows + rect.rows };
      }
      if (!grown) continue;
      const g = grown;
      if (this.tables.some((o) => o !== t && o.sheet === sheet && overlaps(o.rect, g))) continue;
      t.rect = g;
      for (let c = t.rect.column; c < t.rect.column + t.rect.columns; c++) {
        if (sheet.value(t.rect.row, c) === '') sheet.store(t.rect.row, c, { value: `Column${c - t.rect.column + 1}` });
      }
    }
  }

  private anyValue(sheet: SheetModel, rect: Rect): boolean {
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) if (sheet.value(r, c) !== '') return true;
    return false;
  }

  /** A fresh object id. */
  newId(kind: string): string {
    return `{${kind}-${this.nextId++}}`;
  }
}
