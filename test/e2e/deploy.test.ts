/**
 * `npm run build -- --env url=https://example.com/rfm/` (here into a temporary folder): the built
 * manifest has every URL on that origin under that base, each names a file of the build, and it still
 * validates against the Office manifest schema; functions.json lets error cells reach the functions.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const BASE = 'https://example.com/rfm/';

let out = '';

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-deploy-'));
  const build = spawnSync('npx', ['webpack', '--mode', 'production', '--env', `url=${BASE}`, '--env', `out=${out}`], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`webpack failed: ${build.stderr || build.stdout}`);
}, 600_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('every manifest URL is on the production origin, under the base, and a file of the build', () => {
  const manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  const urls = [...manifest.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(:\w+)?="[^"]*"/g, '').matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
  expect(urls.length).toBeGreaterThan(10);
  for (const url of urls) expect(new URL(url).origin).toBe('https://example.com');
  const files = urls.filter((u) => u !== 'https://example.com').map((u) => {
    expect(u.startsWith(BASE)).toBe(true);
    return u.slice(BASE.length);
  });
  expect(files.filter((f) => !fs.existsSync(path.join(out, f)))).toEqual([]);
});

test('the built manifest validates against the Office manifest schema', () => {
  const file = path.join(out, 'manifest.xml');
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  expect(result.stderr.trim()).toBe(`${file} validates`);
});

test('functions.json and functions-fa.json let error cells reach the functions', () => {
  for (const name of ['functions.json', 'functions-fa.json']) {
    expect(JSON.parse(fs.readFileSync(path.join(out, name), 'utf8')).allowErrorForDataTypeAny).toBe(true);
  }
});
