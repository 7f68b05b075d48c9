/**
 * "Check this Excel" in the preview: the Help section's command runs the probes over the simulator
 * and shows the report (saved as test-artifacts/check-excel.png and check-excel-fa.png); the scratch
 * sheet is gone afterwards. In the preview the Jalali probe reports "≠": the simulator does not draw
 * the Persian calendar, which is exactly what the check is for in a real Excel.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, useBrowser } from './harness';

const shared = useBrowser();

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

async function runCheck(lang: 'en' | 'fa', file: string): Promise<{ report: string; sheets: string[]; errors: string[] }> {
  const page = await shared.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${shared.served.origin}/preview.html?lang=${lang}`);
  await page.waitForSelector('#check-excel', { state: 'attached' });
  await page.click('#help > summary');
  await page.click('#check-excel');
  await page.waitForSelector('#check-report:not([hidden])', { timeout: 30_000 });
  const report = await page.locator('#check-report').textContent();
  const sheets = await page.evaluate(() => (window as unknown as { rfmPreview: { sim: { sheetNames(): string[] } } }).rfmPreview.sim.sheetNames());
  await page.locator('#help').scrollIntoViewIfNeeded();
  await page.locator('#help').screenshot({ path: path.join(ARTIFACTS, file) });
  await page.close();
  return { report: report ?? '', sheets, errors };
}

test('the report lists every probe and the scratch sheet is removed (English)', async () => {
  const { report, sheets, errors } = await runCheck('en', 'check-excel.png');
  const lines = report.split('\n');
  expect(lines.map((l) => l.replace(/:.*$/, ''))).toEqual([
    '✓ Excel', '✓ requirement sets', '✓ text round trip', '✓ leading apostrophe',
    '✓ table create, rename, grow, resize, delete', '✓ sheet marker (hidden defined name)', '≠ Jalali date format',
  ]);
  expect(lines[1]).toContain('ExcelApi 1.17');
  expect(sheets.some((n) => n.startsWith('rfm-check'))).toBe(false);
  expect(errors).toEqual([]);
});

test('the Help section and its command are in Persian too', async () => {
  const { report, errors } = await runCheck('fa', 'check-excel-fa.png');
  expect(report.split('\n')).toHaveLength(7);
  expect(errors).toEqual([]);
});
