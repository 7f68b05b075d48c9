/**
 * `rfm sql --dialect postgres` run by a real PostgreSQL server on the R package's orders, the
 * CDNOW sample and UCI Online Retail: every customer's values equal `rfm analyze` on the same rows.
 * The server: RFM_PG_URL, else the local Debian cluster that scripts/postgres-test-server.sh starts
 * (.ci/run runs it). Under CI a missing server fails the suite; elsewhere it is started here.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client, types } from 'pg';
import { customerTableSql, SQL_RESULT_COLUMNS } from '../../src/cli/sql/query';
import { SQL_CASES, compareRows, engineCustomers, writeCaseCsv } from './sqlFixtures';

let dir: string;
let client: Client;

/** The server's URL: given, or the local cluster started by the project's script. */
function serverUrl(): string {
  if (process.env.RFM_PG_URL) return process.env.RFM_PG_URL;
  const script = path.resolve(__dirname, '..', '..', 'scripts', 'postgres-test-server.sh');
  return execFileSync(script, { encoding: 'utf8' }).trim().split('\n').pop() as string;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-sql-pg-'));
  fs.chmodSync(dir, 0o755); // the server reads the CSV files with COPY as its own user
  client = new Client({ connectionString: serverUrl() });
  await client.connect();
  await client.query('SET client_min_messages = warning');
}, 60_000);
afterAll(async () => {
  await client?.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loadCase(c: (typeof SQL_CASES)[number]): Promise<void> {
  const file = writeCaseCsv(c, dir);
  fs.chmodSync(file, 0o644);
  await client.query('DROP TABLE IF EXISTS sales');
  await client.query('CREATE TABLE sales (customer TEXT, d DATE, amount DOUBLE PRECISION, quantity DOUBLE PRECISION, order_id TEXT)');
  await client.query(`COPY sales FROM '${file}' WITH (FORMAT csv, HEADER true)`);
}

describe.each(SQL_CASES)('$name', (c) => {
  it('every customer equals rfm analyze (0 mismatches)', async () => {
    await loadCase(c);
    const sql = customerTableSql({ dialect: 'postgres', table: 'sales', columns: c.sqlColumns, analysisDate: c.analysisDate });
    // dates as text, so no time zone comes between the server's DATE and the comparison
    await client.query("SET datestyle = 'ISO'");
    const result = await client.query({ text: sql, types: { getTypeParser: (oid: number) => (oid === 1082 ? (v: string) => v : types.getTypeParser(oid)) } });
    expect(result.fields.map((f) => f.name)).toEqual([...SQL_RESULT_COLUMNS]);
    const expected = await engineCustomers(c);
    const { mismatches, examples } = compareRows(expected, result.rows);
    expect(examples).toEqual([]);
    expect(mismatches).toBe(0);
    expect(result.rows.length).toBe(expected.size);
  }, 60_000);
});
