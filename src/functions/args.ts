/**
 * Argument checking and shape handling for the `=RFM.*` functions: no analysis logic here.
 *
 * Excel hands a range argument over as a matrix (rows of cells) and a blank cell as `""` or null;
 * an optional argument the user left out arrives as null or undefined. Positions in messages are
 * 1-based within the argument's range ("row 3, column 1"), so the user can find the cell.
 */
import { ArgumentError, NoDataError, errorFromException, message } from './errors';

/** A range as Excel hands it over. */
export type Matrix = unknown[][];

/**
 * Is the cell empty?
 * @param value a cell value
 * @returns true for null, undefined and the empty string
 */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Is the cell an Excel error (#N/A, #DIV/0!, ...)? The metadata sets `allowErrorForDataTypeAny`
 * (webpack.config.js), so error cells reach `any` parameters as values instead of turning the whole
 * formula into an error before the function runs ("allowErrorForDataTypeAny: ... custom function can
 * process errors as input values", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json);
 * they arrive as `CustomFunctions.Error` objects (`code` "#N/A", ...), or as their text in tests.
 * @param value a cell value
 * @returns the error's code, or undefined for any other value
 */
export function errorCodeOf(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code.startsWith('#')) return (value as { code: string }).code;
  return undefined;
}

/**
 * Accepts a range or a single value and returns a matrix (a scalar becomes 1×1).
 * @param value what Excel (or a test) passed
 * @returns the value as rows of cells
 */
export function asMatrix(value: unknown): Matrix {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [];
  return Array.isArray(value[0]) ? (value as Matrix) : [value];
}

/**
 * Converts a cell to a number: numbers as they are, numeric text (trimmed) parsed.
 * @param value the cell
 * @returns the number, or NaN when the cell is not numeric (blank, text, boolean)
 */
export function cellNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? Number.NaN : Number(text);
  }
  return Number.NaN;
}

/**
 * Describes a cell's position for messages.
 * @param row 0-based row in the range
 * @param column 0-based column in the range
 * @param rows number of rows of the range
 * @param columns number of columns of the range
 * @returns e.g. `row 3` for a single column, `row 3, column 2` otherwise, `` for a single cell
 */
export function positionText(row: number, column: number, rows: number, columns: number): string {
  if (rows === 1 && columns === 1) return '';
  if (columns === 1) return message('where.row', { row: row + 1 });
  if (rows === 1) return message('where.column', { column: column + 1 });
  return message('where.cell', { row: row + 1, column: column + 1 });
}

/**
 * A range's size for messages.
 * @param rows number of rows
 * @param columns number of columns
 * @returns e.g. `3×1`
 */
function sizeText(rows: number, columns: number): string {
  return `${rows}×${columns}`;
}

/**
 * Reads a one-column or one-row range as a list of cells.
 * @param range the argument
 * @returns its cells in order
 * @throws ArgumentError when the range has several rows and several columns
 */
export function rangeVector(range: NamedRange): unknown[] {
  const matrix = asMatrix(range.value);
  if (matrix.length === 1) return matrix[0];
  if (matrix.every((row) => row.length === 1)) return matrix.map((row) => row[0]);
  throw new ArgumentError('notVector', { name: range.name, size: sizeText(matrix.length, matrix[0].length) });
}

/**
 * Reads ranges that must hold one cell per row of the same list (e.g. customers, dates, amounts).
 * @param ranges the ranges; the first one is the reference for lengths
 * @returns one list of cells per range, all of the same length
 * @throws ArgumentError naming the range whose length differs
 */
export function sameLengthVectors(ranges: readonly NamedRange[]): unknown[][] {
  const lists = ranges.map(rangeVector);
  lists.forEach((list, i) => {
    if (list.length !== lists[0].length) {
      throw new ArgumentError('lengthMismatch', { name: ranges[i].name, count: list.length, other: ranges[0].name, otherCount: lists[0].length });
    }
  });
  return lists;
}

/**
 * Reads the numbers of a range, skipping blank cells (and text cells when asked: labels).
 * @param range the range
 * @param name the argument's name for messages
 * @param skipText true to skip text cells instead of failing on them
 * @returns the numbers in row order
 * @throws ArgumentError naming the first non-numeric cell; NoDataError when there are no numbers
 */
export function rangeNumbers(range: unknown, name: string, skipText = false): number[] {
  const matrix = asMatrix(range);
  const columns = matrix[0]?.length ?? 0;
  const numbers: number[] = [];
  for (let r = 0; r < matrix.length; r++) {
    const row = matrix[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (isBlank(cell)) continue;
      const value = cellNumber(cell);
      if (Number.isNaN(value)) {
        if (skipText && typeof cell === 'string') continue;
        throw new ArgumentError('notNumber', { name, value: String(cell) }, positionText(r, c, matrix.length, columns));
      }
      numbers.push(value);
    }
  }
  if (numbers.length === 0) throw new NoDataError('noNumbers', { name });
  return numbers;
}

/**
 * Reads a number argument.
 * @param value the cell
 * @param name the argument's name for messages
 * @returns the number
 * @throws ArgumentError when it is not a number
 */
export function requiredNumber(value: unknown, name: string): number {
  const number = cellNumber(value);
  if (Number.isNaN(number)) {
    throw new ArgumentError(isBlank(value) ? 'required' : 'notNumber', { name, value: String(value) });
  }
  return number;
}

