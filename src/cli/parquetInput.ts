/**
 * Parquet input (the usual export format of warehouses) through DuckDB, an optional dependency
 * loaded only when a .parquet file is read: a text or .xlsx run never loads it, and an install
 * without it still reads every other format.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError, type Cell, type InputTable } from '../engine';

/** The four bytes a Parquet file starts (and ends) with. */
const PARQUET_MAGIC = 'PAR1';

/**
 * True when the file is Parquet: by its first bytes, or by its extension when it is empty/unreadable
 * (the reader then says what is wrong).
 * @param filePath the input file
 */
export function isParquetFile(filePath: string): boolean {
  if (path.extname(filePath).toLowerCase() === '.parquet') return true;
  try {
    const fd = fs.openSync(filePath, 'r');
    try {
      const head = Buffer.alloc(4);
      return fs.readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === PARQUET_MAGIC;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The part of @duckdb/node-api this reader uses. */
interface DuckDbModule {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckDbConnection> }> };
}
interface DuckDbConnection {
  runAndReadAll(sql: string, values?: unknown[]): Promise<{ columnNames(): string[]; getRowsJS(): unknown[][] }>;
  closeSync(): void;
}

/** Loads DuckDB, or explains how to get it. */
async function loadDuckDb(fileName: string): Promise<DuckDbModule> {
  try {
    return (await import('@duckdb/node-api')) as unknown as DuckDbModule;
  } catch {
    throw new InputError(`${fileName}: reading Parquet needs the optional package @duckdb/node-api, which is not installed (npm install @duckdb/node-api), or export the table as CSV`);
  }
}

/** A Parquet value as a cell the engine reads: dates as YYYY-MM-DD, times as ISO text, numbers as numbers. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return String(value);
}

/**
 * Reads a Parquet file into an InputTable (header = column names, row numbers from 2 as for text).
 * @param filePath the file
 * @returns the table
 * @throws InputError when DuckDB is missing or the file is not readable Parquet
 */
export async function readParquetTable(filePath: string): Promise<InputTable> {
  const name = path.basename(filePath);
  if (!fs.existsSync(filePath)) throw new InputError(`${name}: no such file`);
  const duckdb = await loadDuckDb(name);
  const connection = await (await duckdb.DuckDBInstance.create(':memory:')).connect();
  try {
    // dates come back as DATE values; the cast keeps them calendar days whatever the time zone
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($1)', [filePath]);
    const header = reader.columnNames();
    const rows = reader.getRowsJS().map((row) => row.map(toCell));
    return { header, rows, firstRowNumber: 2 };
  } catch (err) {
    throw new InputError(`${name}: not a readable Parquet file (${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`);
  } finally {
    connection.closeSync();
  }
}
