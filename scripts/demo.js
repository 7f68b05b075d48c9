#!/usr/bin/env node
'use strict';
/**
 * `npm run demo [-- [OUT.xlsx] [rfm options...]]`: the headless way to see the product.
 * Generates a seeded sample of sales (the CLI's synthetic generator: the same file every time),
 * then runs `rfm analyze sample.csv --out report.xlsx` on it. OUT defaults to report.xlsx in the
 * directory npm was started from; other arguments (e.g. `--lang fa`) go to `rfm analyze`.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist', 'node', 'cli');
/** The sample: 20,000 order lines of 2,000 customers over two years, seed 42. */
const SAMPLE = { rows: 20_000, customers: 2_000, seed: 42 };

function parseArgs(argv) {
  const options = [];
  let out;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') && out === undefined) out = arg;
    else options.push(arg);
  }
  const startDir = process.env.INIT_CWD || process.cwd();
  return { out: path.resolve(startDir, out || 'report.xlsx'), options };
}

async function demo() {
  if (!fs.existsSync(path.join(DIST, 'main.js'))) {
    console.error('demo: dist/node is missing; run `npm run demo` (it builds first) or `npm run build:cli`');
    return 2;
  }
  const { syntheticCsv } = require(path.join(DIST, 'synthetic.js'));
  const { main } = require(path.join(DIST, 'main.js'));
  const { out, options } = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-demo-'));
  try {
    const sample = path.join(dir, 'sample-sales.csv');
    fs.writeFileSync(sample, syntheticCsv(SAMPLE));
    console.log(`demo: ${SAMPLE.rows.toLocaleString('en-US')} sample order lines of ${SAMPLE.customers.toLocaleString('en-US')} customers (seed ${SAMPLE.seed})`);
    const code = await main(['analyze', sample, '--out', out, ...options]);
    if (code === 0) console.log(`demo: wrote ${out}\n      open it in Excel or LibreOffice: Summary, Customers, Matrix, Clusters, Model check and Segment rules sheets`);
    return code;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

demo().then((code) => { process.exitCode = code; }, (err) => { console.error(`demo: ${err && err.message ? err.message : err}`); process.exitCode = 1; });
