/**
 * An in-memory Excel for tests and for the e2e preview page: `Excel.run`, the request context, the
 * object model the add-in uses, `Office.context.requirements.isSetSupported`, and inspection helpers.
 *
 * Browser-safe: no Node APIs anywhere under src/simulator (the preview page ships it; test/ imports it, never the other way).
 * Each rule cites the Office.js documentation it copies, in the file that implements it:
 * - simulator/context.ts: batching, sync, 5 MB request/response limit, requirement sets, ApiNotFound
 * - simulator/clientObject.ts: load/PropertyNotLoaded, null objects, toJSON
 * - simulator/range.ts: array sizes (InvalidArgument), formats, widths
 * - simulator/cells.ts: formulas from `=`/`+`/`-`, Text format and apostrophe keep text
 * - simulator/names.ts: sheet, table and defined-name rules (one name space for tables, names, PivotTables)
 * - simulator/model.ts: tables never overlap; tables grow when values are written beside them; ids change
 *   on save-and-reopen (`saveAndReopen()`)
 * - simulator/references.ts: formulas on other sheets turn into #REF! when their sheet or table is
 *   deleted, follow renames, and show new values when the cells are rewritten
 * - simulator/namedItems.ts: workbook-scoped defined names (persist, follow their sheet, #REF! on delete)
 * - simulator/context.ts: cell-edit mode (`startCellEdit()`): batches fail unless `delayForCellEdit`
 *
 * @example
 * const sim = createExcelSimulator({ excelApiMinor: 7 });
 * sim.addSheet('Sales', [['Customer', 'Date'], ['a', 45000]]);
 * await sim.Excel.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem('Sales').getUsedRange(); r.load('values'); await ctx.sync(); });
 */
import { Rect, formatAddress, parseCells, splitSheet } from './address';
import { CellValue } from './cells';
import { SimContext, SimulatorOptions, SimulatorState, SyncRecord } from './context';
import { SheetModel, TableModel } from './model';
import { type ActionFunction, type SimulatedOffice, createOffice, runAction } from './office';
import { WorkbookProxy } from './workbook';
import { recalcReferences } from './references';

export type { SimulatorOptions, SyncRecord } from './context';
export type { ActionFunction, CommandEvent, OfficeInfo, SimulatedOffice } from './office';
export { SimulatedExcelError } from './errors';

/** A simulated context with its workbook. */
export type SimRequestContext = SimContext & { workbook: WorkbookProxy };

/** Office.js enums the add-in passes as values (string values, as in Office.js). */
const ENUMS = {
  ConditionalFormatType: { colorScale: 'ColorScale', dataBar: 'DataBar', custom: 'Custom' },
  ConditionalFormatColorCriterionType: { lowestValue: 'LowestValue', highestValue: 'HighestValue', percentile: 'Percentile', number: 'Number' },
  ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', pie: 'Pie' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  AggregationFunction: { sum: 'Sum', count: 'Count', average: 'Average' },
  CalculationMode: { automatic: 'Automatic', automaticExceptTables: 'AutomaticExceptTables', manual: 'Manual' },
  ReadingOrder: { context: 'Context', leftToRight: 'LeftToRight', rightToLeft: 'RightToLeft' },
  ErrorCodes: {
    invalidArgument: 'InvalidArgument', itemAlreadyExists: 'ItemAlreadyExists', itemNotFound: 'ItemNotFound',
    invalidOperation: 'InvalidOperation', apiNotFound: 'ApiNotFound', requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  },
};

/** One simulated Excel instance. */
export class SimulatedExcel {
  readonly state: SimulatorState;
  /** Stand-in for the `Excel` global. */
  readonly Excel: typeof ENUMS & { run<T>(optionsOrBatch: { delayForCellEdit?: boolean } | ((context: SimRequestContext) => Promise<T>), batch?: (context: SimRequestContext) => Promise<T>): Promise<T> };
  /** Stand-in for the `Office` global: onReady (callback and Promise), actions.associate, context (simulator/office.ts). */
  readonly Office: SimulatedOffice;
  /** Functions associated with action ids through `Office.actions.associate`. */
  readonly actions: Map<string, ActionFunction>;

  constructor(options: SimulatorOptions = {}) {
    this.state = new SimulatorState(options);
    const state = this.state;
    this.Excel = {
      ...ENUMS,
      // Excel.run: makes a context, runs the batch, then syncs what is still queued
      // (office.js ClientRequestContext._runBatch ends with `ctx.sync(runBodyResult)`).
      // `Excel.run(options, batch)`: RunOptions.delayForCellEdit (context.ts).
      async run<T>(optionsOrBatch: { delayForCellEdit?: boolean } | ((context: SimRequestContext) => Promise<T>), maybeBatch?: (context: SimRequestContext) => Promise<T>): Promise<T> {
        const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
        const context = new SimContext(state) as SimRequestContext;
        context.delayForCellEdit = typeof optionsOrBatch === 'object' && optionsOrBatch.delayForCellEdit === true;
        (context as { workbook: WorkbookProxy }).workbook = new WorkbookProxy(context, state.workbook);
        const result = await batch(context);
        await context.sync();
        return result;
      },
    };
    const office = createOffice((name, version) => state.isSetSupported(name, version), options.displayLanguage ?? 'en-US');
    this.Office = office.office;
    this.actions = office.actions;
  }

