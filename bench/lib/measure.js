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

module.exports = { runCase, runNode };
