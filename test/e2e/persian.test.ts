/**
 * The pane with Office's display language fa-IR: every message from the engine, the Excel layer and
 * Refresh is shown in Persian (where a Persian string exists), and nothing else in the pane is
 * English. Latin letters may appear only where they come from the user's data (header names, cell
 * text, sheet addresses) or are the Excel error code `#N/A`.
 */
import { t } from '../../src/i18n';
import { isoToSerial, pressAnalyze, usePreview } from './harness';

jest.setTimeout(120_000);

type Cell = string | number | boolean;

const preview = usePreview('lang=fa&sample=none');

const day = (n: number) => isoToSerial('2024-01-01') + n;
const GOOD: Cell[][] = [['a', day(0), 10], ['a', day(5), 20], ['b', day(2), 30], ['c', day(9), 5], ['b', day(9), 15]];
const HEADER = ['Customer', 'Date', 'Amount'];
const nothing = t('fa', 'pane.nothingWritten');

/**
 * Latin words left after removing the given pieces of user data, cell addresses, and the Latin
 * words the pane shows on purpose: the language picker's "English", the product term "RFM" and the
 * purchase model's name "BG/NBD" in the model notes (as on the Summary sheet).
 */
function latinWords(text: string, data: string[]): string[] {
  let rest = text;
  for (const piece of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(piece).join(' ');
  rest = rest.replace(/\b[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?\b/g, ' ').replace(/\b(English|RFM|BG\/NBD)\b/g, ' ');
  return rest.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
}

/** Twelve customers with repeat purchases over a year (enough for the purchase model to run). */
const YEAR: Cell[][] = Array.from({ length: 12 }, (_, c) => [0, 1, 2].slice(0, 1 + (c % 3)).map((k) => [`c${c}`, day(10 * c + 90 * k + 7 * (c % 4)), 10 + 5 * c + k])).flat();

async function load(header: Cell[], rows: Cell[][]): Promise<void> {
  await preview.page.evaluate(([h, r]) => (window as any).rfmPreview.loadSales(h, r), [header, rows] as const);
}

async function select(sheet: string, address: string): Promise<void> {
  await preview.page.evaluate(([s, a]) => (window as any).rfmPreview.sim.select(s, a), [sheet, address] as const);
}

/** The pane's visible text (the preview's ribbon and sheet viewer are not part of it). */
const paneText = () => preview.page.evaluate(() => (document.getElementById('pane') as HTMLElement).innerText);

describe('fa-IR: messages of the Excel layer in Persian', () => {
  test('the pane starts in Persian', async () => {
    expect(await preview.page.evaluate(() => document.documentElement.lang)).toMatch(/^fa/);
    expect(latinWords(await paneText(), [])).toEqual([]);
  });

  test.each([
    ['an empty selection', 'F10:H20', 'excel.emptySelection', {}],
    ['one cell', 'A1', 'excel.oneCell', {}],
    ['a header row only', 'A1:C1', 'excel.headerOnly', { address: 'Sales!A1:C1' }],
  ])('%s', async (_name, address, key, params) => {
    await load(HEADER, GOOD);
    await select('Sales', address);
    const { error } = await pressAnalyze(preview.page);
    expect(error).toBe(`${t('fa', key, params)} ${nothing}`);
  });
});

describe('fa-IR: messages of the engine in Persian', () => {
  test.each([
    ['no date column', ['Customer', 'Amount'], GOOD.map((r) => [r[0], r[2]]), ['Customer', 'Amount']],
    ['text in every amount', HEADER, GOOD.map((r) => [r[0], r[1], 'lots']), [...HEADER, 'lots']],
    ['#N/A in every amount', HEADER, GOOD.map((r) => [r[0], r[1], '#N/A']), [...HEADER, '#N/A']],
    ['no readable date', HEADER, GOOD.map((r) => [r[0], 'someday', r[2]]), [...HEADER, 'someday']],
  ])('%s', async (_name, header, rows, data) => {
    await load(header as Cell[], rows as Cell[][]);
    const { error } = await pressAnalyze(preview.page);
    expect(error).not.toBeNull();
    expect(error).toMatch(/[\u0600-\u06FF]/);
    expect(latinWords(error!, data as string[])).toEqual([]);
  });

  test('skipped rows: reasons and details in Persian; the whole pane has no English left', async () => {
    await load(HEADER, [...YEAR, ['d', day(3), 'abc'], ['e', day(4), '#N/A']]);
    const { error } = await pressAnalyze(preview.page);
    expect(error).toBeNull();
    const skipped = (await preview.page.textContent('#skipped')) ?? '';
    expect(skipped).toContain(t('fa', 'pane.reason.error-cell'));
    expect(latinWords(skipped, ['abc', '#N/A', ...HEADER])).toEqual([]);
    const sheetNames: string[] = await preview.page.evaluate(() => (window as any).rfmPreview.sim.sheetNames());
    expect(latinWords(await paneText(), ['abc', '#N/A', ...HEADER, ...sheetNames])).toEqual([]);
  });
});

describe('fa-IR: write-back and Refresh', () => {
  test('a refused write-back in Persian', async () => {
    await load(HEADER, GOOD);
    await preview.page.evaluate(() => (window as any).rfmPreview.sim.setCells('Sales', 'E3', [['my note']]));
    await preview.page.check('#write-back');
    const { error } = await pressAnalyze(preview.page);
    await preview.page.uncheck('#write-back');
    expect(error).toBe(`${t('fa', 'excel.writeBackBlocked', { address: 'D1:E6' })} ${nothing}`);
  });

  test('Refresh after the source header changed: the failure in Persian', async () => {
    await load(HEADER, GOOD);
    expect((await pressAnalyze(preview.page)).error).toBeNull();
    await preview.page.evaluate(() => (window as any).rfmPreview.sim.setCells('Sales', 'C1', [['Total']]));
    await preview.page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
    await preview.page.waitForFunction(() => !document.getElementById('error')!.hidden);
    const error = await preview.page.textContent('#error');
    const address = await preview.page.evaluate(() => JSON.parse(JSON.stringify((window as any).rfmPreview.sim.settings()['rfm.settings'].source)));
    expect(address.kind).toBe('range');
    expect(error).toBe(t('fa', 'pane.refresh.failed', { message: t('fa', 'excel.headerMoved', { address: 'Sales!A1:C6', column: 'Amount' }) }));
  });

  test('Refresh when no row is usable any more: the engine\'s message in Persian', async () => {
    await load(HEADER, GOOD);
    expect((await pressAnalyze(preview.page)).error).toBeNull();
    await preview.page.evaluate((rows) => (window as any).rfmPreview.sim.setCells('Sales', 'C2', rows), GOOD.map(() => ['lots']));
    await preview.page.evaluate(() => (window as any).rfmPreview.runCommand('refresh'));
    await preview.page.waitForFunction(() => !document.getElementById('error')!.hidden);
    const error = (await preview.page.textContent('#error')) ?? '';
    expect(error.startsWith(t('fa', 'pane.refresh.failed', { message: '' }))).toBe(true);
    expect(latinWords(error, [...HEADER, 'lots'])).toEqual([]);
  });
});
