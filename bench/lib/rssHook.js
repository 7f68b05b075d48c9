'use strict';
// Preloaded into every bench child (`node --require`): on exit, writes the peak resident set size
// (KiB, process.resourceUsage().maxRSS) and the CPU time used (ms, user + system, all threads) to
// $RFM_BENCH_RSS_FILE as JSON, so the parent can report them.
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.RFM_BENCH_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
