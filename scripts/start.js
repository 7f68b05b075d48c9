#!/usr/bin/env node
/**
 * `npm start`: builds the add-in and serves https://localhost:3000 with the webpack dev server
 * and office-addin-dev-certs; sideloads the manifest into desktop Excel where one is installed:
 *  - Windows: registry value under HKCU\Software\Microsoft\Office\16.0\WEF\Developer
 *  - macOS:   a copy of manifest.xml in ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
 * Where no Excel is found (Linux, CI), it says so and points at the preview page: the real task
 * pane over the in-memory Excel simulator with a sample workbook.
 * Options: --no-sideload (serve only), --http (no certificates: plain http, preview only).
 * Certificates: office-addin-dev-certs makes them and trusts its CA; when it cannot trust the CA
 * (no admin rights), https is served with the untrusted certificates and it says how to trust them.
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

/** Where office-addin-dev-certs keeps its files. */
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const CERT_FILES = ['localhost.crt', 'localhost.key', 'ca.crt'];

/**
 * How to serve: 'trusted' when office-addin-dev-certs made and trusted the certificates;
 * 'untrusted' when it made them but could not install its CA (no admin rights, no sudo): https
 * still works, but browsers and Excel will not trust it until ca.crt is trusted by hand;
 * 'http' when there are no certificates at all.
 */
async function certificateMode() {
  try {
    await require('office-addin-dev-certs').getHttpsServerOptions();
    return 'trusted';
  } catch (error) {
    console.error(`Could not install the localhost certificates: ${error.message.trim()}`);
    if (CERT_FILES.every((file) => fs.existsSync(path.join(CERT_DIR, file)))) {
      console.error(`Serving https with the certificates in ${CERT_DIR}, whose CA is not trusted yet.`);
      console.error(`Trust ${path.join(CERT_DIR, 'ca.crt')} (as an administrator: \`npx office-addin-dev-certs install\`)`);
      console.error('before loading the add-in in Excel; the preview opens once the browser\'s warning is accepted.');
      return 'untrusted';
    }
    console.error('Make them with `npx office-addin-dev-certs install` (it asks to trust a local CA);');
    console.error('serving the preview over plain http meanwhile (Excel itself needs https).');
    return 'http';
  }
}

async function main() {
  spawnSync(process.execPath, [path.join(__dirname, 'usage-data-off.js')], { stdio: 'inherit' });
  const mode = args.has('--http') ? 'http' : await certificateMode();
  const http = mode === 'http';
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
    env: { ...process.env, RFM_SERVE: mode, RFM_CERT_DIR: CERT_DIR },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
