/**
 * The pane at 320 px in English and Persian, on a Persian shop's sales in rials (60 customers,
 * revenue in billions): after Analyze, pasted rows and the ribbon's Refresh the pane shows the same
 * figures and answers as the Summary sheet; nothing is wider than the pane; the revenue is readable
 * in full (exact value in title and aria-label, a rounded short form shown, not a cut one).
 * Screenshots at 320 and 450 px go to test-artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/i18n';
import { ARTIFACTS, isoToSerial, pressAnalyze, useBrowser } from './harness';

jest.setTimeout(120_000);

type Cell = string | number;

const shared = useBrowser();
const HEADER = ['مشتری', 'تاریخ', 'مبلغ (ریال)'];
const day = (n: number) => isoToSerial('2024-03-20') + n;

/** 60 customers, 1–4 purchases each of 5–95 million rials, over a year. */
function rialSales(seed: number, customers = 60): Cell[][] {
  const rows: Cell[][] = [];
  for (let c = 0; c < customers; c++) {
    for (let k = 0; k <= (c * seed) % 4; k++) rows.push([`مشتری ${c + 1}`, day((c * 5 + k * 70 + seed) % 360), 5_000_000 + ((c * 7919 + k * 104729 * seed) % 90) * 1_000_000]);
  }
  return rows;
}

const sumOf = (rows: Cell[][]) => rows.reduce((s, r) => s + (r[2] as number), 0);
const formatIn = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 0 }).format(n);

async function openPane(lang: Lang, width: number): Promise<Page> {
  const page = await shared.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${shared.served.origin}/preview.html?lang=${lang}&sample=none`);
  await page.waitForSelector('#analyze');
  return page;
}

/** The pane alone, as Office shows it: the preview's ribbon and sheet viewer removed. */
async function paneOnly(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.classList.remove('preview');
    document.querySelectorAll('.preview-ribbon, .preview-sheets').forEach((n) => n.remove());
  });
}

/** Elements of the pane whose box leaves the viewport sideways (details opened first). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
    document.querySelectorAll('#pane *').forEach((node) => {
      const box = node.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return;
      const clipped = node instanceof HTMLElement && node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX === 'hidden';
      if (box.right > width + 0.5 || box.left < -0.5 || clipped) out.push(`${node.tagName}#${node.id}.${(node as HTMLElement).className} ${Math.round(box.left)}..${Math.round(box.right)} "${(node.textContent ?? '').slice(0, 30)}"`);
    });
    return out;
  });
}

/** A label's value on the Summary sheet: the first number right of the cell holding the label. */
function summaryValue(values: Cell[][], label: string): number {
  const row = values.find((r) => r[0] === label);
  if (!row) throw new Error(`no "${label}" on the Summary sheet`);
  return row.slice(1).find((v): v is number => typeof v === 'number')!;
}

async function screenshot(page: Page, file: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = false)));
  await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true });
}

