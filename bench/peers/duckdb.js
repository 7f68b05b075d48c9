'use strict';
/**
 * The DuckDB peer: the same customer table as `rfm analyze --clusters off --model off` (R, F, M,
 * L, scores by R rfm's rule, segment, quadrants), computed by DuckDB (@duckdb/node-api, 2 threads)
 * with the query `rfm sql --dialect duckdb` prints, over the CSV read by DuckDB itself.
 * With --simple: the lightest query that gives R, F, M and their quintile scores per customer
 * (typed CSV read, one GROUP BY, quantile_cont cut points), the kind of SQL an analyst would write.
 * Usage: node bench/peers/duckdb.js INPUT.csv[.gz] OUT.csv [--simple 1] --customer C --date D (--amount A | --quantity Q --price P) [--order O]
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
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  const quoted = (s) => `'${s.replace(/'/g, "''")}'`;
  const query = flags.simple ? simpleQuery(columns) : customerTableSql({ dialect: 'duckdb', table: 'lines', columns });
  // the full query: every column as text, as our reader sees it (the query casts what it needs)
  await db.run(`CREATE VIEW lines AS SELECT * FROM read_csv(${quoted(input)}, header = true${flags.simple ? '' : ', all_varchar = true'})`);
  await db.run(`COPY (${query}) TO ${quoted(out)} (HEADER, DELIMITER ',')`);
  const count = await db.runAndReadAll(`SELECT COUNT(*) FROM read_csv(${quoted(out)}, header = true)`);
  process.stderr.write(`duckdb: ${count.getRows()[0][0]} customers\n`);
}

/** R, F, M and quintile scores in one GROUP BY (no segments, quadrants or model summary). */
function simpleQuery(c) {
  const q = (name) => `"${name}"`;
  const amount = c.amount ? q(c.amount) : `${q(c.quantity)} * ${q(c.price)}`;
  const frequency = c.order ? `COUNT(DISTINCT ${q(c.order)}) FILTER (WHERE amount >= 0)` : 'COUNT(*) FILTER (WHERE amount >= 0)';
  const score = (col, reverse) => `CASE ${[4, 3, 2, 1].map((k) => `WHEN p.${col} >= q.${col}[${k}] + 1 THEN ${reverse ? 5 - k : k + 1}`).join(' ')} ELSE ${reverse ? 5 : 1} END`;
  return `WITH l AS (SELECT CAST(${q(c.customer)} AS VARCHAR) AS customer, CAST(${q(c.date)} AS DATE) AS d, ${c.order ? `${q(c.order)} AS ${q(c.order)},` : ''} ${amount} AS amount FROM lines WHERE ${q(c.customer)} IS NOT NULL),
    a AS (SELECT MAX(d) + 1 AS analysis FROM l),
    p AS (SELECT customer, date_diff('day', MAX(d) FILTER (WHERE amount >= 0), MAX(a.analysis)) AS recency_days, ${frequency} AS frequency, SUM(amount) AS monetary FROM l, a GROUP BY customer HAVING COUNT(*) FILTER (WHERE amount >= 0) > 0),
    q AS (SELECT quantile_cont(recency_days, [0.2, 0.4, 0.6, 0.8]) AS recency_days, quantile_cont(frequency, [0.2, 0.4, 0.6, 0.8]) AS frequency, quantile_cont(monetary, [0.2, 0.4, 0.6, 0.8]) AS monetary FROM p)
    SELECT p.*, ${score('recency_days', true)} AS r_score, ${score('frequency', false)} AS f_score, ${score('monetary', false)} AS m_score FROM p, q`;
}

main().catch((err) => {
  process.stderr.write(`duckdb peer: ${err && err.message ? err.message : err}\n`);
  process.exitCode = 1;
});
