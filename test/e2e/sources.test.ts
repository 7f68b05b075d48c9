/**
 * Sources and write-back through the pane (browser, over the simulator): an Excel table picked in
 * the list is analysed and Refresh re-reads it; write-back puts segment and RFM code beside the
 * data, and only there.
 */
import type { Page } from 'playwright-core';
import { t } from '../../src/i18n';
import * as fs from 'fs';
import { writeBackHeaders } from '../../src/excel/writeBack';
import { requireSharedData } from '../support/sharedData';
import { isoToSerial, pressAnalyze, useBrowser } from './harness';
import { RFM_CUSTOMERS } from '../support/rfmPackage';

jest.setTimeout(120_000);

type Cell = string | number | boolean;

const shared = useBrowser();

const day = (n: number) => isoToSerial('2024-01-01') + n;
const ROWS: Cell[][] = [['a', day(0), 10], ['a', day(5), 20], ['b', day(2), 30], ['c', day(9), 5], ['b', day(9), 15]];

async function openWith(rows: Cell[][]): Promise<Page> {
  const page = await shared.browser.newPage();
  await page.goto(`${shared.served.origin}/preview.html?lang=en&sample=none`);
  await page.waitForSelector('#analyze');
  await page.evaluate((r) => (window as any).rfmPreview.loadSales(['Customer', 'Date', 'Amount'], r), rows);
  return page;
}

const customersOf = (page: Page) =>
  page.evaluate((name) => {
    const values = (window as any).rfmPreview.sim.values(name) as Cell[][];
    return values.length;
  }, t('en', 'report.sheet.customers'));

test('an Excel table picked in the list; Refresh re-reads the grown table', async () => {
  const page = await openWith(ROWS);
  await page.evaluate(() => {
    const p = (window as any).rfmPreview;
    p.sim.addTable('Sales', 'A1:C6', 'SalesData');
    p.sim.select('Sales', 'H20');
  });
  await page.check('input[name="source"][value="table"]');
  await page.waitForFunction(() => [...(document.getElementById('table') as HTMLSelectElement).options].some((o) => o.value === 'SalesData'));
  await page.selectOption('#table', 'SalesData');
  const result = await pressAnalyze(page);
  expect(result.error).toBeNull();
  expect(await page.textContent('[data-figure="pane.summary.customers"]')).toBe('3');
  const before = await customersOf(page);
  // A new row typed into the table (the table grows with it), then Refresh.
  await page.evaluate((d) => {
    const p = (window as any).rfmPreview;
    p.sim.setCells('Sales', 'A7', [['d', d, 40]]);
    const table = p.sim.state.workbook.tables.find((x: { name: string }) => x.name === 'SalesData');
    table.rect.rows += 1;
  }, day(10));
  await page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
  expect(await page.textContent('#status')).toBe(t('en', 'pane.refresh.done', { customers: '4' }));
  expect(await customersOf(page)).toBe(before + 1);
  await page.close();
});

test('write-back: segment and RFM code beside the data, one per source row', async () => {
  const page = await openWith(ROWS);
  await page.check('#write-back');
  const result = await pressAnalyze(page);
  expect(result.error).toBeNull();
  const sales = (await page.evaluate(() => (window as any).rfmPreview.sim.values('Sales'))) as Cell[][];
  expect(sales[0].slice(3, 5)).toEqual(writeBackHeaders('en'));
  // Every source row got its customer's code; a's two rows carry the same code.
  const codes = sales.slice(1).map((row) => row[4]);
  expect(codes.every((c) => typeof c === 'number' && c >= 111 && c <= 555)).toBe(true);
  expect(codes[0]).toBe(codes[1]);
  expect(codes[2]).toBe(codes[4]);
  // Parity of the two writers: each source row carries its customer's segment and code from the Customers sheet.
  const col = (key: string) => t('en', `report.col.${key}`);
  const values = (await page.evaluate((name) => (window as any).rfmPreview.sim.values(name), t('en', 'report.sheet.customers'))) as Cell[][];
  const header = values.find((row) => row.includes(col('customer')) && row.includes(col('rfm_code')))!;
  const sheet = new Map(values.map((row) => [row[header.indexOf(col('customer'))], [row[header.indexOf(col('segment'))], row[header.indexOf(col('rfm_code'))]]]));
  expect(sales.slice(1).map((row) => row.slice(3, 5))).toEqual(ROWS.map((row) => sheet.get(row[0])));
  await page.close();
});

