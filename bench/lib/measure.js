'use strict';
/** Runs one bench case in a child process and returns { ms, bestMs, cpuMs, peakMB, note, error }. */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const RSS_HOOK = path.join(__dirname, 'rssHook.js');
const CHILD = path.join(__dirname, 'child.js');

/**
 * Spawns node with the args, waits, and reads the peak RSS the hook wrote.
 * @returns {Promise<{ms:number, code:number, peakMB:number|undefined, stdout:string, stderr:string}>}
 */
function runNode(args, tmpDir, env = {}) {
  const rssFile = path.join(tmpDir, `rss-${process.hrtime.bigint()}.txt`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', RSS_HOOK, ...args], {
      env: { ...process.env, ...env, RFM_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const usage = fs.existsSync(rssFile) ? JSON.parse(fs.readFileSync(rssFile, 'utf8')) : {};
      const peakMB = usage.maxRssKiB === undefined ? undefined : usage.maxRssKiB / 1024;
      resolve({ ms, code, peakMB, cpuMs: usage.cpuMs, stdout, stderr });
    });
  });
}

/**
 * Measures one case.
 * @param {string} benchFile absolute path of the .bench.js
 * @param {number} index the case's index in its file
 * @param {object} benchCase the case
 * @param {string} tmpDir scratch folder
 */
async function runCase(benchFile, index, benchCase, tmpDir) {
  if (benchCase.exec) {
    const run = await runExec(benchCase.exec(tmpDir));
    if (run.code !== 0) return { error: `exit ${run.code}: ${run.stderr.trim().split('\n').pop()}` };
    return { ms: run.ms, cpuMs: run.cpuMs, peakMB: run.peakMB, note: run.note };
  }
  if (benchCase.command) {
    const run = await runNode(benchCase.command(tmpDir), tmpDir);
    if (run.code !== 0) return { error: `exit ${run.code}: ${run.stderr.trim().split('\n').pop()}` };
    return { ms: run.ms, cpuMs: run.cpuMs, peakMB: run.peakMB, note: run.stderr.trim().split('\n').filter(Boolean).pop() };
  }
  const run = await runNode([CHILD, benchFile, String(index), tmpDir], tmpDir);
  const last = run.stdout.trim().split('\n').pop() || '';
  let report;
  try {
    report = JSON.parse(last);
  } catch {
    return { error: `exit ${run.code}: ${(run.stderr.trim() || last).split('\n')[0]}` };
  }
  if (report.error) return { error: report.error };
  return { ms: report.times[0], bestMs: Math.min(...report.times), cpuMs: report.cpuTimes[0], peakMB: run.peakMB, note: report.note };
}

/**
 * Runs any program (not node: e.g. python3) under /usr/bin/time, which reports its peak RSS and CPU.
 * @param {string[]} argv the program and its arguments
 */
function runExec(argv) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'RFM_BENCH_TIME %M %U %S', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const lines = stderr.trim().split('\n');
      const timeLine = lines.find((l) => l.startsWith('RFM_BENCH_TIME')) || '';
      const [, maxKiB, user, sys] = timeLine.split(' ');
      const note = lines.filter((l) => !l.startsWith('RFM_BENCH_TIME') && !/exited with non-zero status/.test(l)).pop();
      resolve({ ms, code, peakMB: Number(maxKiB) / 1024, cpuMs: (Number(user) + Number(sys)) * 1000, stderr, note });
    });
  });
}

module.exports = { runCase, runNode };
