'use strict';
/**
 * Issue 15's comparison on one machine: the whole `rfm analyze --clusters off --model off` on the
 * Online Retail file against DuckDB (the customer-table query of `rfm sql --dialect duckdb`, run
 * by @duckdb/node-api on 2 threads over the same .csv.gz; and, lighter, R/F/M and quintile scores in
 * one GROUP BY) and pandas (bench/peers/pandas_rfm.py
 * with /usr/bin/python3). Each is a whole process; the ratios follow the table. The same file
 * unpacked (written by prepare) is read by ours and by DuckDB's R/F/M query too: DuckDB parses a
 * plain CSV on both threads, while gzip data is unpacked on one, so the two differ most there.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BIN = path.join(__dirname, '..', 'bin', 'rfm.js');
const ONLINE_RETAIL = path.join(__dirname, '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');
const COLUMNS = ['--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice', '--order', 'InvoiceNo'];
const PYTHON = '/usr/bin/python3';

function onlineRetail() {
  if (!fs.existsSync(ONLINE_RETAIL)) throw new Error(`missing ${ONLINE_RETAIL}`);
  return ONLINE_RETAIL;
}

/** The unpacked copy prepare writes. */
const plainRetail = (tmp) => path.join(tmp, 'online_retail.csv');

const OURS = 'Online Retail: rfm analyze, RFM (clusters and model off)';
const OURS_PLAIN = 'Online Retail unpacked: rfm analyze, RFM';
const DUCKDB_PLAIN = 'Online Retail unpacked: DuckDB, the same customer table';
const DUCKDB_PLAIN_SIMPLE = 'Online Retail unpacked: DuckDB, R/F/M and scores only';
const DUCKDB = 'Online Retail: DuckDB, the same customer table';
const DUCKDB_SIMPLE = 'Online Retail: DuckDB, R/F/M and scores only';
const PANDAS = 'Online Retail: pandas, R/F/M and scores';

module.exports = {
  title: 'peers',
  prepare: (tmp) => fs.writeFileSync(plainRetail(tmp), zlib.gunzipSync(fs.readFileSync(onlineRetail()))),
  cases: [
    { name: OURS, command: (tmp) => [BIN, 'analyze', onlineRetail(), '--clusters', 'off', '--model', 'off', '--out', path.join(tmp, 'ours-retail.csv'), '-q'] },
    { name: DUCKDB, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), onlineRetail(), path.join(tmp, 'duckdb-retail.csv'), ...COLUMNS] },
    { name: DUCKDB_SIMPLE, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), onlineRetail(), path.join(tmp, 'duckdb-simple-retail.csv'), '--simple', '1', ...COLUMNS] },
    { name: OURS_PLAIN, command: (tmp) => [BIN, 'analyze', plainRetail(tmp), '--clusters', 'off', '--model', 'off', '--out', path.join(tmp, 'ours-retail-plain.csv'), '-q'] },
    { name: DUCKDB_PLAIN, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), plainRetail(tmp), path.join(tmp, 'duckdb-plain.csv'), ...COLUMNS] },
    { name: DUCKDB_PLAIN_SIMPLE, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), plainRetail(tmp), path.join(tmp, 'duckdb-simple-plain.csv'), '--simple', '1', ...COLUMNS] },
    { name: PANDAS, exec: (tmp) => [PYTHON, path.join(__dirname, 'peers', 'pandas_rfm.py'), onlineRetail(), path.join(tmp, 'pandas-retail.csv'), 'CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', 'InvoiceNo'] },
  ],
  ratios: [
    { label: 'Online Retail 541,909 rows (.csv.gz), RFM', ours: OURS, peers: { 'DuckDB (rfm sql table)': DUCKDB, 'DuckDB (R/F/M only)': DUCKDB_SIMPLE, pandas: PANDAS } },
    { label: 'Online Retail unpacked (.csv, 48 MB), RFM', ours: OURS_PLAIN, peers: { 'DuckDB (rfm sql table)': DUCKDB_PLAIN, 'DuckDB (R/F/M only)': DUCKDB_PLAIN_SIMPLE } },
  ],
};