test('the lowest requirement set of the manifest (ExcelApi 1.4) is enough for Analyze and Refresh', async () => {
  const page = await shared.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The preview's own sample workbook, on a host that implements ExcelApi 1.4 and nothing newer:
  // any newer call fails in the simulator with ApiNotFound.
  await page.goto(`${shared.served.origin}/preview.html?lang=en&excelApi=4`);
  await page.waitForSelector('#analyze');
  expect(await page.evaluate(() => (window as any).Office.context.requirements.isSetSupported('ExcelApi', '1.5'))).toBe(false);
  const result = await pressAnalyze(page);
  expect(result.error).toBeNull();
  expect(await page.evaluate(() => (window as any).rfmPreview.sim.sheetNames())).toContain(t('en', 'report.sheet.customers'));
  await page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
  expect(await page.textContent('#status')).toBe(t('en', 'pane.refresh.done', { customers: '300' }));
  expect(errors).toEqual([]);
  await page.close();
});

test('customer-level input (the customer sample of the rfm package) is recognised and analysed', async () => {
  const lines = fs.readFileSync(requireSharedData('rfm-r/rfm_data_customer.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').slice(0, 5);
  const rows = lines.slice(1).map((line) => {
    const [id, revenue, visit, orders, recency] = line.split(',');
    return [id, Number(revenue), isoToSerial(visit), Number(orders), Number(recency)] as Cell[];
  });
  const page = await shared.browser.newPage();
  await page.goto(`${shared.served.origin}/preview.html?lang=en&sample=none`);
  await page.waitForSelector('#analyze');
  await page.evaluate(([h, r]) => (window as any).rfmPreview.loadSales(h, r, 'Sales', 2), [header, rows] as const);
  await page.click('#check');
  await page.waitForFunction(() => (document.getElementById('source-info')!.textContent ?? '') !== '');
  expect(await page.$eval('#input-kind', (s) => (s as HTMLSelectElement).value)).toBe('customers');
  expect(await page.$eval('#map-customer', (s) => (s as HTMLSelectElement).value)).toBe('0');
  expect(await page.$eval('#map-frequency', (s) => (s as HTMLSelectElement).value)).toBe('3');
  expect(await page.$eval('#map-monetary', (s) => (s as HTMLSelectElement).value)).toBe('1');
  await page.fill('#analysis-date', '2007-01-01');
  const result = await pressAnalyze(page);
  expect(result.error).toBeNull();
  // The rfm package's tests: 39,999 customers and 393,223 transactions in its customer data.
  expect(await page.textContent('[data-figure="pane.summary.customers"]')).toBe(RFM_CUSTOMERS.customers.toLocaleString('en-US'));
  expect(await page.textContent('[data-figure="pane.summary.orders"]')).toBe(RFM_CUSTOMERS.totalOrders.toLocaleString('en-US'));
  await page.close();
});

test('ambiguous day/month dates: the order used is shown and can be chosen', async () => {
  // Hand-computed. Day first: a's last purchase 3 April 2024, b's 2 February; analysis date 4 April,
  // so b's recency is 29 (Feb 2 → Mar 2, 2024 is a leap year) + 31 (→ Apr 2) + 2 = 62 days.
  // Month first: a's last purchase 4 March, analysis date 5 March: b's recency 29 + 3 = 32 days.
  const page = await shared.browser.newPage();
  await page.goto(`${shared.served.origin}/preview.html?lang=en&sample=none`);
  await page.waitForSelector('#analyze');
  const rows = [['a', '01/02/2024', 10], ['a', '03/04/2024', 10], ['b', '02/02/2024', 10]];
  await page.evaluate((r) => (window as any).rfmPreview.loadSales(['Customer', 'Date', 'Amount'], r, 'Sales', -1), rows);
  const recencyOfB = async () => {
    const values = (await page.evaluate((name) => (window as any).rfmPreview.sim.values(name), t('en', 'report.sheet.customers'))) as Cell[][];
    const header = values.find((row) => row.includes(t('en', 'report.col.recency_days')))!;
    const row = values.find((r) => r[header.indexOf(t('en', 'report.col.customer'))] === 'b')!;
    return row[header.indexOf(t('en', 'report.col.recency_days'))];
  };
  expect((await pressAnalyze(page)).error).toBeNull();
  expect(await page.textContent('#day-month-note')).toBe(t('en', 'pane.summary.dayMonth', { order: t('en', 'input.dayMonthOrder.dmy') }));
  expect(await recencyOfB()).toBe(62);
  await page.selectOption('#day-month', 'mdy');
  expect((await pressAnalyze(page)).error).toBeNull();
  expect(await page.textContent('#day-month-note')).toBe(t('en', 'pane.summary.dayMonth', { order: t('en', 'input.dayMonthOrder.mdy') }));
  expect(await recencyOfB()).toBe(32);
  await page.close();
});
