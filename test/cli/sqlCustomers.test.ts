/**
 * The warehouse route end to end: `rfm sql` run by DuckDB on the CDNOW sample (calibration to
 * 1997-09-30), its result saved as CSV and as Parquet, then `rfm analyze --input-kind customers`
 * on that table fits BG/NBD to the published CDNOW figures (Fader, Hardie & Lee 2005; lifetimes:
 * r 0.2426, α 4.4135, a 0.7929, b 2.4258, LL −9582.43) over all 2,357 customers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../support/cli';
import { customerTableSql } from '../../src/cli/sql/query';
import { SQL_CASES, writeCaseCsv } from './sqlFixtures';

let dir: string;
const outputs: Record<'csv' | 'parquet', string> = { csv: '', parquet: '' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-sql-customers-'));
  const cdnow = SQL_CASES.find((c) => c.name === 'CDNOW sample')!;
  const lines = writeCaseCsv(cdnow, dir);
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${lines}', header = true, columns = {'customer': 'VARCHAR', 'd': 'DATE', 'amount': 'DOUBLE', 'quantity': 'DOUBLE', 'order_id': 'VARCHAR'})`);
  const sql = customerTableSql({ dialect: 'duckdb', table: 'sales', columns: cdnow.sqlColumns, analysisDate: '1997-10-01' });
  outputs.csv = path.join(dir, 'customers.csv');
  outputs.parquet = path.join(dir, 'customers.parquet');
  await connection.run(`COPY (${sql}) TO '${outputs.csv}' (HEADER)`);
  await connection.run(`COPY (${sql}) TO '${outputs.parquet}' (FORMAT parquet)`);
  connection.closeSync();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

describe.each(['csv', 'parquet'] as const)('the customer table as %s', (format) => {
  it('fits BG/NBD to the published CDNOW figures over 2,357 customers, with L scores', async () => {
    const out = path.join(dir, `analysis-${format}.json`);
    const result = await run('analyze', outputs[format], '--input-kind', 'customers', '--time-unit', 'weeks', '--model', 'bgnbd', '--clusters', 'off', '--out', out, '--quiet');
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const analysis = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(analysis.customers).toHaveLength(2357);
    expect(analysis.customers.every((c: { lengthScore: number | null }) => c.lengthScore !== null)).toBe(true);
    const fit = analysis.clv.fits.bgnbd;
    expect(fit.customers).toBe(2357);
    expect(fit.params.r).toBeCloseTo(0.2426, 3);
    expect(fit.params.alpha).toBeCloseTo(4.4135, 2);
    expect(fit.params.a).toBeCloseTo(0.7929, 3);
    expect(fit.params.b).toBeCloseTo(2.4258, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
  });
});

describe('without DuckDB', () => {
  it('says which optional package reading Parquet needs (exit 2)', async () => {
    jest.resetModules();
    jest.doMock('@duckdb/node-api', () => { throw new Error('Cannot find module'); });
    const { main: isolatedMain } = await import('../../src/cli/main');
    let stderr = '';
    const code = await isolatedMain(['analyze', outputs.parquet, '--input-kind', 'customers'], { stdout: { write: () => true }, stderr: { write: (t: string) => { stderr += t; return true; } } as never });
    expect(code).toBe(2);
    expect(stderr).toMatch(/customers\.parquet: reading Parquet needs the optional package @duckdb\/node-api/);
    jest.dontMock('@duckdb/node-api');
  });
});
