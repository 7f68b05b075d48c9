/**
 * Bad input in the pane (browser, over the simulator): each case gives a clear message and writes
 * nothing; rows that cannot be used are reported with their row numbers; text that looks like a
 * formula arrives in the output as the same text.
 */
import type { Page } from 'playwright-core';
import { t } from '../../src/i18n';
import { isoToSerial, pressAnalyze, usePreview } from './harness';

jest.setTimeout(120_000);

type Cell = string | number | boolean;

const preview = usePreview('lang=en&sample=none');

const day = (n: number) => isoToSerial('2024-01-01') + n;

/** Good rows: three customers over a few days. */
const GOOD: Cell[][] = [
  ['a', day(0), 10], ['a', day(5), 20], ['b', day(2), 30], ['c', day(9), 5], ['b', day(9), 15],
];

async function run(setup: (p: Page) => Promise<unknown>): Promise<{ error: string | null; status: string; sheets: string[]; settings: string }> {
  await setup(preview.page);
  const before = await preview.page.evaluate(() => ({ sheets: (window as any).rfmPreview.sim.sheetNames(), settings: JSON.stringify((window as any).rfmPreview.sim.settings()) }));
  const outcome = await pressAnalyze(preview.page);
  const after = { ...outcome, ...(await preview.page.evaluate(() => ({ sheets: (window as any).rfmPreview.sim.sheetNames(), settings: JSON.stringify((window as any).rfmPreview.sim.settings()) }))) };
  if (after.error !== null) {
    // Nothing written: the same sheets and the same saved settings.
    expect(after.sheets).toEqual(before.sheets);
    expect(after.settings).toEqual(before.settings);
  }
  return after;
}

const load = (header: Cell[], rows: Cell[][]) => (p: Page) =>
  p.evaluate(([h, r]) => (window as any).rfmPreview.loadSales(h, r), [header, rows] as const);
const select = (sheet: string, address: string) => (p: Page) =>
  p.evaluate(([s, a]) => (window as any).rfmPreview.sim.select(s, a), [sheet, address] as const);
const nothing = t('en', 'pane.nothingWritten');
/** Loads the good rows, then selects a range: each case sets up its own sheet, whatever ran before. */
const loadThenSelect = (sheet: string, address: string) => async (p: Page) => {
  await load(['Customer', 'Date', 'Amount'], GOOD)(p);
  await select(sheet, address)(p);
};

describe('bad input in the pane: a clear message, nothing written', () => {
  test('an empty selection', async () => {
    const result = await run(loadThenSelect('Sales', 'F10:H20'));
    expect(result.error).toBe(`${t('en', 'excel.emptySelection')} ${nothing}`);
  });

  test('one cell', async () => {
    const result = await run(loadThenSelect('Sales', 'A1'));
    expect(result.error).toBe(`${t('en', 'excel.oneCell')} ${nothing}`);
  });

  test('a header row only', async () => {
    const result = await run(loadThenSelect('Sales', 'A1:C1'));
    expect(result.error).toBe(`${t('en', 'excel.headerOnly', { address: 'Sales!A1:C1' })} ${nothing}`);
  });

  test('no date column', async () => {
    const result = await run(load(['Customer', 'Amount'], GOOD.map((r) => [r[0], r[2]])));
    expect(result.error).toMatch(new RegExp(t('en', 'pane.role.date'), 'i'));
    expect(result.error).toContain(nothing);
  });

  test('text in every amount', async () => {
    const result = await run(load(['Customer', 'Date', 'Amount'], GOOD.map((r) => [r[0], r[1], 'lots'])));
    expect(result.error).toContain('row 2');
    expect(result.error).toContain('"lots"');
    expect(result.error).toContain(nothing);
  });

  test('#N/A in every amount', async () => {
    const result = await run(load(['Customer', 'Date', 'Amount'], GOOD.map((r) => [r[0], r[1], '#N/A'])));
    expect(result.error).toContain('row 2');
    expect(result.error).toContain('#N/A');
    expect(result.error).toContain(nothing);
  });

  test('every row invalid (no readable date)', async () => {
    const result = await run(load(['Customer', 'Date', 'Amount'], GOOD.map((r) => [r[0], 'someday', r[2]])));
    expect(result.error).toContain('row 2');
  });

  test('some bad rows are skipped and reported by row number; the rest is analysed', async () => {
    const rows: Cell[][] = [...GOOD, ['d', day(3), 'abc'], ['e', day(4), '#N/A']];
    const result = await run(load(['Customer', 'Date', 'Amount'], rows));
    expect(result.error).toBeNull();
    const skipped = await preview.page.textContent('#skipped');
    expect(skipped).toContain(t('en', 'pane.skipped.total', { count: 2 }));
    expect(skipped).toContain('Row 7');
    expect(skipped).toContain('Row 8');
    expect(skipped).toContain(t('en', 'pane.reason.error-cell'));
  });

  test('a selection on an output sheet', async () => {
    const customers = t('en', 'report.sheet.customers');
    // This case writes its own output first (a good run), then selects on it.
    expect((await run(load(['Customer', 'Date', 'Amount'], GOOD))).error).toBeNull();
    expect(await preview.page.evaluate(() => (window as any).rfmPreview.sim.sheetNames())).toContain(customers);
    const result = await run(select(customers, 'A1:D5'));
    expect(result.error).toBe(`${t('en', 'excel.ownSheet', { sheet: customers })} ${nothing}`);
  });
});

describe('customer ids that look like formulas stay text', () => {
  test('=HYPERLINK, +1, -2+3 and @SUM arrive as the same text, not formulas', async () => {
    const ids = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)'];
    const rows = ids.flatMap((id, i) => [[id, day(i), 10 + i], [id, day(i + 3), 5]]);
    const result = await run(load(['Customer', 'Date', 'Amount'], rows));
    expect(result.error).toBeNull();
    const sheet = t('en', 'report.sheet.customers');
    const { values, formulas } = await preview.page.evaluate((s) => ({ values: (window as any).rfmPreview.sim.values(s), formulas: (window as any).rfmPreview.sim.formulas(s) }), sheet);
    const flatValues = (values as Cell[][]).flat();
    const flatFormulas = (formulas as Cell[][]).flat();
    for (const id of ids) {
      expect(flatValues).toContain(id);
      expect(flatFormulas.filter((f) => f === id).length).toBe(flatValues.filter((v) => v === id).length);
    }
  });
});
