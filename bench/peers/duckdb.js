'use strict';
/**
 * The DuckDB peer: the same customer table as `rfm analyze --clusters off --model off` (R, F, M,
 * L, scores by R rfm's rule, segment, quadrants), computed by DuckDB (@duckdb/node-api, 2 threads)
 * with the query `rfm sql --dialect duckdb` prints, over the CSV read by DuckDB itself.
 * Usage: node bench/peers/duckdb.js INPUT.csv[.gz] OUT.csv --customer C --date D (--amount A | --quantity Q --price P) [--order O]
 */
const path = require('path');

async function main() {
  const [input, out, ...columnArgs] = process.argv.slice(2);
  const flags = {};
  for (let i = 0; i < columnArgs.length; i += 2) flags[columnArgs[i].replace(/^--/, '')] = columnArgs[i + 1];
  const { customerTableSql } = require(path.join(__dirname, '..', '..', 'dist', 'node', 'cli', 'sql', 'query'));
  const { DuckDBInstance } = require('@duckdb/node-api');
  const columns = { customer: flags.customer, date: flags.date, amount: flags.amount, quantity: flags.quantity, price: flags.price, order: flags.order };
  for (const k of Object.keys(columns)) if (columns[k] === undefined) delete columns[k];
  const query = customerTableSql({ dialect: 'duckdb', table: 'lines', columns });
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  const quoted = (s) => `'${s.replace(/'/g, "''")}'`;
  // every column as text, as our reader sees it; the query casts what it needs
  await db.run(`CREATE VIEW lines AS SELECT * FROM read_csv(${quoted(input)}, header = true, all_varchar = true)`);
  await db.run(`COPY (${query}) TO ${quoted(out)} (HEADER, DELIMITER ',')`);
  const count = await db.runAndReadAll(`SELECT COUNT(*) FROM read_csv(${quoted(out)}, header = true)`);
  process.stderr.write(`duckdb: ${count.getRows()[0][0]} customers\n`);
}

main().catch((err) => {
  process.stderr.write(`duckdb peer: ${err && err.message ? err.message : err}\n`);
  process.exitCode = 1;
});
