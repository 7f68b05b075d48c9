'use strict';
/**
 * Issue 15's large file: 30,000,000 order lines of 1,000,000 customers (seeded; about 800 MB of
 * CSV, written to the bench's temporary folder and removed after). `rfm analyze` streams it
 * (--clusters off --model off), DuckDB computes the same customer table with `rfm sql`'s query,
 * and the last case compares every customer's R, F, M and scores between the two.
 * Slow (minutes): run it alone with `node bench/run.js big` after `npm run build:cli`.
 */
const fs = require('fs');
const path = require('path');

const BIN = path.join(__dirname, '..', 'bin', 'rfm.js');
const ROWS = Number(process.env.RFM_BENCH_BIG_ROWS || 30_000_000);
const CUSTOMERS = Number(process.env.RFM_BENCH_BIG_CUSTOMERS || 1_000_000);
const FILE = 'big.csv';
const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 1) / DAY_MS;
const SPAN_DAYS = 730;

/** Seeded LCG, the same file on every run. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes the file: customer,date,amount; ~2% returns (negative), ~0.5% free items (0). */
function writeBigCsv(file) {
  const random = lcg(15);
  const isoDays = [];
  for (let d = 0; d < SPAN_DAYS; d++) isoDays.push(new Date((START + d) * DAY_MS).toISOString().slice(0, 10));
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'customer,date,amount\n');
  const CHUNK = 200_000;
  for (let done = 0; done < ROWS; done += CHUNK) {
    const lines = [];
    for (let i = 0; i < Math.min(CHUNK, ROWS - done); i++) {
      const customer = Math.floor(random() * CUSTOMERS);
      const day = isoDays[Math.floor(random() * SPAN_DAYS)];
      const kind = random();
      const cents = 100 + Math.floor(random() * 19900);
      const amount = kind < 0.005 ? '0' : kind < 0.025 ? `-${(cents / 100).toFixed(2)}` : (cents / 100).toFixed(2);
      lines.push(`C${customer},${day},${amount}`);
    }
    fs.writeSync(fd, lines.join('\n') + '\n');
  }
  fs.closeSync(fd);
}

/** Customer rows of a customers CSV (ids have no commas or quotes here), keyed by id. */
function readCustomers(file) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const at = (name) => header.indexOf(name);
  const cols = ['recency_days', 'frequency', 'monetary', 'l_score', 'r_score', 'f_score', 'm_score'].map(at);
  const out = new Map();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = lines[i].split(',');
    out.set(cells[at('customer')], cols.map((c) => Number(cells[c])));
  }
  return out;
}

const COUNT = `${ROWS.toLocaleString('en-US')} rows`;
const OURS = `${COUNT}: rfm analyze, RFM (streamed)`;
const DUCKDB = `${COUNT}: DuckDB, the same customer table`;

module.exports = {
  title: 'big',
  prepare(tmpDir) {
    writeBigCsv(path.join(tmpDir, FILE));
  },
  cases: [
    { name: OURS, target: '<= 1.5 GB peak', command: (tmp) => [BIN, 'analyze', path.join(tmp, FILE), '--clusters', 'off', '--model', 'off', '--out', path.join(tmp, 'ours-big.csv'), '-q'] },
    { name: DUCKDB, command: (tmp) => [path.join(__dirname, 'peers', 'duckdb.js'), path.join(tmp, FILE), path.join(tmp, 'duckdb-big.csv'), '--customer', 'customer', '--date', 'date', '--amount', 'amount'] },
    {
      name: 'every customer: R, F, M, L and scores, ours vs DuckDB',
      setup: (tmp) => tmp,
      run: (tmp) => {
        const ours = readCustomers(path.join(tmp, 'ours-big.csv'));
        const duck = readCustomers(path.join(tmp, 'duckdb-big.csv'));
        let mismatches = 0;
        let first = '';
        for (const [id, values] of ours) {
          const other = duck.get(id);
          const same = other !== undefined && values.every((v, i) => (i === 2 ? Math.abs(v - other[i]) < 1e-6 : v === other[i]));
          if (!same) {
            mismatches++;
            if (!first) first = `${id}: ours ${values.join('/')} duckdb ${other ? other.join('/') : 'missing'}`;
          }
        }
        const note = `${ours.size.toLocaleString('en-US')} customers ours, ${duck.size.toLocaleString('en-US')} DuckDB, ${mismatches} mismatches${first ? ` (first: ${first})` : ''}`;
        if (mismatches > 0 || ours.size !== duck.size) throw new Error(note);
        return note;
      },
    },
  ],
  ratios: [{ label: `${COUNT} / ${CUSTOMERS.toLocaleString('en-US')} customers, RFM`, ours: OURS, peers: { DuckDB: DUCKDB } }],
};
