/**
 * The Spark, BigQuery and Snowflake queries cannot run here: they are checked by an independent SQL
 * parser (node-sql-parser's grammars for Hive/Spark, BigQuery and Snowflake) and for the spellings
 * each engine documents for date arithmetic, types and quoting. DuckDB and PostgreSQL run for real
 * in sqlDuckdb.test.ts and sqlPostgres.test.ts.
 */
import { Parser } from 'node-sql-parser';
import { customerTableSql, type SqlOptions } from '../../src/cli/sql/query';
import { DIALECTS } from '../../src/cli/sql/dialects';

const parser = new Parser();
const GRAMMAR = { duckdb: 'postgresql', postgres: 'postgresql', spark: 'hive', bigquery: 'bigquery', snowflake: 'snowflake' } as const;
const base: Omit<SqlOptions, 'dialect'> = { table: 'shop.sales', columns: { customer: 'Customer ID', date: 'order date', amount: 'amount', quantity: 'qty', order: 'invoice' } };

describe.each(DIALECTS)('%s', (dialect) => {
  const variants: [string, Partial<SqlOptions>][] = [
    ['defaults', {}],
    ['analysis date, 4 bins, median split, zero amounts skipped', { analysisDate: '2024-01-01', bins: 4, split: 'median', zeroAmounts: 'skip' }],
    ['thresholds and the score split', { thresholds: { recency: [30, 90, 180, 365] }, split: 'score' }],
    ['quantity × price', { columns: { customer: 'c', date: 'd', quantity: 'q', price: 'p' } }],
  ];
  it.each(variants)('parses with the %s', (_name, extra) => {
    const sql = customerTableSql({ ...base, ...extra, dialect });
    expect(() => parser.astify(sql, { database: GRAMMAR[dialect] })).not.toThrow();
  });
  it('the parser rejects the same query with one CTE left open (so the check above can fail)', () => {
    const sql = customerTableSql({ ...base, dialect });
    expect(() => parser.astify(sql.replace('\n),\nbounds AS', '\n,\nbounds AS'), { database: GRAMMAR[dialect] })).toThrow();
  });
});

describe('engine-specific spellings', () => {
  const sql = (dialect: (typeof DIALECTS)[number]): string => customerTableSql({ ...base, dialect });
  it('quotes identifiers as each engine does', () => {
    expect(sql('spark')).toContain('t.`Customer ID`');
    expect(sql('bigquery')).toContain('t.`Customer ID`');
    expect(sql('snowflake')).toContain('t."Customer ID"');
    expect(sql('postgres')).toContain('t."Customer ID"');
  });
  it('counts days with each engine\'s date difference', () => {
    expect(sql('spark')).toContain('datediff(p.analysis_date, p.first_purchase)');
    expect(sql('bigquery')).toContain('DATE_DIFF(p.analysis_date, p.first_purchase, DAY)');
    expect(sql('snowflake')).toContain("DATEDIFF('day', p.first_purchase, p.analysis_date)");
    expect(sql('postgres')).toContain('(p.analysis_date - p.first_purchase)');
  });
  it('uses 64-bit floats and integers', () => {
    expect(sql('bigquery')).toContain('AS FLOAT64)');
    expect(sql('bigquery')).toContain('AS INT64)');
    expect(sql('postgres')).toContain('AS DOUBLE PRECISION)');
  });
  it('refuses a table name that could end the statement', () => {
    expect(() => customerTableSql({ ...base, dialect: 'duckdb', table: 'sales; DROP TABLE x' })).toThrow(/--table/);
  });
});
