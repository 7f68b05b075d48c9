/**
 * The preview page's "Open a CSV or .xlsx": the visitor's own file (written here: a CSV, and an
 * .xlsx by ExcelJS with real date cells) becomes a sheet, the real pane reads and analyses it; the
 * sheet viewer shows numbers as their formats say (separators, ISO or Jalali dates, Persian digits).
 * At 320 px (QA) the page asks for no favicon (no 404 in the console) and the viewer's sheet
 * scrolls sideways in its own box, so every column can be reached while the page does not scroll.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/i18n';
import { columnLetter } from '../../src/engine';
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, pressAnalyze, useBrowser } from './harness';

jest.setTimeout(120_000);

const shared = useBrowser();

/** 4 customers, 7 purchases; revenue counted by hand: 1,200,000,000 + 800,000,000 + ... */
const SALES: [string, string, number][] = [
  ['a', '2024-01-05', 1_200_000_000], ['a', '2024-02-10', 800_000_000], ['b', '2024-01-20', 300_000_000],
  ['b', '2024-03-01', 250_000_000], ['c', '2024-02-14', 90_000_000], ['d', '2024-03-03', 40_000_000], ['a', '2024-03-10', 500_000_000],
];

async function openPage(lang: Lang): Promise<{ page: Page; errors: string[] }> {
  const page = await shared.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${shared.served.origin}/preview.html?lang=${lang}&sample=none`);
  await page.waitForSelector('#ribbon-open');
  return { page, errors };
}

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['Customer', 'Date', 'Amount']);
  for (const [c, d, a] of SALES) ws.addRow([c, new Date(`${d}T00:00:00Z`), a]);
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Opens a file through the ribbon button's file input and waits until the pane has read it. */
async function openFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('#open-file', { name, mimeType, buffer });
  await page.waitForFunction(() => (document.getElementById('source-info')!.textContent ?? '') !== '');
}

describe('Open a CSV or .xlsx on the preview page', () => {
  test('an .xlsx with date cells: read, analysed, shown with formats (English)', async () => {
    const { page, errors } = await openPage('en');
    expect(await page.textContent('#ribbon-open')).toBe(t('en', 'pane.preview.open'));
    await openFile(page, 'my shop.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await xlsxBytes());
    expect(await page.textContent('#preview-banner')).toBe(t('en', 'pane.preview.opened', { file: 'my shop.xlsx', rows: '7', sheet: 'my shop' }));
    expect(await page.$eval('#map-date', (s) => (s as HTMLSelectElement).value)).toBe('1');
    // The viewer (redrawn every half second) shows the opened sheet's dates as dates.
    await page.waitForFunction(() => document.querySelector('.preview-sheets nav button[aria-selected="true"]')?.textContent === 'my shop');
    const firstRow = await page.$$eval('.preview-sheets table tr:nth-child(3) td', (tds) => tds.map((td) => td.textContent));
    expect(firstRow).toEqual(['a', '2024-01-05', '1200000000']);
    expect((await pressAnalyze(page)).error).toBeNull();
    expect(await page.getAttribute('[data-figure="pane.summary.customers"]', 'data-value')).toBe('4');
    expect(await page.getAttribute('[data-figure="pane.summary.revenue"]', 'aria-label')).toBe('3,180,000,000');
    // The Summary sheet in the viewer: the revenue with thousands separators, as its format says.
    await page.click(`.preview-sheets nav button:text-is("${t('en', 'report.sheet.summary')}")`);
    await page.waitForFunction((v) => [...document.querySelectorAll('.preview-sheets td')].some((td) => td.textContent?.startsWith(v)), '3,180,000,000');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a CSV in Persian: analysed; the viewer shows Persian digits and Jalali dates', async () => {
    const { page, errors } = await openPage('fa');
    const csv = ['مشتری,تاریخ,مبلغ', ...SALES.map((r) => r.join(','))].join('\n');
    await openFile(page, 'فروش.csv', 'text/csv', Buffer.from(csv, 'utf8'));
    expect((await pressAnalyze(page)).error).toBeNull();
    expect(await page.getAttribute('[data-figure="pane.summary.revenue"]', 'aria-label')).toBe('۳٬۱۸۰٬۰۰۰٬۰۰۰');
    await page.click(`.preview-sheets nav button:text-is("${t('fa', 'report.sheet.customers')}")`);
    // Customer a's last purchase, 2024-03-10, is 1402/12/20 (Esfand 1402 began on 2024-02-20).
    await page.waitForFunction(() => [...document.querySelectorAll('.preview-sheets td')].some((td) => td.textContent === '۱۴۰۲/۱۲/۲۰'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-open-fa.png') });
    const digits = await page.$$eval('.preview-sheets td.n', (tds) => tds.map((td) => td.textContent ?? '').join(' '));
    expect(digits).not.toMatch(/[0-9]/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a file that is not a table: one message, nothing opened', async () => {
    const { page } = await openPage('en');
    await page.setInputFiles('#open-file', { name: 'photo.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    await page.waitForFunction(() => document.getElementById('preview-banner')!.classList.contains('error'));
    expect(await page.textContent('#preview-banner')).toMatch(/^Could not open photo\.xlsx: photo\.xlsx: not a readable \.xlsx workbook/);
    expect(await page.evaluate(() => (window as any).rfmPreview.sim.sheetNames())).toEqual(['Sheet1']);
    await page.close();
  });
});

describe.each(['en', 'fa'] as const)('the preview page at 320 px (%s)', (lang) => {
  test('no favicon request; the Customers sheet scrolls sideways in its own box to its last column', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 320, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${shared.served.origin}/preview.html?lang=${lang}`);
    await page.waitForSelector('#analyze');
    expect((await pressAnalyze(page)).error).toBeNull();
    const sheet = t(lang, 'report.sheet.customers');
    await page.click(`.preview-sheets nav button:text-is("${sheet}")`);
    await page.waitForFunction(() => document.querySelector('.preview-sheets nav button[aria-selected="true"]') !== null);
    // The columns the simulator holds on the sheet (its own count, not the viewer's).
    const columns = ((await page.evaluate((n) => (window as any).rfmPreview.sim.values(n), sheet)) as unknown[][])[0].length;
    expect(columns).toBeGreaterThan(10);
    const last = columnLetter(columns - 1);
    /** The viewer's box, the page's width, and where columns A and the last one are. */
    const measure = () => page.evaluate((lastLetter) => {
      const grid = document.querySelector('.preview-sheets table')!.parentElement as HTMLElement;
      const box = grid.getBoundingClientRect();
      const head = [...grid.querySelectorAll('tr:first-child th')] as HTMLElement[];
      const inBox = (letter: string) => {
        const r = head.find((th) => th.textContent === letter)!.getBoundingClientRect();
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
      };
      return {
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        overflowX: getComputedStyle(grid).overflowX,
        wider: grid.scrollWidth > grid.clientWidth,
        box: [box.left >= 0, box.right <= window.innerWidth, box.bottom <= window.innerHeight],
        first: inBox('A'),
        last: inBox(lastLetter),
      };
    }, last);
    expect(await measure()).toEqual({ pageScrolls: false, overflowX: 'auto', wider: true, box: [true, true, true], first: true, last: false });
    // Scroll the box to its far end: right in English, left in Persian (a right-to-left box scrolls to negative offsets).
    await page.evaluate((rtl) => {
      const grid = document.querySelector('.preview-sheets table')!.parentElement as HTMLElement;
      grid.scrollLeft = rtl ? -grid.scrollWidth : grid.scrollWidth;
    }, lang === 'fa');
    expect(await measure()).toMatchObject({ pageScrolls: false, first: false, last: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `preview-viewer-320-${lang}.png`) });
    // The icon is inline: the browser asks the server for no /favicon.ico (a 404 in the console before).
    expect(await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? null)).toBe('data:,');
    expect(errors).toEqual([]);
    await page.close();
  });
});
