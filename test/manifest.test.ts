/**
 * The manifest, checked offline: well-formed XML, the schema (xmllint against the 2019 Office XSDs),
 * resource ids defined and used, one origin for every URL, icons at their declared sizes, one shared
 * runtime everywhere, the lowest requirement sets, and the fa-IR overrides.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
// xml2js ships with office-addin-manifest (a dev dependency): a real XML parser, not regexes.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- xml2js ships no types; the cast below states the one call used
const xml2js = require('xml2js') as { parseStringPromise(xml: string, options: object): Promise<XmlNode> };

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const ORIGIN = 'https://localhost:3000';

/** xml2js's explicit-children tree: `#name`, attributes in `$`, text in `_`, children in `$$`. */
interface XmlNode {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: XmlNode[];
}

let root: XmlNode;

beforeAll(async () => {
  const doc = await xml2js.parseStringPromise(fs.readFileSync(MANIFEST, 'utf8'), {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: false,
    strict: true,
  });
  root = doc;
});

/** Every node of the tree, depth first, with its parent chain. */
function walk(node: XmlNode, parents: XmlNode[] = [], out: { node: XmlNode; parents: XmlNode[] }[] = []) {
  out.push({ node, parents });
  for (const child of node.$$ ?? []) walk(child, [...parents, node], out);
  return out;
}

/** Local name without a namespace prefix (`bt:Image` → `Image`). */
const local = (name: string) => name.replace(/^.*:/, '');

