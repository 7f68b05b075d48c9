'use strict';
/**
 * Child process of one in-process bench case: `node child.js <benchFile> <caseIndex> <tmpDir>`.
 * Runs setup (untimed), then run() `repeat` times, and prints one JSON line { times, note }.
 */
async function main() {
  const [benchFile, index, tmpDir] = process.argv.slice(2);
  const benchCase = require(benchFile).cases[Number(index)];
  try {
    const ctx = benchCase.setup ? await benchCase.setup(tmpDir) : undefined;
    const times = [];
    let note;
    for (let i = 0; i < (benchCase.repeat || 1); i++) {
      const started = process.hrtime.bigint();
      const result = await benchCase.run(ctx);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (typeof result === 'string') note = result;
    }
    process.stdout.write(`\n${JSON.stringify({ times, note })}\n`);
  } catch (err) {
    process.stdout.write(`\n${JSON.stringify({ error: String(err && err.message ? err.message : err).split('\n')[0] })}\n`);
  }
}
main();
