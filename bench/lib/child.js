'use strict';
/**
 * Child process of one in-process bench case: `node child.js <benchFile> <caseIndex> <tmpDir>`.
 * Runs setup (untimed), then run() `repeat` times, and prints one JSON line { times, cpuTimes, note }.
 */
async function main() {
  const [benchFile, index, tmpDir] = process.argv.slice(2);
  const benchCase = require(benchFile).cases[Number(index)];
  try {
    const ctx = benchCase.setup ? await benchCase.setup(tmpDir) : undefined;
    const times = [];
    const cpuTimes = [];
    let note;
    for (let i = 0; i < (benchCase.repeat || 1); i++) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const result = await benchCase.run(ctx);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      if (typeof result === 'string') note = result;
    }
    process.stdout.write(`\n${JSON.stringify({ times, cpuTimes, note })}\n`);
  } catch (err) {
    process.stdout.write(`\n${JSON.stringify({ error: String(err && err.message ? err.message : err).split('\n')[0] })}\n`);
  }
}
main();
