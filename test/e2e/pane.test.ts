/**
 * The production build in headless Chromium: the real task pane over the Excel simulator (the
 * preview page). Analyze on the R package's sample orders must reproduce its documented results;
 * pasted rows must show up after the ribbon's Refresh; Persian must render right-to-left and write
 * Persian sheets; bad input must give a message and write nothing. Screenshots go to test-artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { t } from '../../src/i18n';
import { persianNumerals } from '../../src/taskpane/lang';
import { requireSharedData } from '../support/sharedData';
import { ARTIFACTS, isoToSerial, pressAnalyze, useBrowser } from './harness';
import { RFM_ORDERS } from '../support/rfmPackage';

jest.setTimeout(120_000);

type Cell = string | number | boolean;

const shared = useBrowser();

/** The R package's sample orders as Excel would hold them: dates as serials. */
function rfmOrders(): { header: string[]; rows: Cell[][] } {
  const lines = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/);
  const rows = lines.slice(1).map((line) => {
    const [customer, date, revenue] = line.split(',');
    return [customer, isoToSerial(date), Number(revenue)] as Cell[];
  });
  return { header: ['customer_id', 'order_date', 'revenue'], rows };
}

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

/** Opens the preview with no sample; records page errors and any request off the test server. */
async function openPane(lang: 'en' | 'fa'): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const page = await shared.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const external: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(shared.served.origin)) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.goto(`${shared.served.origin}/preview.html?lang=${lang}&sample=none`);
  await page.waitForSelector('#analyze');
  await page.waitForFunction(() => document.title !== 'Customer value analysis' || document.documentElement.lang !== '');
  return { page, errors, external };
}

async function loadSales(page: Page, header: Cell[], rows: Cell[][], dateColumn = 1): Promise<void> {
  await page.evaluate(([h, r, d]) => (window as any).rfmPreview.loadSales(h, r, 'Sales', d), [header, rows, dateColumn] as const);
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).rfmPreview.sim.sheetNames());
}

async function sheetValues(page: Page, name: string): Promise<Cell[][]> {
  return page.evaluate((n) => (window as any).rfmPreview.sim.values(n), name);
}

/** The Customers table as objects keyed by its header (found by its header names, not positions). */
function customersTable(values: Cell[][], lang: 'en' | 'fa'): Record<string, Cell>[] {
  const idHeader = t(lang, 'report.col.customer');
  const headerRow = values.findIndex((row) => row.includes(idHeader) && row.includes(t(lang, 'report.col.rfm_code')));
  expect(headerRow).toBeGreaterThanOrEqual(0);
  const header = values[headerRow] as string[];
  return values.slice(headerRow + 1).filter((row) => row[header.indexOf(idHeader)] !== '').map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** Saves the whole pane (at its 340 px preview width) with the summary, tall enough to need no scrolling. */
async function screenshotPane(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => document.getElementById('pane')!.scrollHeight + 80);
  await page.setViewportSize({ width: 1100, height: Math.min(height, 4000) });
  await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 0));
  await page.locator('#pane').screenshot({ path: path.join(ARTIFACTS, file) });
}

