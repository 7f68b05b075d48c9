'use strict';
/**
 * Issue 15's comparison on one machine: the whole `rfm analyze --clusters off --model off` on the
 * Online Retail file against DuckDB (the customer-table query of `rfm sql --dialect duckdb`, run
 * by @duckdb/node-api on 2 threads over the same .csv.gz; and, lighter, R/F/M and quintile scores in
 * one GROUP BY) and pandas (bench/peers/pandas_rfm.py
 * with /usr/bin/python3). Each is a whole process; the ratios follow the table.
 */
const fs = require('fs');
const path = require('path');

const BIN = path.join(__dirname, '..', 'bin', 'rfm.js');
const ONLINE_RETAIL = path.join(__dirname, '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');
const COLUMNS = ['--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice', '--order', 'InvoiceNo'];
const PYTHON = '/usr/bin/python3';

function onlineRetail() {
  if (!fs.existsSync(ONLINE_RETAIL)) throw new Error(`missing ${ONLINE_RETAIL}`);
  return ONLINE_RETAIL;
}

const OURS = 'Online Retail: rfm analyze, RFM (clusters and model off)';
const DUCKDB = 'Online Retail: DuckDB, the same customer table';
const DUCKDB_SIMPLE = 'Online Retail: DuckDB, R/F/M and scores only';
const PANDAS = 'Online Retail: pandas, R/F/M and scores';

module.exports = {
  title: 'peers',
  cases: [
    { name: OURS, command: (tmp) => [BIN, 'analyze', onlineRetail(), '--clusters', 'off', '--model', 'off', '--out', path.join(tmp, 'ours-retail.csv'), '-q'] },
    { name: DUCKDB, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), onlineRetail(), path.join(tmp, 'duckdb-retail.csv'), ...COLUMNS] },
    { name: DUCKDB_SIMPLE, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), onlineRetail(), path.join(tmp, 'duckdb-simple-retail.csv'), '--simple', '1', ...COLUMNS] },
    { name: PANDAS, exec: (tmp) => [PYTHON, path.join(__dirname, 'peers', 'pandas_rfm.py'), onlineRetail(), path.join(tmp, 'pandas-retail.csv'), 'CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', 'InvoiceNo'] },
  ],
  ratios: [{ label: 'Online Retail 541,909 rows, RFM', ours: OURS, peers: { 'DuckDB (rfm sql table)': DUCKDB, 'DuckDB (R/F/M only)': DUCKDB_SIMPLE, pandas: PANDAS } }],
};
