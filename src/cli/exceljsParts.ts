/**
 * The private parts of ExcelJS 4.4.0's streaming writer that the writer's part modules use to add
 * package parts (tables, charts): one declaration, so they cannot drift apart. package.json pins
 * ExcelJS exactly because of them.
 */

/** The workbook writer's zip. */
export interface StreamingWorkbookParts {
  zip: { append(data: unknown, options: { name: string }): unknown };
}

/** The worksheet writer's relationships and closing hooks. */
export interface StreamingWorksheetParts {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeCloseWorksheet(): void;
  _write(text: string): void;
}