describe('the task pane in Chromium, over the simulator', () => {
  test('Analyze on the rfm package sample reproduces its documented results, then Refresh picks up pasted rows', async () => {
    const { page, errors, external } = await openPane('en');
    const orders = rfmOrders();
    await loadSales(page, orders.header, orders.rows);
    await page.click('#check');
    await page.waitForFunction(() => (document.getElementById('source-info')!.textContent ?? '') !== '');
    expect(await page.$eval('#map-customer', (s) => (s as HTMLSelectElement).value)).toBe('0');
    expect(await page.$eval('#map-date', (s) => (s as HTMLSelectElement).value)).toBe('1');
    expect(await page.$eval('#map-amount', (s) => (s as HTMLSelectElement).value)).toBe('2');
    await page.fill('#analysis-date', '2006-12-31');

    const result = await pressAnalyze(page);
    expect(result.error).toBeNull();
    const names = await sheetNames(page);
    for (const key of ['summary', 'customers', 'matrix', 'rules']) expect(names).toContain(t('en', `report.sheet.${key}`));

    const customers = customersTable(await sheetValues(page, t('en', 'report.sheet.customers')), 'en');
    expect(customers).toHaveLength(995);
    const col = (key: string) => t('en', `report.col.${key}`);
    const byId = new Map(customers.map((c) => [c[col('customer')], c]));
    // The rfm package's documented results (analysis date 2006-12-31).
    const documented: [string, number, number, number, number][] = RFM_ORDERS.documentedCustomers;
    for (const [id, recency, frequency, monetary, code] of documented) {
      const row = byId.get(id)!;
      expect([id, row[col('recency_days')], row[col('frequency')], row[col('monetary')], row[col('rfm_code')]]).toEqual([id, recency, frequency, monetary, code]);
    }
    const counts: Record<string, number> = {};
    for (const c of customers) counts[c[col('segment')] as string] = (counts[c[col('segment')] as string] ?? 0) + 1;
    expect(counts).toEqual(RFM_ORDERS.segmentCounts);

    // The summary: customers, a chart with one bar per segment, three answers, sheet links.
    expect(await page.isVisible('#summary')).toBe(true);
    expect(await page.$$eval('#summary svg.chart rect.bar', (bars) => bars.length)).toBe(10);
    expect(await page.$$eval('#summary [data-answer]', (items) => items.length)).toBe(3);
    await screenshotPane(page, 'pane-en.png');

    // A sheet link activates the sheet.
    await page.click(`#summary button[data-sheet="${t('en', 'report.sheet.matrix')}"]`);
    await page.waitForFunction((name) => (window as any).rfmPreview.sim.state.workbook.activeSheet?.name === name, t('en', 'report.sheet.matrix'));

    // Paste new sales below the data and press the ribbon's Refresh.
    await page.evaluate((rows) => (window as any).rfmPreview.pasteRows(rows), [
      ['Zed Newcomer', isoToSerial('2006-12-30'), 100],
      ['Zed Newcomer', isoToSerial('2006-12-30'), 25],
    ]);
    await page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
    // The open pane tells what the ribbon's Refresh did.
    expect(await page.textContent('#status')).toBe(t('en', 'pane.refresh.done', { customers: '996' }));
    const refreshed = customersTable(await sheetValues(page, t('en', 'report.sheet.customers')), 'en');
    expect(refreshed).toHaveLength(996);
    const zed = refreshed.find((c) => c[col('customer')] === 'Zed Newcomer')!;
    expect([zed[col('recency_days')], zed[col('frequency')], zed[col('monetary')]]).toEqual([1, 2, 125]);
    // The same analysis date was used: Abbey's recency is unchanged.
    expect(refreshed.find((c) => c[col('customer')] === "Abbey O'Reilly")![col('recency_days')]).toBe(205);
    expect(await sheetNames(page)).toEqual(names);

    // Switching the language re-renders what the pane shows, numbers included.
    await page.selectOption('#language', 'fa');
    expect(await page.textContent('#status')).toBe(t('fa', 'pane.refresh.done', { customers: '۹۹۶' }));
    expect(await page.textContent('#summary h2')).toBe(t('fa', 'pane.summary.heading'));

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  test('Persian: the pane is right-to-left, the choice is saved, and Analyze writes Persian sheets', async () => {
    const { page, errors } = await openPane('en');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('ltr');
    await page.selectOption('#language', 'fa');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('pane')!).direction)).toBe('rtl');
    expect(await page.textContent('#analyze')).toBe(t('fa', 'pane.analyze'));
    await page.waitForFunction(() => JSON.stringify((window as any).rfmPreview.sim.settings()).includes('"fa"'));

    const orders = rfmOrders();
    await loadSales(page, orders.header, orders.rows);
    await page.fill('#analysis-date', '2006-12-31');
    const result = await pressAnalyze(page);
    expect(result.error).toBeNull();
    const names = await sheetNames(page);
    for (const key of ['summary', 'customers', 'matrix', 'rules']) expect(names).toContain(t('fa', `report.sheet.${key}`));
    const customers = customersTable(await sheetValues(page, t('fa', 'report.sheet.customers')), 'fa');
    expect(customers).toHaveLength(995);
    // Persian digits in the pane's figures.
    expect(await page.textContent('[data-figure="pane.summary.customers"]')).toBe('۹۹۵');
    // The run's notes (here the purchase model's) in Persian: the same sentences as on the Summary
    // sheet (numbers in Persian digits), under the technical details, except those shown as they are
    // in the visible list (here the churn-horizon advice: these customers buy about every 148 days)
    const summary = await sheetValues(page, t('fa', 'report.sheet.summary'));
    const sheetNotes = summary.filter((r) => r[0] === t('fa', 'report.model.note')).map((r) => persianNumerals(String(r[1])));
    expect(sheetNotes.length).toBeGreaterThan(0);
    const details = await page.$$eval('#summary #notes details li', (items) => items.map((li) => li.textContent ?? ''));
    const visible = await page.$$eval('#summary #notes > ul.plain > li', (items) => items.map((li) => li.textContent ?? ''));
    const advice = sheetNotes.filter((n) => n.includes('۱۴۸'));
    expect(advice).toHaveLength(1);
    expect(visible.some((v) => v.startsWith(advice[0]))).toBe(true);
    expect(details).toEqual(sheetNotes.filter((n) => n !== advice[0]));
    expect(sheetNotes.join(' ')).toMatch(/[\u0600-\u06FF]/);
    await screenshotPane(page, 'pane-fa.png');

    // Refresh uses the saved language: the sheets stay Persian.
    await page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
    expect(await sheetNames(page)).toEqual(names);
    expect(await page.textContent('#status')).toBe(t('fa', 'pane.refresh.done', { customers: '۹۹۵' }));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Cancel stops a run: nothing is written', async () => {
    const { page, errors } = await openPane('en');
    await page.evaluate(() => (window as any).rfmPreview.generateSales(200_000));
    const before = await sheetNames(page);
    // Press Cancel as soon as the worker reports its first progress (no timing involved).
    await page.evaluate((label) => {
      const node = document.getElementById('progress-label')!;
      new MutationObserver(() => {
        if (node.textContent === label) (document.getElementById('cancel') as HTMLButtonElement).click();
      }).observe(node, { childList: true, characterData: true, subtree: true });
    }, t('en', 'pane.stage.analyzing'));
    const result = await pressAnalyze(page);
    expect(result).toEqual({ status: t('en', 'pane.cancelled'), error: null });
    expect(await sheetNames(page)).toEqual(before);
    expect(await page.isHidden('#cancel')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Persian headers, Jalali dates and Persian digits are detected and analysed (keyboard only)', async () => {
    const { page, errors } = await openPane('fa');
    // 1403/12/30 = 2025-03-20, 1404/01/01 = 2025-03-21, 1404/01/10 = 2025-03-30 (Solar Hijri ↔ Gregorian).
    const rows = [
      ['علی', '۱۴۰۳/۱۲/۳۰', '۱۰۰'],
      ['علی', '۱۴۰۴/۰۱/۰۱', '۲۰۰'],
      ['سارا', '۱۴۰۴/۰۱/۱۰', '۵۰'],
    ];
    await loadSales(page, ['مشتری', 'تاریخ', 'مبلغ'], rows, -1);
    await page.focus('#check');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('source-info')!.textContent ?? '') !== '');
    for (const [role, index] of [['customer', '0'], ['date', '1'], ['amount', '2']]) {
      expect(await page.$eval(`#map-${role}`, (s) => (s as HTMLSelectElement).value)).toBe(index);
    }
    await page.focus('#analyze');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('status')!.textContent ?? '') !== '' || !document.getElementById('error')!.hidden);
    expect(await page.isHidden('#error')).toBe(true);
    const customers = customersTable(await sheetValues(page, t('fa', 'report.sheet.customers')), 'fa');
    const col = (key: string) => t('fa', `report.col.${key}`);
    // Analysis date: the day after the latest purchase, 2025-03-31.
    const pick = (id: string) => {
      const c = customers.find((row) => row[col('customer')] === id)!;
      return [c[col('recency_days')], c[col('frequency')], c[col('monetary')]];
    };
    expect(pick('علی')).toEqual([10, 2, 300]);
    expect(pick('سارا')).toEqual([1, 1, 50]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the pane opens in Persian when Office speaks Persian', async () => {
    const { page } = await openPane('fa');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
    expect(await page.$eval('#language', (s) => (s as HTMLSelectElement).value)).toBe('fa');
    expect(await page.textContent('h1')).toBe(t('fa', 'pane.title'));
    await page.close();
  });

  test('at 320 px the pane has no horizontal scrollbar', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${shared.served.origin}/preview.html?lang=fa`);
    await page.waitForSelector('#analyze');
    await page.evaluate(() => document.body.classList.remove('preview'));
    await page.evaluate(() => document.querySelectorAll('.preview-ribbon, .preview-sheets').forEach((n) => n.remove()));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Every control has a label a screen reader can read.
    const unlabelled = await page.$$eval('#pane input, #pane select, #pane button', (nodes) =>
      nodes.filter((n) => {
        const labels = (n as HTMLInputElement).labels;
        return !(labels && labels.length > 0) && !n.getAttribute('aria-label') && !(n.textContent ?? '').trim();
      }).map((n) => n.id || n.outerHTML.slice(0, 60)));
    expect(unlabelled).toEqual([]);
    await page.close();
  });
});
