/**
 * Formulas that point at other sheets or at tables: what happens to them when their target is
 * deleted, renamed or rewritten.
 * - Deleting a worksheet turns every reference to it in other sheets' formulas into #REF!, and a
 *   deleted table's structured references likewise ("How to correct a #REF! error", Microsoft Support:
 *   "The #REF! error shows when a formula refers to a cell that's not valid. This happens most often when
 *   cells that were referenced by formulas get deleted"); the formula keeps showing #REF! afterwards,
 *   even if a sheet or table of the same name is added again.
 * - Renaming a sheet or a table updates the formulas that refer to it ("Using structured references
 *   with Excel tables", Microsoft Support: "If you rename a table or a column, Excel automatically changes
 *   the use of that table and column header in all structured references in the workbook").
 * - Writing new values into the same sheet or table leaves the references alone: they show the new values.
 * The simulator computes the few formula shapes the tests use: `=COUNTIFS(Table[Column],"text")`,
 * `=Sheet!A1` and `=SUM(Sheet!A1:B2)`; anything else keeps the value it had when entered.
 */
import { MAX_COLUMNS, parseCells } from './address';
import type { CellValue } from './cells';
import type { SheetModel, TableModel } from './model';

const SHEET_REF = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
const TABLE_REF = /([A-Za-z_\\][A-Za-z0-9_.\\]*)\[([^\]]*)\]/g;

function sheetNameOf(quoted: string | undefined, bare: string | undefined): string {
  return quoted !== undefined ? quoted.replace(/''/g, "'") : bare ?? '';
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Every formula of the given sheets, with a way to replace it. */
function* formulas(sheets: readonly SheetModel[]): Generator<{ sheet: SheetModel; key: number; text: string }> {
  for (const sheet of sheets) for (const [key, text] of sheet.formulas) yield { sheet, key, text };
}

/**
 * Turns references to a deleted sheet and its tables into #REF! in the remaining sheets.
 * @param sheets the sheets that remain
 * @param sheetName the deleted sheet's name
 * @param tableNames names of the tables deleted with it
 */
export function breakReferences(sheets: readonly SheetModel[], sheetName: string, tableNames: readonly string[]): void {
  const lowerTables = new Set(tableNames.map((t) => t.toLowerCase()));
  for (const { sheet, key, text } of formulas(sheets)) {
    const next = text
      .replace(SHEET_REF, (all, q, b) => (sheetNameOf(q, b).toLowerCase() === sheetName.toLowerCase() ? '#REF!' : all))
      .replace(TABLE_REF, (all, t) => (lowerTables.has(String(t).toLowerCase()) ? '#REF!' : all));
    if (next !== text) {
      sheet.formulas.set(key, next);
      setValue(sheet, key, '#REF!');
    }
  }
}

/** Deleting a table alone (Table.delete) breaks its structured references the same way. */
export function breakTableReferences(sheets: readonly SheetModel[], tableName: string): void {
  breakReferences(sheets, '\u0000no sheet', [tableName]);
}

/** Updates references after a sheet or table rename. */
export function renameReferences(sheets: readonly SheetModel[], old: { sheet?: string; table?: string }, name: string): void {
  for (const { sheet, key, text } of formulas(sheets)) {
    let next = text;
    if (old.sheet !== undefined) next = next.replace(SHEET_REF, (all, q, b, cells) => (sheetNameOf(q, b).toLowerCase() === old.sheet!.toLowerCase() ? `${quote(name)}!${cells}` : all));
    if (old.table !== undefined) next = next.replace(TABLE_REF, (all, t, column) => (String(t).toLowerCase() === old.table!.toLowerCase() ? `${name}[${column}]` : all));
    if (next !== text) sheet.formulas.set(key, next);
  }
}

function setValue(sheet: SheetModel, key: number, value: CellValue): void {
  const row = Math.floor(key / MAX_COLUMNS);
  const line = sheet.values[row] ?? (sheet.values[row] = []);
  line[key % MAX_COLUMNS] = value;
  if (value === '#REF!') sheet.errors.add(key);
  else sheet.errors.delete(key);
}

function findSheet(sheets: readonly SheetModel[], name: string): SheetModel | undefined {
  return sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Values of a reference `Sheet!A1:B2`, row by row. */
function rangeValues(sheets: readonly SheetModel[], sheetName: string, cells: string): CellValue[] | undefined {
  const sheet = findSheet(sheets, sheetName);
  if (!sheet) return undefined;
  const rect = parseCells(cells.replace(/\$/g, ''));
  const out: CellValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) out.push(sheet.value(r, c));
  return out;
}

/** Values of a table column's data rows. */
function columnValues(tables: readonly TableModel[], tableName: string, column: string): CellValue[] | undefined {
  const table = tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!table) return undefined;
  const { sheet, rect } = table;
  for (let c = 0; c < rect.columns; c++) {
    if (String(sheet.value(rect.row, rect.column + c)).toLowerCase() !== column.toLowerCase()) continue;
    const out: CellValue[] = [];
    for (let r = rect.row + 1; r < rect.row + rect.rows; r++) out.push(sheet.value(r, rect.column + c));
    return out;
  }
  return undefined;
}

/** The value of one of the formula shapes the simulator computes, or undefined for others. */
export function evaluateReferenceFormula(text: string, sheets: readonly SheetModel[], tables: readonly TableModel[]): CellValue | undefined {
  if (text.includes('#REF!')) return '#REF!';
  const countifs = /^=COUNTIFS\(([A-Za-z_\\][A-Za-z0-9_.\\]*)\[([^\]]*)\],\s*"([^"]*)"\)$/i.exec(text);
  if (countifs) {
    const values = columnValues(tables, countifs[1], countifs[2]);
    return values ? values.filter((v) => String(v).toLowerCase() === countifs[3].toLowerCase()).length : '#REF!';
  }
  const sum = /^=SUM\((?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)\)$/i.exec(text);
  if (sum) {
    const values = rangeValues(sheets, sheetNameOf(sum[1], sum[2]), sum[3]);
    return values ? values.reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0) : '#REF!';
  }
  const cell = /^=(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?[A-Z]+\$?\d+)$/i.exec(text);
  if (cell) {
    const values = rangeValues(sheets, sheetNameOf(cell[1], cell[2]), cell[3]);
    return values ? values[0] : '#REF!';
  }
  return undefined;
}

/** Recomputes every formula that refers to another sheet or a table (after each sync, as automatic calculation would). */
export function recalcReferences(sheets: readonly SheetModel[], tables: readonly TableModel[]): void {
  for (const { sheet, key, text } of formulas(sheets)) {
    if (!text.includes('!') && !text.includes('[')) continue;
    const value = evaluateReferenceFormula(text, sheets, tables);
    if (value !== undefined) setValue(sheet, key, value);
  }
}
