/**
 * `rfm sql --dialect duckdb` run by DuckDB (embedded) on the R package's orders, the CDNOW sample
 * and UCI Online Retail: every customer's values equal `rfm analyze` on the same rows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { customerTableSql, SQL_RESULT_COLUMNS } from '../../src/cli/sql/query';
import { SQL_CASES, compareRows, engineCustomers, writeCaseCsv } from './sqlFixtures';

let dir: string;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-sql-duckdb-'));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  connection?.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loadCase(c: (typeof SQL_CASES)[number]): Promise<void> {
  const file = writeCaseCsv(c, dir);
  await connection.run(`CREATE OR REPLACE TABLE sales AS SELECT * FROM read_csv('${file}', header = true, columns = {'customer': 'VARCHAR', 'd': 'DATE', 'amount': 'DOUBLE', 'quantity': 'DOUBLE', 'order_id': 'VARCHAR'})`);
}

describe.each(SQL_CASES)('$name', (c) => {
  it('every customer equals rfm analyze (0 mismatches)', async () => {
    await loadCase(c);
    const sql = customerTableSql({ dialect: 'duckdb', table: 'sales', columns: c.sqlColumns, analysisDate: c.analysisDate });
    const reader = await connection.runAndReadAll(sql);
    expect(reader.columnNames()).toEqual([...SQL_RESULT_COLUMNS]);
    const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
    const expected = await engineCustomers(c);
    const { mismatches, examples } = compareRows(expected, rows);
    expect(examples).toEqual([]);
    expect(mismatches).toBe(0);
    expect(rows.length).toBe(expected.size);
  }, 60_000);
});
