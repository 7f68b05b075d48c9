'use strict';
// Preloaded into every bench child (`node --require`): on exit, writes the peak resident set size
// (KiB, process.resourceUsage().maxRSS) to $RFM_BENCH_RSS_FILE, so the parent can report it.
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.RFM_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
