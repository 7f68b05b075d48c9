/**
 * Naming rules the simulator enforces, copied from Excel's documentation.
 */
import { simError } from './errors';

/**
 * Worksheet names: at most 31 characters, none of `/ \ ? * : [ ]`, not blank, not starting or ending
 * with an apostrophe, unique regardless of case.
 * Sources: `Worksheet.name` ("The name must be fewer than 32 characters",
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member), Excel's own
 * message ("You typed an invalid name for a sheet or chart. Make sure that: The name that you type does not exceed
 * 31 characters. The name does not contain any of the following characters: : \\ / ? * [ or ]. You did not leave the
 * name blank.") and Microsoft Support's "Rename a worksheet" (apostrophes at either end, "History" reserved).
 * @param name the proposed name
 * @param taken existing names (other sheets)
 * @throws InvalidArgument for a bad name, ItemAlreadyExists for a duplicate
 */
export function checkSheetName(name: unknown, taken: string[]): string {
  if (typeof name !== 'string' || name.trim() === '') throw simError('InvalidArgument', 'A sheet name cannot be blank.', 'Worksheet.name');
  if (name.length > 31) throw simError('InvalidArgument', `Sheet name longer than 31 characters: ${name}`, 'Worksheet.name');
  if (/[\\/?*:[\]]/.test(name)) throw simError('InvalidArgument', `Sheet name contains one of \\ / ? * : [ ]: ${name}`, 'Worksheet.name');
  if (name.startsWith("'") || name.endsWith("'")) throw simError('InvalidArgument', `Sheet name starts or ends with an apostrophe: ${name}`, 'Worksheet.name');
  if (name.toLowerCase() === 'history') throw simError('InvalidArgument', '"History" is reserved by Excel.', 'Worksheet.name');
  const lower = name.toLowerCase();
  if (taken.some((t) => t.toLowerCase() === lower)) throw simError('ItemAlreadyExists', `A sheet named ${name} already exists.`, 'Worksheet.name');
  return name;
}

/**
 * Table names: start with a letter, underscore or backslash; then letters, digits, periods and
 * underscores; no spaces; at most 255 characters; not a cell reference (A1, R1C1); "C", "c", "R", "r"
 * are not allowed; unique in the workbook regardless of case (tables share the defined-name namespace).
 * Source: "Rename an Excel table" (Microsoft Support)
 * @param name the proposed name
 * @param taken all table names of the workbook except the table being renamed
 * @throws InvalidArgument for a bad name, ItemAlreadyExists for a duplicate
 */
export function checkTableName(name: unknown, taken: string[]): string {
  if (typeof name !== 'string' || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) {
    throw simError('InvalidArgument', `Invalid table name: ${String(name)}`, 'Table.name');
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[CcRr]$/.test(name)) {
    throw simError('InvalidArgument', `A table name cannot look like a cell reference: ${name}`, 'Table.name');
  }
  const lower = name.toLowerCase();
  if (taken.some((t) => t.toLowerCase() === lower)) throw simError('ItemAlreadyExists', `A table named ${name} already exists.`, 'Table.name');
  return name;
}

/**
 * Defined names follow the table-name rules (letters, digits, `_`, `.`; not a cell reference) and share
 * their name space with tables and PivotTables ("Define and use names in formulas", Microsoft Support;
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1)).
 * @param name the proposed name
 * @param taken every defined name, table name and PivotTable name of the workbook
 */
export function checkDefinedName(name: unknown, taken: string[]): string {
  try {
    return checkTableName(name, taken);
  } catch (e) {
    const code = (e as { code?: string }).code === 'ItemAlreadyExists' ? 'ItemAlreadyExists' : 'InvalidArgument';
    throw simError(code, `The name ${String(name)} is not valid or already exists.`, 'NamedItemCollection.add');
  }
}
