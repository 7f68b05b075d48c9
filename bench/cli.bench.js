'use strict';
/**
 * Issue 2's figures: the engine on 1,048,576 synthetic rows (100,000 customers) and on the
 * Online Retail file, in memory and as a whole `rfm analyze` run (a child process, node start-up
 * included). Reads the compiled CLI from dist/node.
 */
const fs = require('fs');
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node');
const BIN = path.join(__dirname, '..', 'bin', 'rfm.js');
const ONLINE_RETAIL = path.join(__dirname, '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');
const SYNTHETIC = { rows: 1_048_576, customers: 100_000, seed: 1 };
const SYNTHETIC_FILE = 'synthetic-1048576.csv';

const dist = (module) => require(path.join(DIST, module));

/** Analyses a table with the CLI's defaults and says how many customers came out. */
function analyzeTable(table) {
  const analysis = dist('engine').analyze(table, {}, () => undefined);
  return `${analysis.totals.customers.toLocaleString('en-US')} customers, ${analysis.skipped.total.toLocaleString('en-US')} rows skipped`;
}

/** A readable Online Retail path, or an error that names it. */
function onlineRetail() {
  if (!fs.existsSync(ONLINE_RETAIL)) throw new Error(`missing ${ONLINE_RETAIL}`);
  return ONLINE_RETAIL;
}

module.exports = {
  title: 'cli',
  prepare(tmpDir) {
    fs.writeFileSync(path.join(tmpDir, SYNTHETIC_FILE), dist('cli/synthetic').syntheticCsv(SYNTHETIC));
  },
  cases: [
    {
      name: 'synthetic 1,048,576 rows (text cells): in-memory analysis',
      target: '<= 1 s',
      targetMs: 1000,
      repeat: 3,
      setup: () => dist('cli/synthetic').generateTransactions(SYNTHETIC),
      run: analyzeTable,
    },
    {
      name: 'synthetic 1,048,576 rows (Excel values): in-memory analysis',
      target: '<= 1 s',
      targetMs: 1000,
      repeat: 3,
      setup: () => dist('cli/synthetic').generateTransactions({ ...SYNTHETIC, cells: 'values' }),
      run: analyzeTable,
    },
    {
      name: 'synthetic 1,048,576 rows: read + parse CSV',
      repeat: 3,
      setup: (tmpDir) => path.join(tmpDir, SYNTHETIC_FILE),
      run: async (file) => {
        const table = await dist('cli/readers').readInputTable(file);
        return `${table.rows.length.toLocaleString('en-US')} rows x ${table.header.length} columns`;
      },
    },
    {
      name: 'synthetic 1,048,576 rows: rfm analyze --out tmp.csv',
      command: (tmpDir) => [BIN, 'analyze', path.join(tmpDir, SYNTHETIC_FILE), '--out', path.join(tmpDir, 'synthetic-out.csv')],
    },
    {
      name: 'Online Retail 541,909 rows: read + parse (.csv.gz)',
      repeat: 3,
      setup: () => onlineRetail(),
      run: async (file) => {
        const table = await dist('cli/readers').readInputTable(file);
        return `${table.rows.length.toLocaleString('en-US')} rows x ${table.header.length} columns`;
      },
    },
    {
      name: 'Online Retail 541,909 rows: in-memory analysis',
      repeat: 3,
      setup: () => dist('cli/readers').readInputTable(onlineRetail()),
      run: analyzeTable,
    },
    {
      name: 'Online Retail 541,909 rows: rfm analyze --out tmp.csv',
      target: '<= 2 s',
      targetMs: 2000,
      command: (tmpDir) => [BIN, 'analyze', onlineRetail(), '--out', path.join(tmpDir, 'online-retail-out.csv')],
    },
  ],
};
