#!/usr/bin/env node
'use strict';
// The `rfm` command: the compiled CLI (built by `npm run build:cli`, run on `npm ci` by `prepare`).
require('../dist/node/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`rfm: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