function nodesNamed(name: string) {
  return walk(root).filter(({ node }) => local(node['#name']) === name);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Map of resource id → its DefaultValue, from the Resources section. */
function resources(): Map<string, string> {
  const map = new Map<string, string>();
  const resourcesNode = nodesNamed('Resources')[0].node;
  for (const { node } of walk(resourcesNode)) {
    if (node.$?.id && node.$.DefaultValue !== undefined) map.set(node.$.id, node.$.DefaultValue);
  }
  return map;
}

/** Local file behind an https://localhost:3000/assets/... URL. */
function assetFile(url: string): string {
  expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
  return path.join(ROOT, url.slice(ORIGIN.length + 1));
}

describe('manifest.xml', () => {
  test('is well-formed XML with OfficeApp as its root', () => {
    expect(root['#name']).toBe('OfficeApp');
    expect(root.$?.['xsi:type']).toBe('TaskPaneApp');
  });

  test('validates against the OfficeApp 1.1 schema with xmllint', () => {
    const probe = spawnSync('xmllint', ['--version']);
    if (probe.error) {
      throw new Error('xmllint is missing: install it with `apt-get install -y libxml2-utils` (.ci/run does)');
    }
    expect(fs.existsSync(SCHEMA)).toBe(true);
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8' });
    expect(result.stderr.trim()).toBe(`${MANIFEST} validates`);
    expect(result.status).toBe(0);
  });

  test('every resid is defined in Resources, and every resource is used', () => {
    const defined = resources();
    const used = new Set(walk(root).flatMap(({ node }) => (node.$?.resid ? [node.$.resid] : [])));
    for (const id of used) expect([id, defined.has(id)]).toEqual([id, true]);
    for (const id of defined.keys()) expect([id, used.has(id)]).toEqual([id, true]);
    for (const id of used) expect(id.length).toBeLessThanOrEqual(32);
  });

  test('every URL is on one origin, https://localhost:3000', () => {
    const urls = walk(root).flatMap(({ node }) => {
      const values = Object.values(node.$ ?? {}).filter((v) => /^https?:/.test(v) && !v.includes('schemas.microsoft.com') && !v.includes('www.w3.org'));
      if (local(node['#name']) === 'AppDomain' && node._) values.push(node._);
      return values;
    });
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN);
  });

  test('icons exist at the sizes the manifest declares', () => {
    const defined = resources();
    const images = nodesNamed('Image').filter(({ node }) => node.$?.size);
    expect(images.length).toBe(9);
    for (const { node } of images) {
      const file = assetFile(defined.get(node.$!.resid)!);
      const size = Number(node.$!.size);
      expect([path.basename(file), pngSize(file)]).toEqual([path.basename(file), { width: size, height: size }]);
    }
    const icon = nodesNamed('IconUrl')[0].node.$!.DefaultValue;
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    const highRes = nodesNamed('HighResolutionIconUrl')[0].node.$!.DefaultValue;
    expect(pngSize(assetFile(highRes))).toEqual({ width: 64, height: 64 });
  });

  test('one shared runtime: the task pane, the commands and the custom functions use the same page', () => {
    const runtimes = nodesNamed('Runtime');
    expect(runtimes.map(({ node }) => node.$)).toEqual([{ resid: 'Taskpane.Url', lifetime: 'long' }]);
    expect(nodesNamed('FunctionFile')[0].node.$?.resid).toBe('Taskpane.Url');
    const page = nodesNamed('Page')[0].node.$$!.find((n) => n['#name'] === 'SourceLocation');
    expect(page?.$?.resid).toBe('Taskpane.Url');
    expect(resources().get('Taskpane.Url')).toBe(`${ORIGIN}/taskpane.html`);
    expect(nodesNamed('SourceLocation').find(({ parents }) => parents.length === 2)?.node.$?.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  });

  test('the Home tab holds Analyze (ShowTaskpane) and Refresh (ExecuteFunction "refresh")', () => {
    const tab = nodesNamed('OfficeTab')[0].node;
    expect(tab.$?.id).toBe('TabHome');
    const controls = nodesNamed('Control').map(({ node }) => {
      const action = node.$$!.find((n) => n['#name'] === 'Action')!;
      return { id: node.$!.id, action: action.$!['xsi:type'], fn: action.$$?.find((n) => n['#name'] === 'FunctionName')?._ };
    });
    expect(controls).toEqual([
      { id: 'RFM.Analyze', action: 'ShowTaskpane', fn: undefined },
      { id: 'RFM.Refresh', action: 'ExecuteFunction', fn: 'refresh' },
    ]);
    const commands = fs.readFileSync(path.join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    expect(commands).toContain("Office.actions.associate('refresh'");
  });

  test('requirements: the lowest sets that work, and ReadWriteDocument', () => {
    const sets = nodesNamed('Set').map(({ node }) => `${node.$!.Name} ${node.$!.MinVersion}`);
    expect(sets.sort()).toEqual(['CustomFunctionsRuntime 1.2', 'ExcelApi 1.4', 'SharedRuntime 1.1']);
    expect(nodesNamed('Permissions')[0].node._).toBe('ReadWriteDocument');
    expect(nodesNamed('Host').map(({ node }) => node.$?.Name ?? node.$?.['xsi:type'])).toEqual(['Workbook', 'Workbook']);
  });

  test('CustomFunctionsRuntime covers what src/functions uses', () => {
    // CustomFunctions.Error and ErrorCode (errors returned as results or inside spilled arrays) are
    // "[ API set: CustomFunctionsRuntime 1.2 ]"
    // (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error).
    const needs: { uses: RegExp; version: number }[] = [{ uses: /\bErrorCode\b[\s\S]*new \w+\.Error\(/, version: 1.2 }];
    const source = fs.readdirSync(path.join(ROOT, 'src', 'functions')).filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'src', 'functions', f), 'utf8')).join('\n');
    const needed = Math.max(1.1, ...needs.filter((n) => n.uses.test(source)).map((n) => n.version));
    expect(needed).toBe(1.2);
    const declared = nodesNamed('Set').find(({ node }) => node.$!.Name === 'CustomFunctionsRuntime')!.node.$!.MinVersion;
    expect(Number(declared)).toBeGreaterThanOrEqual(needed);
  });

  test('custom functions: namespace RFM, metadata functions.json, script functions.js', () => {
    const defined = resources();
    expect(defined.get('Functions.Namespace')).toBe('RFM');
    expect(defined.get('Functions.Metadata.Url')).toBe(`${ORIGIN}/functions.json`);
    expect(defined.get('Functions.Script.Url')).toBe(`${ORIGIN}/functions.js`);
    const metadata = nodesNamed('Url').find(({ node }) => node.$?.id === 'Functions.Metadata.Url')!.node;
    expect(metadata.$$?.map((n) => n.$)).toEqual([{ Locale: 'fa-IR', Value: `${ORIGIN}/functions-fa.json` }]);
  });

  test('fa-IR overrides the name, the description and the ribbon labels', () => {
    const overridden = nodesNamed('Override')
      .filter(({ node }) => node.$?.Locale === 'fa-IR' && /[\u0600-\u06FF]/.test(node.$.Value))
      .map(({ parents }) => {
        const owner = parents[parents.length - 1];
        return owner.$?.id ?? owner['#name'];
      });
    for (const owner of ['DisplayName', 'Description', 'Group.Label', 'Analyze.Label', 'Refresh.Label']) {
      expect(overridden).toContain(owner);
    }
  });

  test('the checked-in icons are the ones scripts/make-icons.js draws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/make-icons.js is a CommonJS script without types
    const { ICONS, render } = require(path.join(ROOT, 'scripts', 'make-icons.js'));
    for (const [file, [sizePx, glyph]] of Object.entries(ICONS as Record<string, [number, unknown]>)) {
      expect([file, render(sizePx, glyph).equals(fs.readFileSync(path.join(ROOT, 'assets', file)))]).toEqual([file, true]);
    }
  });
});

