'use strict';
/**
 * Issue 2's figures: the engine on 1,048,576 synthetic rows (100,000 customers) and on the
 * Online Retail file, in memory and as a whole `rfm analyze` run (a child process, node start-up
 * included). "RFM" cases turn issue 5's stages off (--clusters off --model off): issue 2's targets
 * are for them; "defaults" cases run everything (clusters auto, BG/NBD, CLV, churn), whose own
 * targets issue 5's bench section states. Reads the compiled CLI from dist/node.
 */
const fs = require('fs');
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node');
const BIN = path.join(__dirname, '..', 'bin', 'rfm.js');
const ONLINE_RETAIL = path.join(__dirname, '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');
const SYNTHETIC = { rows: 1_048_576, customers: 100_000, seed: 1 };
const SYNTHETIC_FILE = 'synthetic-1048576.csv';
const RFM_ONLY = { clusters: 'off', model: 'off' };
const RFM_ONLY_FLAGS = ['--clusters', 'off', '--model', 'off'];

const dist = (module) => require(path.join(DIST, module));
const count = (n) => n.toLocaleString('en-US');

/** Analyses a table and says how many customers came out. */
function analyzeWith(options) {
  return (table) => {
    const analysis = dist('engine').analyze(table, options, () => undefined);
    return `${count(analysis.totals.customers)} customers, ${count(analysis.skipped.total)} rows skipped`;
  };
}

/** Reads a file as the CLI does and describes it. */
async function readOnly(file) {
  const table = await dist('cli/readers').readInputTable(file);
  return `${count(table.rows.length)} rows x ${table.header.length} columns`;
}

/** The Online Retail path, or an error that names it. */
function onlineRetail() {
  if (!fs.existsSync(ONLINE_RETAIL)) throw new Error(`missing ${ONLINE_RETAIL}`);
  return ONLINE_RETAIL;
}

const synthetic = (cells) => () => dist('cli/synthetic').generateTransactions({ ...SYNTHETIC, cells });
const syntheticFile = (tmpDir) => path.join(tmpDir, SYNTHETIC_FILE);
const readRetail = () => dist('cli/readers').readInputTable(onlineRetail());

module.exports = {
  title: 'cli',
  prepare(tmpDir) {
    fs.writeFileSync(syntheticFile(tmpDir), dist('cli/synthetic').syntheticCsv(SYNTHETIC));
  },
  cases: [
    { name: 'synthetic 1,048,576 rows, text cells: in-memory RFM analysis', target: '<= 1 s', targetMs: 1000, repeat: 3, setup: synthetic('text'), run: analyzeWith(RFM_ONLY) },
    { name: 'synthetic 1,048,576 rows, Excel values: in-memory RFM analysis', target: '<= 1 s', targetMs: 1000, repeat: 3, setup: synthetic('values'), run: analyzeWith(RFM_ONLY) },
    { name: 'synthetic 1,048,576 rows, text cells: in-memory analysis, defaults', setup: synthetic('text'), run: analyzeWith({}) },
    { name: 'synthetic 1,048,576 rows: read + parse CSV', repeat: 3, setup: syntheticFile, run: readOnly },
    { name: 'synthetic 1,048,576 rows: rfm analyze --out tmp.csv, RFM', command: (tmp) => [BIN, 'analyze', syntheticFile(tmp), '--out', path.join(tmp, 'out.csv'), ...RFM_ONLY_FLAGS] },
    { name: 'synthetic 1,048,576 rows: rfm analyze --out tmp.csv, defaults', command: (tmp) => [BIN, 'analyze', syntheticFile(tmp), '--out', path.join(tmp, 'out.csv')] },
    { name: 'Online Retail 541,909 rows: read + parse .csv.gz', repeat: 3, setup: onlineRetail, run: readOnly },
    { name: 'Online Retail 541,909 rows: in-memory RFM analysis', repeat: 3, setup: readRetail, run: analyzeWith(RFM_ONLY) },
    { name: 'Online Retail 541,909 rows: in-memory analysis, defaults', repeat: 3, setup: readRetail, run: analyzeWith({}) },
    { name: 'Online Retail 541,909 rows: rfm analyze --out tmp.csv, RFM', target: '<= 2 s', targetMs: 2000, command: (tmp) => [BIN, 'analyze', onlineRetail(), '--out', path.join(tmp, 'retail.csv'), ...RFM_ONLY_FLAGS] },
    { name: 'Online Retail 541,909 rows: rfm analyze --out tmp.csv, defaults', target: '<= 2 s', targetMs: 2000, command: (tmp) => [BIN, 'analyze', onlineRetail(), '--out', path.join(tmp, 'retail.csv')] },
  ],
};
