/**
 * Browser test harness: a tiny static server over dist/addin on a free localhost port, and headless
 * Debian Chromium through playwright-core. Both fail loudly (never skip) when something is missing.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';

export const DIST = path.resolve(__dirname, '..', '..', 'dist', 'addin');
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** A running static server. */
export interface Served {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves dist/addin on 127.0.0.1 at a free port.
 * @returns the origin and a close function
 */
export async function serveDist(): Promise<Served> {
  if (!fs.existsSync(path.join(DIST, 'preview.html'))) {
    throw new Error(`${DIST}/preview.html is missing: run \`npm run build\` first (npm run test:e2e does)`);
  }
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Starts headless Chromium.
 * @returns the browser
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The server and browser one test file shares (see useBrowser); read them inside tests only. */
export interface SharedBrowser {
  readonly served: Served;
  readonly browser: Browser;
}

/**
 * Serves the build and starts Chromium once for the calling test file (beforeAll), and stops both
 * after it (afterAll). Call at the top level of a test file.
 * @returns the server and browser, ready inside the file's tests
 */
export function useBrowser(): SharedBrowser {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowser: the server and browser start in beforeAll; use them inside a test');
    return value;
  };
  return {
    get served() {
      return started(served);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** Excel serial of an ISO date (YYYY-MM-DD). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

/** What the pane shows when a run ends. */
export interface PaneOutcome {
  status: string;
  error: string | null;
}

/**
 * Presses Analyze and waits until the pane is idle again with a status or an error.
 * @param page the preview page
 * @param timeoutMs how long to wait at most
 * @returns the status line and the error message (null when none)
 */
export async function pressAnalyze(page: Page, timeoutMs = 60_000): Promise<PaneOutcome> {
  await page.click('#analyze');
  await page.waitForFunction(() => {
    const button = document.getElementById('analyze') as HTMLButtonElement;
    return !button.disabled && ((document.getElementById('status')!.textContent ?? '') !== '' || !document.getElementById('error')!.hidden);
  }, undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => {
    const error = document.getElementById('error')!;
    return { status: document.getElementById('status')!.textContent ?? '', error: error.hidden ? null : error.textContent };
  });
}

/** One preview page in a browser of its own, with its server. */
interface OpenPreview {
  page: Page;
  close(): Promise<void>;
}

/**
 * Serves the build, starts Chromium and opens `preview.html?<query>` until the pane is drawn.
 * @param query e.g. `lang=fa&sample=none`
 * @returns the page, and a close that stops the browser and the server
 */
async function openPreview(query: string): Promise<OpenPreview> {
  const served = await serveDist();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await served.close();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await served.close();
  };
  const page = await browser.newPage();
  await page.goto(`${served.origin}/preview.html?${query}`);
  await page.waitForSelector('#analyze');
  return { page, close };
}

/**
 * Opens `preview.html?<query>` in a browser of its own once for the calling test file (beforeAll)
 * and closes it after the file (afterAll). Call at the top level of a test file.
 * @param query e.g. `lang=fa&sample=none`
 * @returns an object whose `page` is the drawn pane, ready inside the file's tests
 */
export function usePreview(query: string): { readonly page: Page } {
  let preview: OpenPreview | undefined;
  beforeAll(async () => {
    preview = await openPreview(query);
  });
  afterAll(() => preview?.close());
  return {
    get page() {
      if (!preview) throw new Error('usePreview: the page opens in beforeAll; use it inside a test');
      return preview.page;
    },
  };
}