describe.each(['en', 'fa'] as const)('the pane at 320 px (%s)', (lang) => {
  test('after Refresh the pane equals the Summary sheet; nothing is wider than the pane; revenue readable in full', async () => {
    const page = await openPane(lang, 320);
    await paneOnly(page);
    const first = rialSales(3);
    await page.evaluate(([h, r]) => (window as any).rfmPreview.loadSales(h, r), [HEADER, first] as const);
    expect((await pressAnalyze(page)).error).toBeNull();
    expect(await page.getAttribute('[data-figure="pane.summary.revenue"]', 'aria-label')).toBe(formatIn(lang, sumOf(first)));

    // Paste rows as a user would, then the ribbon's Refresh.
    const more = rialSales(5, 40).map((r) => [r[0], day(365), r[2]]);
    await page.evaluate((r) => (window as any).rfmPreview.pasteRows(r), more);
    await page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
    await page.waitForFunction((text) => document.getElementById('status')!.textContent === text, t(lang, 'pane.refresh.done', { customers: formatIn(lang, 60) }));

    const summary: Cell[][] = await page.evaluate((n) => (window as any).rfmPreview.sim.values(n), t(lang, 'report.sheet.summary'));
    const all = [...first, ...more];
    const shown = await page.$$eval('[data-figure]', (nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-figure'), Number(n.getAttribute('data-value'))])));
    // Counted here from the rows: 60 customers, every row an order, the sum of the amounts.
    expect(shown).toEqual({ 'pane.summary.customers': 60, 'pane.summary.orders': all.length, 'pane.summary.revenue': sumOf(all) });
    expect(summaryValue(summary, t(lang, 'report.summary.customers'))).toBe(60);
    expect(summaryValue(summary, t(lang, 'report.summary.orders'))).toBe(all.length);
    expect(summaryValue(summary, t(lang, 'report.summary.revenue'))).toBe(sumOf(all));
    // The three answers read as on the Summary sheet.
    const answers = await page.$$eval('#summary [data-answer] span', (nodes) => nodes.map((n) => n.textContent));
    expect(answers).toHaveLength(3);
    const sheetTexts = new Set(summary.flat().filter((v) => typeof v === 'string'));
    for (const answer of answers) expect(sheetTexts.has(answer!)).toBe(true);

    // Revenue: the exact amount for hover and screen readers; shown rounded in billions, not cut.
    const revenue = await page.$eval('[data-figure="pane.summary.revenue"]', (n) => ({
      text: n.textContent ?? '', title: n.getAttribute('title'), label: n.getAttribute('aria-label'), fits: n.scrollWidth <= n.clientWidth,
    }));
    expect(revenue.title).toBe(formatIn(lang, sumOf(all)));
    expect(revenue.label).toBe(formatIn(lang, sumOf(all)));
    expect(revenue.fits).toBe(true);
    const billions = t(lang, 'pane.number.billion', { n: '' }).trim();
    expect(revenue.text.endsWith(billions)).toBe(true);
    const digits = revenue.text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace('٫', '.').replace(/[^0-9.]/g, '');
    expect(Math.abs(Number(digits) * 1e9 - sumOf(all)) / sumOf(all)).toBeLessThan(0.005);

    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, `pane-layout-${lang}-320.png`);
    await page.setViewportSize({ width: 450, height: 900 });
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, `pane-layout-${lang}-450.png`);
    await page.close();
  });
});

describe('the analysis date in the Persian pane', () => {
  test('a Jalali text field: converted on a language switch, checked, used', async () => {
    const page = await openPane('en', 450);
    await page.evaluate(([h, r]) => (window as any).rfmPreview.loadSales(h, r), [HEADER, rialSales(3)] as const);
    expect(await page.getAttribute('#analysis-date', 'type')).toBe('date');
    await page.fill('#analysis-date', '2024-03-20');
    await page.selectOption('#language', 'fa');
    // Nowruz 1403 fell on 2024-03-20.
    expect(await page.getAttribute('#analysis-date', 'type')).toBe('text');
    expect(await page.inputValue('#analysis-date')).toBe('۱۴۰۳/۰۱/۰۱');
    expect(await page.getAttribute('#analysis-date', 'placeholder')).toBe('۱۴۰۳/۰۱/۱۵');
    // 1404 is not a leap year: Esfand 30 does not exist.
    await page.fill('#analysis-date', '۱۴۰۴/۱۲/۳۰');
    expect((await pressAnalyze(page)).error).toBe(`${t('fa', 'pane.error.dateJalali')} ${t('fa', 'pane.nothingWritten')}`);
    // 1403/03/01 is 2024-05-21 (Farvardin and Ordibehesht have 31 days each).
    await page.fill('#analysis-date', '۱۴۰۳/۰۳/۰۱');
    expect((await pressAnalyze(page)).error).toBeNull();
    await page.selectOption('#language', 'en');
    expect(await page.inputValue('#analysis-date')).toBe('2024-05-21');
    await page.close();
  });
});
