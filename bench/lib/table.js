'use strict';
/** Prints bench results as an aligned text table. */

function seconds(ms) {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(ms < 10000 ? 3 : 1)} s`;
}

/**
 * @param {Array<{section:string,name:string,ms?:number,bestMs?:number,cpuMs?:number,peakMB?:number,target?:string,targetMs?:number,note?:string,error?:string}>} results
 */
function printTable(results) {
  const header = ['section', 'case', 'time', 'best', 'cpu', 'peak RSS', 'target', 'status'];
  const rows = results.map((r) => [
    r.section,
    r.name,
    r.error ? '' : seconds(r.ms),
    r.bestMs !== undefined && r.bestMs !== r.ms ? seconds(r.bestMs) : '',
    r.error ? '' : seconds(r.cpuMs),
    r.peakMB === undefined ? '' : `${Math.round(r.peakMB)} MB`,
    r.target || '',
    r.error ? `ERROR ${r.error}` : r.targetMs === undefined ? '' : r.ms <= r.targetMs ? 'ok' : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const notes = results.filter((r) => r.note && !r.error);
  if (notes.length) {
    console.log('');
    for (const r of notes) console.log(`${r.section} / ${r.name}: ${r.note}`);
  }
  console.log('');
  console.log('time = wall clock of the first run (cold, the one the status checks); best = fastest of the repeats;');
  console.log('cpu = CPU time of the first run, all threads (less sensitive to a busy machine; GC threads can make it exceed time);');
  console.log('peak RSS = maxRSS of the measuring process (includes its input data). Command cases include node start-up.');
}

/**
 * Prints ours against each peer: wall time and peak RSS, and ours / peer.
 * @param {Array<{section:string,name:string,ms?:number,peakMB?:number,cpuMs?:number,error?:string}>} results
 * @param {Array<{section:string,label:string,ours:string,peers:Record<string,string>}>} specs
 */
function printRatios(results, specs) {
  if (specs.length === 0) return;
  const find = (section, name) => results.find((r) => r.section === section && r.name === name && !r.error);
  console.log('');
  console.log('ours vs peers (ratio = ours / peer; below 1 means ours is faster or smaller)');
  for (const spec of specs) {
    const ours = find(spec.section, spec.ours);
    if (!ours) { console.log(`  ${spec.label}: ours did not run`); continue; }
    console.log(`  ${spec.label}: ours ${seconds(ours.ms)} wall, ${seconds(ours.cpuMs)} cpu, ${Math.round(ours.peakMB)} MB`);
    for (const [peer, name] of Object.entries(spec.peers)) {
      const p = find(spec.section, name);
      if (!p) { console.log(`    ${peer}: did not run`); continue; }
      console.log(`    ${peer}: ${seconds(p.ms)} wall, ${seconds(p.cpuMs)} cpu, ${Math.round(p.peakMB)} MB; ratio wall ${(ours.ms / p.ms).toFixed(2)}, cpu ${(ours.cpuMs / p.cpuMs).toFixed(2)}, memory ${(ours.peakMB / p.peakMB).toFixed(2)}`);
    }
  }
}

module.exports = { printRatios, printTable };
