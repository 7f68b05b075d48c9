#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` (after `npm run build:cli`): runs every bench/*.bench.js in name order and prints
 * one table of time and peak memory. Each measurement runs in its own child process, so peaks are
 * separate and one case's garbage never slows the next.
 *
 * A bench file exports { title, prepare?(tmpDir), cases: [...] }; a case is either
 *   { name, target?, targetMs?, repeat?, setup?(tmpDir) -> ctx, run(ctx) }   timed in a child process
 *                                                                            (setup is not timed), or
 *   { name, target?, targetMs?, command(tmpDir) -> argv }                    `node argv...` as a child,
 *                                                                            timed wall-clock end to end, or
 *   { name, exec(tmpDir) -> argv }                                           any program (python3 ...) under
 *                                                                            /usr/bin/time, likewise.
 * A bench file may export ratios: [{ label, ours: caseName, peers: { Name: caseName } }]: after the
 * table, each peer's wall time and peak RSS as a ratio to ours.
 * `prepare` runs once in this process before the file's cases (e.g. to write input files).
 * Usage: node bench/run.js [substring of bench file names...]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runCase } = require('./lib/measure');
const { printRatios, printTable } = require('./lib/table');

async function main() {
  const filters = process.argv.slice(2);
  if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js'))) {
    console.error('bench: dist/node is missing; run `npm run bench` (it builds first) or `npm run build:cli`');
    return 2;
  }
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-bench-'));
  const results = [];
  const ratioSpecs = [];
  try {
    console.log(`rfm bench: node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg()[0].toFixed(1)} at start`);
    for (const file of files) {
      const bench = require(path.join(__dirname, file));
      if (bench.ratios) ratioSpecs.push(...bench.ratios.map((r) => ({ ...r, section: bench.title })));
      let prepareError;
      try {
        if (bench.prepare) await bench.prepare(tmpDir);
      } catch (err) {
        prepareError = `prepare failed: ${String(err && err.message ? err.message : err).split('\n')[0]}`;
      }
      for (let i = 0; i < bench.cases.length; i++) {
        const benchCase = bench.cases[i];
        process.stderr.write(`  ${bench.title}: ${benchCase.name} ...\n`);
        const result = prepareError ? { error: prepareError } : await runCase(path.join(__dirname, file), i, benchCase, tmpDir);
        results.push({ section: bench.title, name: benchCase.name, target: benchCase.target, targetMs: benchCase.targetMs, ...result });
      }
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  printTable(results);
  printRatios(results, ratioSpecs);
  console.log(`load average at end: ${os.loadavg()[0].toFixed(1)} (figures on a busy machine are slower than on an idle one)`);
  return results.some((r) => r.error) ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 1; });
