/**
 * Deploying beyond localhost: the manifest for a production base URL (scripts/deployManifest.js) has
 * every URL under that base, its AppDomain is the base's origin, and it still validates against the
 * Office manifest schema. test/e2e/deploy.test.ts checks the same on a real production build.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/deployManifest.js is a CommonJS script without types
const { deployManifest, checkBaseUrl } = require('../scripts/deployManifest') as {
  deployManifest(xml: string, url: string): string;
  checkBaseUrl(url: string): { base: string; origin: string };
};

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Every URL in attribute values and element text (comments and namespace declarations left out). */
function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
  return [...body.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

describe('deployManifest', () => {
  const deployed = deployManifest(source, 'https://example.com/rfm');

  it('moves every URL of the manifest under the base URL, AppDomain to its origin', () => {
    const before = manifestUrls(source);
    const after = manifestUrls(deployed);
    expect(after).toHaveLength(before.length);
    expect(before.filter((u) => u.startsWith('https://localhost:3000')).length).toBe(before.length);
    for (const url of after) expect(url === 'https://example.com' || url.startsWith('https://example.com/rfm/')).toBe(true);
    expect(after.filter((u) => u === 'https://example.com')).toHaveLength(1);
    expect(deployed).toContain('<AppDomain>https://example.com</AppDomain>');
    expect(after).toContain('https://example.com/rfm/taskpane.html');
    expect(after).toContain('https://example.com/rfm/functions-fa.json');
    expect(deployed).not.toContain('localhost');
  });

  it('still validates against the Office manifest schema (xmllint)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-manifest-')), 'manifest.xml');
    fs.writeFileSync(file, deployed);
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
    expect(result.stderr.trim()).toBe(`${file} validates`);
    expect(result.status).toBe(0);
  });

  it('refuses a base URL Office cannot load, in one line naming the option', () => {
    expect(() => checkBaseUrl('http://example.com/rfm/')).toThrow('--env url: "http://example.com/rfm/" must start with https://');
    expect(() => checkBaseUrl('https://example.com/rfm/?v=1')).toThrow('--env url: "https://example.com/rfm/?v=1" must have no query');
    expect(() => checkBaseUrl('example.com')).toThrow('--env url: "example.com" is not a URL');
    expect(checkBaseUrl('https://example.com:8443/a/b')).toEqual({ base: 'https://example.com:8443/a/b/', origin: 'https://example.com:8443' });
  });
});
