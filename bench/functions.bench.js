'use strict';
/**
 * Issue 4's figures: the `=RFM.*` functions called as Excel calls them (ranges as rows of cells),
 * on the compiled code in dist/node, without the CustomFunctions global (errors fall back to plain
 * objects). Inputs are seeded and built in setup, which is not timed.
 */
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node');
const ROWS = 100_000;
const CUSTOMERS = 20_000;
const FIRST_SERIAL = 43831; // 2020-01-01

const functions = () => require(path.join(DIST, 'functions', 'functions'));

/** A small seeded generator (mulberry32), so every run sees the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One column (rows of one cell) of `n` values. */
function columnOf(n, valueAt) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [valueAt(i)];
  return out;
}

/** Three score columns of ROWS rows. */
function scoreColumns() {
  const next = random(4);
  const score = () => 1 + Math.floor(next() * 5);
  return { r: columnOf(ROWS, score), f: columnOf(ROWS, score), m: columnOf(ROWS, score) };
}

/** ROWS transactions of CUSTOMERS customers over two years: ids as text, Excel serial dates, amounts. */
function transactionColumns() {
  const next = random(7);
  return {
    customers: columnOf(ROWS, () => `C${1 + Math.floor(next() * CUSTOMERS)}`),
    dates: columnOf(ROWS, () => FIRST_SERIAL + Math.floor(next() * 730)),
    amounts: columnOf(ROWS, () => Math.round(500 + next() * 20000) / 100),
  };
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
      name: 'RFM.TABLE on 100,000 transactions (20,000 customers)',
      target: '<= 500 ms',
      targetMs: 500,
      repeat: 3,
      setup: () => {
        functions();
        return transactionColumns();
      },
      run: ({ customers, dates, amounts }) => {
        const result = functions().table(customers, dates, amounts);
        if (errorCount(result) > 0) throw new Error(`RFM.TABLE returned an error: ${result[0][0].message}`);
        return `${(result.length - 1).toLocaleString('en-US')} customers x ${result[0].length} columns`;
      },
    },
  ],
};
