/**
 * The pane's Compare and Lists flow (issue 14) in Chromium over the simulator, in English and
 * Persian, on the R package's orders with their contact columns (first_name, last_name, email).
 * After Analyze with a comparison date the summary shows the largest move down, counted here from
 * two separate CLI runs' CSVs (segments and R + F + M scores at each date, paired by customer); the
 * Migration and Cohorts sheets are written; "Lists" writes a sheet whose rows equal the CLI's
 * `--lists` file for the same data.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/i18n';
import { main } from '../../src/cli/main';
import { parseDelimitedText } from '../../src/cli/textTable';
import { defaultSegmentRules } from '../../src/engine';
import { persianNumerals } from '../../src/taskpane/lang';
import { requireSharedData } from '../support/sharedData';
import { isoToSerial, pressAnalyze, useBrowser } from './harness';

jest.setTimeout(180_000);

type Cell = string | number | boolean;
const ORDERS = requireSharedData('rfm-r/rfm_data_orders.csv');
const shared = useBrowser();
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-e2e-time-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `rfm analyze ORDERS ...args` in-process; returns stdout. */
async function cli(...args: string[]): Promise<string> {
  let stdout = '';
  const code = await main(['analyze', ORDERS, '--quiet', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { isTTY: false, write: () => undefined },
  });
  expect(code).toBe(0);
  return stdout;
}

/** customer → [segment, R + F + M score points] of a CLI run at an analysis date. */
async function scoredAt(date: string): Promise<Map<string, [string, number]>> {
  const csv = parseDelimitedText(await cli('--analysis-date', date, '--model', 'off', '--clusters', 'off'), { header: true });
  const at = (name: string) => csv.header.indexOf(name);
  return new Map(csv.rows.map((r) => [String(r[at('customer')]), [String(r[at('segment')]), Number(r[at('r_score')]) + Number(r[at('f_score')]) + Number(r[at('m_score')])]]));
}

/** The most common move to another segment with fewer score points: from, to and how many. */
async function largestMoveDown(): Promise<{ from: string; to: string; count: number }> {
  const [before, now] = await Promise.all([scoredAt('2006-07-01'), scoredAt('2006-12-31')]);
  const counts = new Map<string, number>();
  for (const [id, [segment, points]] of now) {
    const was = before.get(id);
    if (was && was[0] !== segment && points < was[1]) counts.set(`${was[0]}→${segment}`, (counts.get(`${was[0]}→${segment}`) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  // a unique largest group, so the pane's line has one right answer
  expect(sorted[0][1]).toBeGreaterThan(sorted[1][1]);
  const [from, to] = sorted[0][0].split('→');
  return { from, to, count: sorted[0][1] };
}

/** The orders as Excel holds them: dates as serials, every column of the file. */
function orders(): { header: string[]; rows: Cell[][] } {
  const lines = fs.readFileSync(ORDERS, 'utf8').trim().split(/\r?\n/);
  const rows = lines.slice(1).map((line) => {
    const [customer, date, revenue, first, last, email] = line.split(',');
    return [customer, isoToSerial(date), Number(revenue), first, last, email] as Cell[];
  });
  return { header: lines[0].split(','), rows };
}

async function openPane(lang: Lang): Promise<{ page: Page; errors: string[] }> {
  const page = await shared.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${shared.served.origin}/preview.html?lang=${lang}&sample=none`);
  await page.waitForSelector('#analyze');
  const data = orders();
  await page.evaluate(([h, r]) => (window as any).rfmPreview.loadSales(h, r, 'Sales', 1), [data.header, data.rows] as const);
  return { page, errors };
}

const sheetNames = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).rfmPreview.sim.sheetNames());
const sheetValues = (page: Page, name: string): Promise<Cell[][]> => page.evaluate((n) => (window as any).rfmPreview.sim.values(n), name);

/**
 * A list sheet's rows against the CLI's list CSV, cell by cell. The sheet holds exact numbers (its
 * format shows them rounded); the CSV writes them rounded (money to cents, days and orders whole):
 * a number matches when it is within half a unit of the CSV's last decimal.
 */
function listMismatches(sheet: Cell[][], csvText: string): string[] {
  const csv = parseDelimitedText(csvText, { header: true });
  const expected = [csv.header, ...csv.rows].map((r) => r.map((v) => String(v ?? '')));
  const rows = sheet.filter((r) => r.some((v) => v !== ''));
  const out: string[] = [];
  if (rows.length !== expected.length) out.push(`rows: sheet ${rows.length}, CSV ${expected.length}`);
  expected.forEach((line, r) => line.forEach((want, c) => {
    const got = rows[r]?.[c];
    const decimals = (want.split('.')[1] ?? '').length;
    const same = String(got ?? '') === want
      || (typeof got === 'number' && /^-?\d+(\.\d+)?$/.test(want) && Math.abs(got - Number(want)) <= 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(got)));
    if (!same) out.push(`row ${r + 1} column ${c + 1}: sheet ${String(got)}, CSV ${want}`);
  }));
  return out.slice(0, 10);
}

/** Counted once for both languages. */
let moves: Promise<{ from: string; to: string; count: number }> | undefined;

describe.each([
  ['en', '2006-12-31', '2006-07-01'],
  ['fa', '۱۳۸۵/۱۰/۱۰', '۱۳۸۵/۰۴/۱۰'],
] as const)('Compare with and Lists in the %s pane', (lang, analysisDate, compareDate) => {
  test('the summary names the largest move down; Lists writes the CLI\'s list of Champions', async () => {
    const expected = await (moves ??= largestMoveDown());
    const { page, errors } = await openPane(lang);
    await page.fill('#analysis-date', analysisDate);
    await page.fill('#compare-date', compareDate);
    await page.check('#cohorts');
    const outcome = await pressAnalyze(page);
    expect(outcome.error).toBeNull();

    const rules = defaultSegmentRules();
    const name = (segment: string) => (lang === 'fa' ? rules.find((r) => r.name === segment)?.nameFa ?? segment : segment);
    const count = lang === 'fa' ? persianNumerals(String(expected.count)) : String(expected.count);
    expect(await page.textContent('#migration-summary')).toBe(t(lang, 'report.migration.headline', { count, from: name(expected.from), to: name(expected.to) }));
    const names = await sheetNames(page);
    for (const key of ['migration', 'cohorts']) expect(names).toContain(t(lang, `report.sheet.${key}`));

    await page.selectOption('#list-group', 'segment:Champions');
    await page.click('#write-list');
    const sheet = t(lang, 'pane.lists.sheetName', { group: name('Champions') });
    await page.waitForFunction((n) => ((window as any).rfmPreview.sim.sheetNames() as string[]).includes(n), sheet);
    await page.waitForFunction(() => !(document.getElementById('write-list') as HTMLButtonElement).disabled);
    expect(await page.textContent('#status')).toContain(sheet);

    const listDir = path.join(dir, lang);
    await cli('--analysis-date', '2006-12-31', '--lists', listDir, '--lang', lang, '--csv-raw', '--out', path.join(dir, `${lang}.csv`));
    const csvText = fs.readFileSync(path.join(listDir, 'segment-champions.csv'), 'utf8');
    expect(listMismatches(await sheetValues(page, sheet), csvText)).toEqual([]);
    // the email column came over from the source table
    expect(csvText.split('\n')[0]).toContain('email');
    expect(errors).toEqual([]);
    await page.close();
  });
});
