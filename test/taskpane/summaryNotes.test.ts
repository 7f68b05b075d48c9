/**
 * The pane's summary lists the run's notes in the pane's language, as the Summary sheet does: how
 * the input was read (mixed date forms, day/month order, duplicate headers), the purchase model's
 * notes (almost no dropout, penalised fit, holdout not made) and why clustering did not run.
 */
import { analyze, analyzeTransactions } from '../../src/engine/analyze';
import type { Analysis } from '../../src/engine/types';
import type { Lang } from '../../src/i18n';
import { renderSummary } from '../../src/taskpane/summary';
import { STEADY_DAY0, steadyBuyers } from '../engine/clv/steady';
import { installFakeDocument, type FakeElement } from './fakeDom';

let uninstall: () => void;
beforeAll(() => (uninstall = installFakeDocument()));
afterAll(() => uninstall());

/** The texts of the summary's notes list (none when it has no notes box). */
function paneNotes(analysis: Analysis, lang: Lang): string[] | null {
  const nodes = renderSummary({ analysis, lang, sheetNames: [], onActivateSheet: () => {} }) as unknown as FakeElement[];
  const box = nodes.find((n) => n.getAttribute('id') === 'notes');
  return box ? box.findAll((e) => e.tagName === 'li').map((li) => li.textContent) : null;
}

const table = (rows: (string | number)[][], header = ['customer', 'date', 'amount']) => ({ header, rows });

describe('input notes', () => {
  // tiny inputs: clustering off, or the pane would also say why it could not run
  const analysis = analyze(table([['a', '03/04/2020', 1, 5], ['b', '05/06/2020', 2, 6]], ['customer', 'date', 'amount', 'amount']), { clusters: 'off' });

  test("en: the day/month order in the pane's words (where to change it), once, then the duplicate header", () => {
    expect(paneNotes(analysis, 'en')).toEqual([
      'Dates such as 03/04/2020 were read as day/month/year; change it under Options if that is wrong.',
      '2 columns are named "amount" (columns 3 (C), 4 (D)); using column 3 (C)',
    ]);
  });

  test('fa: the same notes in Persian', () => {
    expect(paneNotes(analysis, 'fa')).toEqual([
      'تاریخ‌هایی مانند 03/04/2020 به صورت روز/ماه/سال خوانده شدند؛ اگر درست نیست، در گزینه‌ها تغییرش دهید.',
      '2 ستون نام "amount" دارند (ستون‌های 3 (C), 4 (D))؛ ستون 3 (C) به کار رفت',
    ]);
  });

  test('mixed date forms', () => {
    expect(paneNotes(analyze(table([['a', '2020-01-05', 1], ['b', 43831, 2]]), { clusters: 'off' }), 'en')).toEqual(['the column mixes date forms: Excel date numbers, year-month-day']);
  });

  test('an analysis without notes of its own (older JSON) still says the day/month order; a clean one has no notes box', () => {
    const clean = analyze(table([['a', '2020-01-05', 1]]), { clusters: 'off' });
    expect(paneNotes(clean, 'en')).toBeNull();
    const older = { ...analysis, notes: undefined, settings: { ...analysis.settings, dayMonthOrder: 'mdy' } } as Analysis;
    expect(paneNotes(older, 'en')).toEqual(['Dates such as 03/04/2020 were read as month/day/year; change it under Options if that is wrong.']);
  });
});

describe('purchase-model and cluster notes', () => {
  const day0 = STEADY_DAY0;
  const rows = steadyBuyers();
  const analysis = analyzeTransactions(rows, { holdoutFrom: day0 + 2000, clusters: 2 });

  test('en: almost no dropout, and the holdout that could not be made', () => {
    const notes = paneNotes(analysis, 'en') ?? [];
    expect(notes.find((n) => n.startsWith('the model finds almost no dropout'))).toBeDefined();
    expect(notes).toContain('Holdout check not made: the holdout start is after the last day of data');
  });

  test('fa: the same notes in Persian, with no English words left but the model names', () => {
    const notes = paneNotes(analysis, 'fa') ?? [];
    expect(notes.find((n) => n.startsWith('مدل تقریباً هیچ ریزشی نمی‌یابد'))).toBeDefined();
    expect(notes).toContain('آزمون دورهٔ نگه‌داشته انجام نشد: آغاز دورهٔ آزمون پس از آخرین روز داده‌هاست');
    expect(notes.join(' ').replace(/BG\/NBD/g, '').match(/\b[a-zA-Z]{3,}\b/g) ?? []).toEqual([]);
  });

  test('clustering that could not run says why; clustering the user turned off does not', () => {
    const few = analyzeTransactions(rows.filter((r) => r.customerId === 'c1' || r.customerId === 'c2'), { model: 'off' });
    expect(paneNotes(few, 'en')).toEqual(['Clustering did not run: only 2 customer(s); clustering needs at least 3']);
    expect(paneNotes(few, 'fa')).toEqual(['خوشه‌بندی اجرا نشد: فقط 2 مشتری؛ خوشه‌بندی دست‌کم 3 مشتری لازم دارد']);
    expect(paneNotes(analyzeTransactions(rows.slice(0, 5), { model: 'off', clusters: 'off' }), 'en')).toBeNull();
  });
});
