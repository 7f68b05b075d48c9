/**
 * The production build (dist/addin) serves everything the manifest names, from one shared-runtime
 * page: taskpane.html loads the custom functions, the commands and the pane (and office.js);
 * the preview never loads office.js; functions.json and its Persian twin describe the same functions.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { DIST } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

function scripts(file: string): string[] {
  const html = fs.readFileSync(path.join(DIST, file), 'utf8');
  return [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
}

test('every URL of the manifest is a file of the build', () => {
  expect(fs.existsSync(DIST)).toBe(true);
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const urls = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]*)/g)].map((m) => m[1]))].filter((p) => p !== '');
  expect(urls.length).toBeGreaterThan(10);
  const missing = urls.filter((p) => !fs.existsSync(path.join(DIST, p)));
  expect(missing).toEqual([]);
  expect(fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8')).toBe(manifest);
});

test('one shared runtime page: functions, commands and the pane, after office.js', () => {
  expect(scripts('taskpane.html')).toEqual(['https://officeapis.public.onecdn.static.microsoft/1/office.js', 'shared.js', 'functions.js', 'commands.js', 'taskpane.js']);
  expect(scripts('preview.html')).toEqual(['shared.js', 'preview.js', 'functions.js', 'commands.js', 'taskpane.js']);
  expect(fs.existsSync(path.join(DIST, 'worker.js'))).toBe(true);
  expect(fs.existsSync(path.join(DIST, 'functions-worker.js'))).toBe(true);
});

test('the engine is loaded once by the shared page, not once per entry', () => {
  // A string only the engine's message table holds: it survives minification.
  const marker = 'engine.error.noPurchaseReturnsOnly';
  const local = scripts('taskpane.html').filter((src) => !src.startsWith('https:'));
  const holding = local.filter((src) => fs.readFileSync(path.join(DIST, src), 'utf8').includes(marker));
  expect(holding).toEqual(['shared.js']);
});

test('functions.json and functions-fa.json describe the same functions', () => {
  const en = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8'));
  const fa = JSON.parse(fs.readFileSync(path.join(DIST, 'functions-fa.json'), 'utf8'));
  const ids = (m: { functions: { id: string }[] }) => m.functions.map((f) => f.id);
  expect(ids(en).length).toBeGreaterThan(0);
  expect(ids(fa)).toEqual(ids(en));
  // The functions bundle registers every id with CustomFunctions.associate.
  const bundle = fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8');
  for (const id of ids(en)) expect(bundle).toContain(`"${id}"`);
});

test('npm run test:e2e fails when it finds no browser tests', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const jestPart = pkg.scripts['test:e2e'].split('&&').map((p) => p.trim()).find((p) => p.startsWith('jest '));
  expect(jestPart).toBeDefined();
  const run = spawnSync(`npx ${jestPart} --testPathPattern no-such-e2e-test-file`, { cwd: ROOT, shell: true, encoding: 'utf8' });
  expect(run.stdout + run.stderr).toMatch(/No tests found/);
  expect(run.status).not.toBe(0);
}, 60_000);
