/**
 * The size and shape limits of .xlsx input and output, in one place (docs/input.md states them).
 * Excel's own limits come from Microsoft's "Excel specifications and limits"
 * (https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * 1,048,576 rows by 16,384 columns, 32,767 characters in a cell. The reader refuses anything
 * beyond them before spending memory on it.
 */

/** Rows of a worksheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Columns of a worksheet (A to XFD). */
export const EXCEL_MAX_COLUMNS = 16_384;

/** Characters of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * Shared strings in one workbook: 16 columns of a full sheet, all different. Each costs an array
 * slot and a string however short, so the count is capped besides the part's size.
 */
export const MAX_SHARED_STRINGS = 16 * EXCEL_MAX_ROWS;

/**
 * Bytes one package part may unpack to: 500 MiB, under the longest string JavaScript can hold
 * (V8: 2^29 − 24 characters), so every part the reader accepts can be scanned as text.
 */
export const MAX_PART_BYTES = 500 * 1024 * 1024;
