'use strict';
/**
 * Issue 4's figures: the `=RFM.*` functions called as Excel calls them (ranges as rows of cells),
 * on the compiled code in dist/node, without the CustomFunctions global (errors fall back to plain
 * objects). Inputs are seeded (the CLI's synthetic transactions) and built in setup, which is not timed.
 */
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node');
const ROWS = 100_000;
const CUSTOMERS = 20_000;

const dist = (module) => require(path.join(DIST, ...module.split('/')));
const functions = () => dist('functions/functions');
// RFM.CUSTOMERTABLE's computation as the functions' worker runs it (functions.table returns a Promise: offThread.ts)
const heavy = () => dist('functions/heavy');

/** One column (rows of one cell) of `n` values. */
function columnOf(n, valueAt) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [valueAt(i)];
  return out;
}

/** Three score columns of ROWS rows, seeded. */
function scoreColumns() {
  const next = dist('engine/clusters/random').seededRandom(4);
  const score = () => 1 + Math.floor(next() * 5);
  return { r: columnOf(ROWS, score), f: columnOf(ROWS, score), m: columnOf(ROWS, score) };
}

/** ROWS synthetic transaction lines of CUSTOMERS customers as Excel values, split into three ranges. */
function transactionColumns() {
  const { header, rows } = dist('cli/synthetic').generateTransactions({ rows: ROWS, customers: CUSTOMERS, cells: 'values' });
  const at = (name) => header.indexOf(name);
  const pick = (index) => rows.map((row) => [row[index]]);
  return { customers: pick(at('customer_id')), dates: pick(at('order_date')), amounts: pick(at('amount')) };
}

/** Counts the error values in a result, for the note. */
function errorCount(result) {
  let errors = 0;
  for (const row of result) for (const cell of row) if (cell && typeof cell === 'object') errors++;
  return errors;
}

module.exports = {
  title: 'functions',
  cases: [
    {
      name: 'RFM.SEGMENT over a 100,000-row range',
      target: '<= 200 ms',
      targetMs: 200,
      repeat: 5,
      setup: () => {
        functions();
        return scoreColumns();
      },
      run: ({ r, f, m }) => {
        const result = functions().segment(r, f, m);
        return `${result.length.toLocaleString('en-US')} segments, ${errorCount(result)} errors`;
      },
    },
    {
      name: 'RFM.SCORE of a 100,000-row range within itself',
      repeat: 5,
      setup: () => {
        functions();
        return transactionColumns().amounts;
      },
      run: (amounts) => {
        const result = functions().score(amounts, amounts, 5, false);
        return `${result.length.toLocaleString('en-US')} scores, ${errorCount(result)} errors`;
      },
    },
    {
      name: 'RFM.CUSTOMERTABLE on 100,000 transaction lines (20,000 customers)',
      target: '<= 500 ms',
      targetMs: 500,
      repeat: 3,
      setup: () => {
        functions();
        return transactionColumns();
      },
      run: ({ customers, dates, amounts }) => {
        const result = heavy().tableNow(customers, dates, amounts);
        if (errorCount(result) > 0) throw new Error(`RFM.CUSTOMERTABLE returned an error: ${result[0][0].message}`);
        return `${(result.length - 1).toLocaleString('en-US')} customers x ${result[0].length} columns`;
      },
    },
    {
      name: 'RFM.CUSTOMERTABLE on the same lines, predictions FALSE (no clusters or models)',
      repeat: 3,
      setup: () => {
        functions();
        return transactionColumns();
      },
      run: ({ customers, dates, amounts }) => {
        const result = heavy().tableNow(customers, dates, amounts, null, null, false);
        if (errorCount(result) > 0) throw new Error(`RFM.CUSTOMERTABLE returned an error: ${result[0][0].message}`);
        return `${(result.length - 1).toLocaleString('en-US')} customers x ${result[0].length} columns`;
      },
    },
    {
      name: "RFM.CUSTOMERTABLE's own share: ranges in, spill out (engine excluded)",
      repeat: 3,
      setup: () => {
        const ranges = transactionColumns();
        const names = ['customers', 'dates', 'amounts'];
        const input = dist('functions/table').transactionTable(...names.map((name) => ({ name, value: ranges[name] })));
        const normalized = dist('engine/parse').normalizeTransactions(input, { customer: 0, date: 1, amount: 2 });
        return { ranges, names, analysis: dist('engine/analyze').analyzeTransactions(normalized.transactions) };
      },
      run: ({ ranges, names, analysis }) => {
        const table = dist('functions/table');
        table.transactionTable(...names.map((name) => ({ name, value: ranges[name] })));
        const rows = table.customerTableRows(analysis);
        return `${(rows.length - 1).toLocaleString('en-US')} rows spilled`;
      },
    },
  ],
};
