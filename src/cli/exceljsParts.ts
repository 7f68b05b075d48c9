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

/**
 * The worksheet writer's manual row breaks, written as `<rowBreaks>` after the page setup
 * (ECMA-376 Part 1, 18.3.1.74 rowBreaks, 18.3.1.10 brk: `id` is the row the break sits above,
 * 0-based, so 1-based it is the last row of the page before; `max` the last column, XFD = 16383;
 * `man` a manual break). `Row.addPageBreak` would make ExcelJS row objects that the streaming
 * writer (cli/xlsxRows.ts writes rows raw) does not need.
 */
export interface StreamingWorksheetBreaks {
  rowBreaks: { id: number; max: number; man: number }[];
}
