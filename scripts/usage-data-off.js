#!/usr/bin/env node
/**
 * Turns off the usage data (telemetry) that Microsoft's office-addin-* build tools may send, for
 * this machine's user. Run by `npm ci`/`npm install` (the `prepare` script) and by `npm start`, so
 * no build, test or dev-server run reports anything. The versions locked now (2.1.1 and 3.0.0) have
 * reporting removed (their send functions are no-ops); the switch stays so that no other version
 * could report either. Quiet, and harmless when the tools are absent (no dev dependencies).
 */
'use strict';
const { spawnSync } = require('child_process');

let cli;
try {
  cli = require.resolve('office-addin-usage-data/lib/cli.js');
} catch {
  process.exit(0);
}
spawnSync(process.execPath, [cli, 'off'], { stdio: 'ignore' });
