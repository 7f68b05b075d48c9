/**
 * The SQL dialects `rfm sql` writes: the few spellings that differ between DuckDB, PostgreSQL,
 * Spark SQL, BigQuery and Snowflake. Everything else in the query is plain SQL:2003 (CTEs,
 * window functions, CASE, COUNT(DISTINCT)), which all five accept.
 */

/** The engines `rfm sql` knows. */
export const DIALECTS = ['duckdb', 'postgres', 'spark', 'bigquery', 'snowflake'] as const;

/** One of DIALECTS. */
export type DialectName = (typeof DIALECTS)[number];

/** How one engine spells the parts that differ. */
export interface Dialect {
  name: DialectName;
  /** A quoted identifier. */
  ident(name: string): string;
  /** The 64-bit float type. */
  double: string;
  /** The 64-bit integer type. */
  bigint: string;
  /** The text type. */
  text: string;
  /** Whole days from `start` to `end` (end − start), both DATE. */
  daysBetween(start: string, end: string): string;
  /** A DATE plus a whole number of days. */
  addDays(date: string, days: number): string;
  /** Text with `\.0+` after an integer removed (`17850.0` → `17850`), as the engine does for ids. */
  stripZeroDecimals(text: string): string;
  /** Today's date in the engine's session. */
  today: string;
}

/** ANSI double quotes, doubling embedded quotes. */
function doubleQuoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Back-ticks, doubling embedded back-ticks (Spark SQL, BigQuery). */
function backQuoted(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** The pattern of an integer written with zero decimals; the replacement keeps the integer. */
const ZERO_DECIMALS = '^(-?[0-9]+)[.][0]+$';

const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuoted,
  double: 'DOUBLE',
  bigint: 'BIGINT',
  text: 'VARCHAR',
  daysBetween: (start, end) => `date_diff('day', ${start}, ${end})`,
  addDays: (date, days) => `CAST(${date} + INTERVAL ${days} DAY AS DATE)`,
  stripZeroDecimals: (text) => `regexp_replace(${text}, '${ZERO_DECIMALS}', '\\1')`,
  today: 'CURRENT_DATE',
};

const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuoted,
  double: 'DOUBLE PRECISION',
  bigint: 'BIGINT',
  text: 'TEXT',
  // date − date is an integer number of days in PostgreSQL
  daysBetween: (start, end) => `(${end} - ${start})`,
  addDays: (date, days) => `(${date} + ${days})`,
  stripZeroDecimals: (text) => `regexp_replace(${text}, '${ZERO_DECIMALS}', '\\1')`,
  today: 'CURRENT_DATE',
};

const spark: Dialect = {
  name: 'spark',
  ident: backQuoted,
  double: 'DOUBLE',
  bigint: 'BIGINT',
  text: 'STRING',
  daysBetween: (start, end) => `datediff(${end}, ${start})`,
  addDays: (date, days) => `date_add(${date}, ${days})`,
  stripZeroDecimals: (text) => `regexp_replace(${text}, '${ZERO_DECIMALS}', '$1')`,
  today: 'current_date()',
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: backQuoted,
  double: 'FLOAT64',
  bigint: 'INT64',
  text: 'STRING',
  daysBetween: (start, end) => `DATE_DIFF(${end}, ${start}, DAY)`,
  addDays: (date, days) => `DATE_ADD(${date}, INTERVAL ${days} DAY)`,
  stripZeroDecimals: (text) => `REGEXP_REPLACE(${text}, r'${ZERO_DECIMALS}', r'\\1')`,
  today: 'CURRENT_DATE()',
};

const snowflake: Dialect = {
  name: 'snowflake',
  ident: doubleQuoted,
  double: 'DOUBLE',
  bigint: 'BIGINT',
  text: 'VARCHAR',
  daysBetween: (start, end) => `DATEDIFF('day', ${start}, ${end})`,
  addDays: (date, days) => `DATEADD('day', ${days}, ${date})`,
  stripZeroDecimals: (text) => `REGEXP_REPLACE(${text}, '${ZERO_DECIMALS}', '\\\\1')`,
  today: 'CURRENT_DATE()',
};

const BY_NAME: Record<DialectName, Dialect> = { duckdb, postgres, spark, bigquery, snowflake };

/**
 * The dialect of an engine.
 * @param name one of DIALECTS
 * @returns its spellings
 */
export function dialectOf(name: DialectName): Dialect {
  return BY_NAME[name];
}
