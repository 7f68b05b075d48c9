#!/usr/bin/env node
/**
 * `npm start`: builds the add-in and serves https://localhost:3000 with the webpack dev server
 * and office-addin-dev-certs; sideloads the manifest into desktop Excel where one is installed:
 *  - Windows: registry value under HKCU\Software\Microsoft\Office\16.0\WEF\Developer
 *  - macOS:   a copy of manifest.xml in ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
 * Where no Excel is found (Linux, CI), it says so and points at the preview page: the real task
 * pane over the in-memory Excel simulator with a sample workbook.
 * Options: --no-sideload (serve only), --http (no certificates: plain http, preview only).
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000';
const args = new Set(process.argv.slice(2));

/** The add-in's id from the manifest (the registry value name on Windows). */
function manifestId() {
  const match = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(MANIFEST, 'utf8'));
  return match ? match[1].trim() : 'rfm-excel';
}

/** Where desktop Excel is installed, or undefined. */
function findExcel() {
  if (process.platform === 'darwin') {
    const app = '/Applications/Microsoft Excel.app';
    return fs.existsSync(app) ? app : undefined;
  }
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    for (const root of roots) {
      for (const rel of ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE']) {
        const exe = path.join(root, rel);
        if (fs.existsSync(exe)) return exe;
      }
    }
  }
  return undefined;
}

/** Registers the manifest with desktop Excel; returns a sentence saying what was done. */
function sideload(excel) {
  if (process.platform === 'win32') {
    const key = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
    const result = spawnSync('reg', ['add', key, '/v', manifestId(), '/t', 'REG_SZ', '/d', MANIFEST, '/f'], { encoding: 'utf8' });
    if (result.status !== 0) return `Could not write ${key}: ${result.stderr || result.stdout}`;
    return `Sideloaded: ${key}\\${manifestId()} = ${MANIFEST}. Start Excel (${excel}); the add-in is under Home > Customer Value.`;
  }
  const wef = path.join(os.homedir(), 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');
  fs.mkdirSync(wef, { recursive: true });
  fs.copyFileSync(MANIFEST, path.join(wef, 'rfm-excel.manifest.xml'));
  return `Sideloaded: copied manifest.xml to ${wef}. Restart Excel; the add-in is under Home > Customer Value.`;
}

/** True when office-addin-dev-certs can give https options (it makes and trusts them if needed). */
async function certificatesReady() {
  try {
    await require('office-addin-dev-certs').getHttpsServerOptions();
    return true;
  } catch (error) {
    console.error(`Could not make the localhost certificates: ${error.message}`);
    console.error('Make them by hand with `npx office-addin-dev-certs install` (it asks to trust a local CA),');
    console.error('or run `npm start -- --http` to serve the preview over plain http://localhost:3000.');
    return false;
  }
}

async function main() {
  const http = args.has('--http') || !(await certificatesReady());
  const origin = http ? 'http://localhost:3000' : ORIGIN;
  const excel = findExcel();
  if (!args.has('--no-sideload') && excel && !http) console.log(sideload(excel));
  else if (!excel) {
    console.log(`No desktop Excel found on this machine (${process.platform}); nothing was sideloaded.`);
    console.log('Excel on the web: Insert > Add-ins > Upload My Add-in > manifest.xml (see docs/addin.md).');
  }
  console.log(`Preview (the real task pane over a simulated workbook): ${origin}/preview.html`);
  console.log(`Task pane for Excel: ${ORIGIN}/taskpane.html   Stop with Ctrl+C.`);
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, RFM_HTTP: http ? '1' : '' },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