/**
 * Reads an optional number argument.
 * @param value null/undefined/"" when left out
 * @param name the argument's name
 * @param fallback the default
 * @param min smallest allowed value
 * @param max largest allowed value
 * @returns the number or the default
 * @throws ArgumentError when it is not a number in [min, max]
 */
export function optionalNumber(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (isBlank(value)) return fallback;
  const number = requiredNumber(value, name);
  if (number < min || number > max) throw new ArgumentError('outOfRange', { name, min, max, value: number });
  return number;
}

/**
 * Reads an optional whole-number argument such as bins.
 * @param value null/undefined/"" when left out
 * @param name the argument's name
 * @param fallback the default
 * @param min smallest allowed value
 * @param max largest allowed value
 * @returns the whole number or the default
 * @throws ArgumentError when it is not a whole number in [min, max]
 */
export function optionalWhole(value: unknown, name: string, fallback: number, min: number, max: number): number {
  const number = optionalNumber(value, name, fallback, min, max);
  if (!Number.isInteger(number)) throw new ArgumentError('notWhole', { name, min, max, value: number });
  return number;
}

/**
 * Reads an optional TRUE/FALSE argument (1/0 also accepted).
 * @param value null/undefined/"" when left out
 * @param name the argument's name
 * @param fallback the default
 * @returns the flag
 * @throws ArgumentError for anything else
 */
export function optionalBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (isBlank(value)) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  throw new ArgumentError('notBoolean', { name, value: String(value) });
}

/**
 * Reads an optional keyword argument (case-insensitive).
 * @param value null/undefined/"" when left out
 * @param name the argument's name
 * @param allowed the keywords, lower case; the first is the default
 * @returns the keyword in lower case
 * @throws ArgumentError naming the allowed keywords
 */
export function optionalKeyword<K extends string>(value: unknown, name: string, allowed: readonly K[]): K {
  if (isBlank(value)) return allowed[0];
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const found = allowed.find((keyword) => keyword === text);
  if (found === undefined) throw new ArgumentError('notKeyword', { name, allowed: allowed.map((k) => `"${k}"`).join(', '), value: String(value) });
  return found;
}

/** A named range argument of an element-wise function. */
export interface NamedRange {
  name: string;
  value: unknown;
}

/**
 * Applies `cell` position by position over ranges of the same size (a single cell is repeated
 * over the others, as Excel does). Positions where every input is blank stay blank (""); a blank
 * among non-blank inputs gives #N/A there; an exception for one position becomes that position's
 * error, so one bad cell does not hide the rest of the spill.
 * @param inputs the ranges, in the order `cell` receives them
 * @param cell computes one result from the inputs at a position (the array is reused: copy it to keep it)
 * @returns the result matrix
 * @throws ArgumentError when the sizes do not match
 */
export function elementwise(inputs: readonly NamedRange[], cell: (values: unknown[]) => unknown): Matrix {
  const matrices = inputs.map((input) => asMatrix(input.value));
  const shape = commonShape(inputs, matrices);
  const scratch: unknown[] = new Array(inputs.length);
  const result: Matrix = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const out: unknown[] = new Array(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      out[c] = elementAt(inputs, matrices, r, c, scratch, cell, shape);
    }
    result[r] = out;
  }
  return result;
}

/** The size all inputs share, 1×1 inputs aside. */
function commonShape(inputs: readonly NamedRange[], matrices: Matrix[]): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  let owner = '';
  matrices.forEach((matrix, i) => {
    const height = matrix.length;
    const width = matrix[0]?.length ?? 0;
    if (height === 0 || width === 0) throw new NoDataError('emptyRange', { name: inputs[i].name });
    if (height === 1 && width === 1) return;
    if (owner !== '' && (height !== rows || width !== columns)) {
      throw new ArgumentError('sizeMismatch', { name: inputs[i].name, other: owner, size: sizeText(height, width), otherSize: sizeText(rows, columns) });
    }
    rows = height;
    columns = width;
    owner = inputs[i].name;
  });
  return { rows, columns };
}

/** One position of an element-wise call. */
function elementAt(
  inputs: readonly NamedRange[],
  matrices: Matrix[],
  r: number,
  c: number,
  scratch: unknown[],
  cell: (values: unknown[]) => unknown,
  shape: { rows: number; columns: number },
): unknown {
  let blanks = 0;
  let firstBlank = -1;
  for (let i = 0; i < matrices.length; i++) {
    const matrix = matrices[i];
    const value = matrix.length === 1 && matrix[0].length === 1 ? matrix[0][0] : matrix[r][c];
    scratch[i] = value;
    if (isBlank(value)) {
      blanks++;
      if (firstBlank < 0) firstBlank = i;
    }
  }
  if (blanks === matrices.length) return '';
  // an error in an input cell is that position's result, as Excel's own functions pass errors on
  for (let i = 0; i < scratch.length; i++) if (errorCodeOf(scratch[i]) !== undefined) return scratch[i];
  try {
    if (blanks > 0) throw new NoDataError('blank', { name: inputs[firstBlank].name });
    return cell(scratch);
  } catch (caught) {
    return errorFromException(caught, 'RFM', positionText(r, c, shape.rows, shape.columns).trim());
  }
}