  /** Clicks a ribbon command: runs the function associated with `actionId`; resolves when it calls `event.completed()`. */
  runAction(actionId: string): Promise<void> {
    return runAction(this.actions, actionId);
  }

  /** Sets `globalThis.Excel` and `globalThis.Office` (for the browser preview and e2e). */
  installGlobals(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    target.Excel = this.Excel;
    target.Office = this.Office;
  }

  /** Adds a sheet (outside any sync), optionally with raw values from A1: strings stay text. */
  addSheet(name: string, values?: CellValue[][], formats?: string[][]): SheetModel {
    const sheet = this.state.workbook.addSheet(name);
    if (values) this.setCells(name, 'A1', values, formats);
    return sheet;
  }

  /** The sheet model by name (throws when missing). */
  sheet(name: string): SheetModel {
    const sheet = this.state.workbook.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name}; sheets: ${this.sheetNames().join(', ')}`);
    return sheet;
  }

  /** Sheet names in order. */
  sheetNames(): string[] {
    return this.state.workbook.sheets.map((s) => s.name);
  }

  /** Stores raw values from a top-left cell: strings are text, error strings (#N/A) are error cells. */
  setCells(sheetName: string, topLeft: string, values: CellValue[][], formats?: string[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseCells(topLeft);
    values.forEach((line, r) => line.forEach((v, c) => sheet.store(at.row + r, at.column + c, { value: v ?? '' })));
    formats?.forEach((line, r) => line.forEach((f, c) => sheet.setFormat(at.row + r, at.column + c, f)));
  }

  /** Enters values as a user types them (formulas, numbers and apostrophes are interpreted). */
  typeCells(sheetName: string, topLeft: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseCells(topLeft);
    values.forEach((line, r) => line.forEach((v, c) => sheet.enter(at.row + r, at.column + c, v)));
    recalcReferences(this.state.workbook.sheets, this.state.workbook.tables);
  }

  /** Values of a range, or of the used range (empty array for an empty sheet). */
  values(sheetName: string, address?: string): CellValue[][] {
    return this.grid(sheetName, address, (s, r, c) => s.value(r, c));
  }

  /** Formulas of a range (the value where a cell has no formula). */
  formulas(sheetName: string, address?: string): CellValue[][] {
    return this.grid(sheetName, address, (s, r, c) => s.formula(r, c));
  }

  /** Number formats of a range. */
  numberFormats(sheetName: string, address?: string): string[][] {
    return this.grid(sheetName, address, (s, r, c) => s.format(r, c));
  }

  private grid<V>(sheetName: string, address: string | undefined, cell: (s: SheetModel, r: number, c: number) => V): V[][] {
    const sheet = this.sheet(sheetName);
    const rect: Rect | null = address ? parseCells(address) : sheet.usedRect(true);
    if (!rect) return [];
    const out: V[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const line: V[] = [];
      for (let c = 0; c < rect.columns; c++) line.push(cell(sheet, rect.row + r, rect.column + c));
      out.push(line);
    }
    return out;
  }

  /** Selects a range, e.g. `select('Sales', 'A1:D20')`, `select('Sales', 'A:C')`, or several areas `'A1:B2,D1:D5'`. */
  select(sheetName: string, address: string): void {
    const areas = address.split(',').map((a) => parseCells(splitSheet(a.trim()).cells));
    const sheet = this.sheet(sheetName);
    this.state.workbook.selection = { sheet, rect: areas[0], areas: areas.length };
    this.state.workbook.activeSheet = sheet;
  }

  /** Adds a table over an address of a sheet (outside any sync). */
  addTable(sheetName: string, address: string, name?: string): TableModel {
    const table = this.state.workbook.addTable(this.sheet(sheetName), parseCells(address));
    if (name) this.state.workbook.renameTable(table, name);
    return table;
  }

  /** Every table of the workbook with its address. */
  tables(): { name: string; sheet: string; address: string; style: string }[] {
    return this.state.workbook.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: formatAddress(t.sheet.name, t.rect), style: t.style }));
  }

  /** Workbook settings as plain values. */
  settings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.state.workbook.settings) out[k] = JSON.parse(v);
    return out;
  }

  /** Every sync so far, with request and response sizes in bytes. */
  get syncs(): SyncRecord[] {
    return this.state.syncs;
  }

  /**
   * Makes the next command named `op` (e.g. `TableCollection.add`) fail with `code`, as a host error
   * would; with `when`, the next such command whose payload (the values set, the arguments) it accepts.
   * @example sim.failNext('Range.values.set', 'GeneralException', (values) => JSON.stringify(values).includes('RFM code'))
   */
  failNext(op: string, code = 'GeneralException', when?: (payload: unknown) => boolean): void {
    this.state.faults.push({ op, code, when });
  }

  /** The user starts editing a cell (Excel's Edit mode): batches fail or wait (context.ts). */
  startCellEdit(): void {
    this.state.cellEditing = true;
  }

  /** The user leaves the cell: batches that were delayed run now. */
  endCellEdit(): void {
    this.state.cellEditing = false;
    for (const resume of this.state.waitingForEdit.splice(0)) resume();
  }

  /**
   * Saves, closes and reopens the workbook: new worksheet and table ids, everything else kept
   * (model.ts `reopen`).
   */
  saveAndReopen(): void {
    this.state.workbook.reopen();
  }

  /** Adds a workbook-scoped defined name, e.g. `addName('Rates', 'Inputs!B2:B5')`. */
  addName(name: string, address: string): void {
    const { sheet, cells } = splitSheet(address);
    this.state.workbook.addName(name, this.sheet(sheet ?? ''), parseCells(cells.replace(/\$/g, '')));
  }

  /** Defined names with what they refer to (`#REF!` once their sheet was deleted). */
  names(): { name: string; refersTo: string; visible: boolean }[] {
    return this.state.workbook.names.map((n) => ({ name: n.name, refersTo: n.sheet ? formatAddress(n.sheet.name, parseCells(n.address)) : '#REF!', visible: n.visible }));
  }

