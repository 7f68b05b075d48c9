'use strict';
/**
 * Issue 15 (Deliver 3): a full sheet in the real pane. The add-in is built once (webpack, in
 * `prepare`), served from dist/addin, and opened in headless Chromium over the simulator; the sheet
 * gets 1,048,575 generated transactions under a header (1,048,576 rows), Analyze is pressed and the
 * case times Analyze → done (read, analysis in the worker, every sheet written). While it runs, the
 * JS heap of the pane and of the analysis worker is sampled through the DevTools protocol
 * (Runtime.getHeapUsage, which interrupts running script) every 50 ms; the peaks are printed with
 * the targets (≤ 3 s, ≤ 600 MB each). Figures only: nothing here is asserted in a test.
 * Run alone: `node bench/pane.bench.js` (after `npm run build`); or `npm run bench -- pane`.
 */
const path = require('path');
const { execFileSync } = require('child_process');
const { registerTypeScript } = require('./lib/typescript');

const ROOT = path.join(__dirname, '..');
const ROWS = 1048575;
const SAMPLE_MS = 50;


/**
 * Samples the used JS heap of the page and of every dedicated worker it starts. Workers are
 * reached through the page's CDP session (Target.setAutoAttach, non-flat: commands go through
 * Target.sendMessageToTarget).
 */
async function heapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  const peaks = { pane: 0, worker: 0 };
  const workers = new Map();
  let nextId = 1;
  const pending = new Map();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, true);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message);
    const resolve = pending.get(message.id);
    if (!resolve) return;
    pending.delete(message.id);
    resolve(message.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = (sessionId) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(undefined));
    setTimeout(() => { pending.delete(id); resolve(undefined); }, 5000);
  });
  let running = true;
  const loop = (async () => {
    while (running) {
      const [pane, ...inWorkers] = await Promise.all([cdp.send('Runtime.getHeapUsage').catch(() => undefined), ...[...workers.keys()].map(workerHeap)]);
      if (pane) peaks.pane = Math.max(peaks.pane, pane.usedSize);
      for (const w of inWorkers) if (w) peaks.worker = Math.max(peaks.worker, w.usedSize);
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peaks;
    },
    workersSeen: () => workers.size,
  };
}

const cases = [
  {
    name: 'pane in Chromium: 1,048,575 rows, Analyze → every sheet written (targets ≤ 3 s, heaps ≤ 600 MB)',
    setup: async () => {
      registerTypeScript();
      const { serveDist, launchChromium } = require(path.join(ROOT, 'test/e2e/harness.ts'));
      const served = await serveDist();
      const browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(`${served.origin}/preview.html?lang=en&sample=none`);
      await page.waitForSelector('#analyze');
      await page.evaluate((rows) => window.rfmPreview.generateSales(rows), ROWS);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
      return { served, browser, page };
    },
    run: async ({ served, browser, page }) => {
      const sampler = await heapSampler(page);
      await page.evaluate(() => {
        const label = document.getElementById('progress-label');
        const stages = [];
        window.benchStages = stages;
        new MutationObserver(() => {
          const text = label.textContent || '';
          if (stages.length === 0 || stages[stages.length - 1].text !== text) stages.push({ text, at: performance.now() });
        }).observe(label, { childList: true, characterData: true, subtree: true });
        window.benchStart = performance.now();
      });
      const started = Date.now();
      await page.click('#analyze');
      await page.waitForFunction(() => {
        const button = document.getElementById('analyze');
        return !button.disabled && ((document.getElementById('status').textContent || '') !== '' || !document.getElementById('error').hidden);
      }, undefined, { timeout: 600000, polling: 50 });
      const ms = Date.now() - started;
      const peaks = await sampler.stop();
      const outcome = await page.evaluate(() => ({
        error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent,
        customers: (document.querySelector('[data-figure="pane.summary.customers"]') || {}).textContent,
        stages: window.benchStages.map((s) => `${s.text} from ${((s.at - window.benchStart) / 1000).toFixed(1)} s`).join(', '),
      }));
      await browser.close();
      await served.close();
      if (outcome.error) throw new Error(`the pane reported: ${outcome.error}`);
      const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;
      return `Analyze → done ${(ms / 1000).toFixed(2)} s (target ≤ 3 s); peak JS heap: pane ${mb(peaks.pane)}, worker ${mb(peaks.worker)} (targets ≤ 600 MB each, sampled every ${SAMPLE_MS} ms); ${outcome.customers} customers; stages: ${outcome.stages}`;
    },
  },
];

module.exports = {
  title: 'pane in Chromium (issue 15)',
  /** Builds the add-in once (dist/addin). */
  prepare: () => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  },
  cases,
};

if (require.main === module) {
  (async () => {
    for (const c of cases) {
      const ctx = await c.setup();
      console.log(`${c.name}: ${await c.run(ctx)}`);
    }
  })().catch((err) => { console.error(err); process.exitCode = 1; });
}
