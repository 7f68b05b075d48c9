/**
 * The pane's code builds the page with textContent only and loads nothing at run time: no
 * innerHTML, no eval, no fetch/XMLHttpRequest, no script elements made on the fly.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const DIRS = ['src/taskpane', 'src/preview', 'src/commands'];
const FORBIDDEN = [/\.innerHTML\b/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write\(/, /\beval\(/, /new Function\(/, /\bfetch\(/, /XMLHttpRequest/, /createElement\(['"]script['"]\)/, /importScripts\(/];

test('no HTML injection, eval or network calls in the pane, preview and commands', () => {
  const hits: string[] = [];
  for (const dir of DIRS) {
    for (const file of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
      const code = fs.readFileSync(path.join(ROOT, dir, file), 'utf8');
      for (const pattern of FORBIDDEN) if (pattern.test(code)) hits.push(`${dir}/${file}: ${pattern}`);
    }
  }
  expect(hits).toEqual([]);
});

test('the page allows scripts from its own origin only, plus office.js from the Office CDN', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self'(<%[^%]*%> https:\/\/officeapis\.public\.onecdn\.static\.microsoft https:\/\/appsforoffice\.microsoft\.com<%[^%]*%>)?;/);
  expect(csp).toContain("connect-src 'self'");
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(['https://officeapis.public.onecdn.static.microsoft/1/office.js']);
});