  /** A user's chart on `sheetName` plotting `source` (e.g. `'Summary!A4:B15'`), made outside any sync. */
  addChart(sheetName: string, source: string): void {
    const { sheet, cells } = splitSheet(source);
    const from = this.sheet(sheet ?? sheetName);
    const on = this.sheet(sheetName);
    on.charts.push({ id: this.state.workbook.newId('chart'), name: `Chart ${on.charts.length + 1}`, type: 'ColumnClustered', source: parseCells(cells), sourceSheet: from, seriesBy: 'Auto', title: '' });
  }

  /** Charts of a sheet with their source address (`#REF!` once the source sheet was deleted). */
  charts(sheetName: string): { name: string; source: string; values: CellValue[][] }[] {
    return this.sheet(sheetName).charts.map((c) => {
      const from = c.sourceSheet ?? this.sheet(sheetName);
      if (from.deleted) return { name: c.name, source: '#REF!', values: [] };
      return { name: c.name, source: formatAddress(from.name, c.source), values: this.values(from.name, formatAddress(from.name, c.source).replace(/^.*!/, '')) };
    });
  }

  /** A user's PivotTable on `sheetName` at `at` over the table `tableName`, made outside any sync. */
  addPivot(sheetName: string, tableName: string, at: string, name = 'UserPivot'): void {
    const table = this.state.workbook.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table) throw new Error(`no table ${tableName}`);
    const wb = this.state.workbook;
    const fields: string[] = [];
    for (let c = 0; c < table.rect.columns; c++) fields.push(String(table.sheet.value(table.rect.row, table.rect.column + c)));
    this.sheet(sheetName).pivots.push({ name, get sourceTable() { return wb.tables.includes(table) ? table.name : undefined; }, sourceFields: fields, destination: parseCells(at), rows: [], columns: [], data: [], shownRows: table.rect.rows - 1 });
  }

  /**
   * PivotTables of a sheet: source table (`#REF!` when it was deleted) and its data rows now, which a
   * PivotTable refresh would show.
   */
  pivots(sheetName: string): { name: string; source: string; sourceRows: number; shownRows: number }[] {
    return this.sheet(sheetName).pivots.map((p) => {
      const table = p.sourceTable === undefined ? undefined : this.state.workbook.tables.find((t) => t.name === p.sourceTable);
      return { name: p.name, source: table ? table.name : '#REF!', sourceRows: table ? table.rect.rows - 1 : 0, shownRows: p.shownRows };
    });
  }

  /** Forgets the sync log (e.g. after setting up a workbook). */
  clearSyncLog(): void {
    this.state.syncs.length = 0;
  }

  /** The largest request and response of the logged syncs, in bytes. */
  maxPayloadBytes(): { request: number; response: number } {
    let request = 0, response = 0;
    for (const s of this.state.syncs) {
      request = Math.max(request, s.requestBytes);
      response = Math.max(response, s.responseBytes);
    }
    return { request, response };
  }
}

/**
 * Makes a simulated Excel.
 * @param options supported ExcelApi minor version (default 17) and payload limit (default 5 MB)
 * @returns the simulator; pass `sim.Excel.run` and `sim.Office` to the code under test
 */
export function createExcelSimulator(options: SimulatorOptions = {}): SimulatedExcel {
  return new SimulatedExcel(options);
}
