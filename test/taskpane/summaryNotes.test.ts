/**
 * The pane's summary lists the run's notes in the pane's language: how the input was read (mixed
 * date forms, day/month order, duplicate headers) as it is; the purchase model's notes (almost no
 * dropout, penalised fit, holdout not made) and why clustering did not run in plain words, with the
 * Summary sheet's technical text one click away (<details>), in Persian digits in Persian.
 */
import { analyze, analyzeTransactions } from '../../src/engine/analyze';
import type { Analysis, Transaction } from '../../src/engine/types';
import { t, type Lang } from '../../src/i18n';
import { renderSummary } from '../../src/taskpane/summary';
import { STEADY_DAY0, steadyBuyers } from '../engine/clv/steady';
import { installFakeDocument, type FakeElement } from './fakeDom';

let uninstall: () => void;
beforeAll(() => (uninstall = installFakeDocument()));
afterAll(() => uninstall());

function notesBox(analysis: Analysis, lang: Lang): FakeElement | undefined {
  const nodes = renderSummary({ analysis, lang, sheetNames: [], onActivateSheet: () => {} }) as unknown as FakeElement[];
  return nodes.find((n) => n.getAttribute('id') === 'notes');
}

/** The texts of the summary's visible notes list (none when it has no notes box). */
function paneNotes(analysis: Analysis, lang: Lang): string[] | null {
  const box = notesBox(analysis, lang);
  return box ? box.children.filter((c) => c.tagName === 'ul').flatMap((ul) => ul.children.map((li) => li.textContent)) : null;
}

/** The technical notes under <details> (empty when there are none). */
function technicalNotes(analysis: Analysis, lang: Lang): string[] {
  const details = notesBox(analysis, lang)?.children.find((c) => c.tagName === 'details');
  return details ? details.findAll((e) => e.tagName === 'li').map((li) => li.textContent) : [];
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
      '۲ ستون نام "amount" دارند (ستون‌های 3 (C), 4 (D))؛ ستون 3 (C) به کار رفت',
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

describe('the analysis window', () => {
  test('rows on or after the analysis date: the note is listed as it is, in both languages', () => {
    const rows = [['a', '2020-01-02', 1], ['a', '2020-01-06', 2], ['b', '2020-01-03', 3], ['b', '2020-01-12', 4]];
    const analysis = analyze(table(rows), { clusters: 'off', model: 'off', analysisDate: Date.UTC(2020, 0, 10) / 86_400_000 });
    expect(paneNotes(analysis, 'en')).toEqual(['1 row(s) dated on or after the analysis date 2020-01-10 were not used by any part of the analysis (first: row 5).']);
    expect(paneNotes(analysis, 'fa')).toEqual([t('fa', 'input.note.afterAnalysisDate', { rowCount: 1, date: '2020-01-10', row: 5 })]);
    expect(paneNotes(analysis, 'fa')?.[0]).toContain('۵');
  });
});

describe('purchase-model and cluster notes', () => {
  const day0 = STEADY_DAY0;
  const rows = steadyBuyers();
  const analysis = analyzeTransactions(rows, { holdoutFrom: day0 + 2000, clusters: 2 });

  test('en: plain sentences shown, the technical notes under details', () => {
    expect(paneNotes(analysis, 'en')).toEqual(['pane.plain.autoChoice', 'pane.plain.penalised', 'pane.plain.spendFallback', 'pane.plain.noDropout', 'pane.plain.holdoutSkipped'].map((k) => t('en', k)));
    const technical = technicalNotes(analysis, 'en');
    expect(technical.find((n) => n.startsWith('model chosen automatically: '))).toBeDefined();
    expect(technical).toContain('Holdout check not made: the holdout start is after the last day of data');
    const details = notesBox(analysis, 'en')!.children.find((c) => c.tagName === 'details')!;
    expect(details.children[0].tagName).toBe('summary');
    expect(details.children[0].textContent).toBe('Technical details');
  });

  test('fa: the same in Persian, technical numbers in Persian digits, no English words but the model names', () => {
    expect(paneNotes(analysis, 'fa')).toEqual(['pane.plain.autoChoice', 'pane.plain.penalised', 'pane.plain.spendFallback', 'pane.plain.noDropout', 'pane.plain.holdoutSkipped'].map((k) => t('fa', k)));
    const technical = technicalNotes(analysis, 'fa');
    expect(technical.find((n) => n.startsWith('مدل به‌طور خودکار انتخاب شد: '))).toBeDefined();
    expect(technical).toContain('آزمون دورهٔ نگه‌داشته انجام نشد: آغاز دورهٔ آزمون پس از آخرین روز داده‌هاست');
    expect(technical.join(' ').match(/[0-9]/g) ?? []).toEqual([]);
    expect(technical.join(' ').replace(/BG\/NBD|Pareto\/NBD/g, '').match(/\b[a-zA-Z]{3,}\b/g) ?? []).toEqual([]);
  });

  test('a penalised fit: the plain words first, "ridge penalty 0.001" only under details (۰٫۰۰۱ in Persian)', () => {
    const penalised = { ...analysis, clv: { ...analysis.clv, keyedNotes: [{ key: 'predict.note.penalised', params: { model: 'BG/NBD', penalty: 0.001 }, text: 'x' }], holdout: undefined } } as Analysis;
    expect(paneNotes(penalised, 'en')).toEqual(['There is little purchase history per customer, so the forecasts were kept on the cautious side: read them as estimates.']);
    expect(technicalNotes(penalised, 'en')).toEqual(['the BG/NBD maximum lies at a boundary, so it was fitted with a ridge penalty 0.001 on log-parameters']);
    expect(technicalNotes(penalised, 'fa')[0]).toContain('۰٫۰۰۱');
  });

  test('clustering that could not run says so plainly; clustering the user turned off does not', () => {
    const few = analyzeTransactions(rows.filter((r) => r.customerId === 'c1' || r.customerId === 'c2'), { model: 'off' });
    expect(paneNotes(few, 'en')).toEqual(['Customers were not grouped into clusters this time.']);
    expect(technicalNotes(few, 'en')).toEqual(['Clustering did not run: only 2 customer(s); clustering needs at least 3']);
    expect(technicalNotes(few, 'fa')).toEqual(['خوشه‌بندی اجرا نشد: فقط ۲ مشتری؛ خوشه‌بندی دست‌کم ۳ مشتری لازم دارد']);
    expect(paneNotes(analyzeTransactions(rows.slice(0, 5), { model: 'off', clusters: 'off' }), 'en')).toBeNull();
  });

  test('the three answers come right after the figures, then the model check, before the chart and the notes', () => {
    const nodes = renderSummary({ analysis, lang: 'en', sheetNames: [], onActivateSheet: () => {} }) as unknown as FakeElement[];
    expect(nodes.map((n) => n.getAttribute('class') ?? n.getAttribute('id'))).toEqual(['figures', 'answers', 'model-check', 'chart', 'notes', 'skipped', null]);
  });
});

describe('the auto choice by the inner backtest', () => {
  // 40 steady buyers (days 0, 20, 40, 60, 80; 30 of them again on day 100) and 60 one-time buyers
  // (day 0; 10 of them again on day 100): the last 30 days are held out and 60 bought nothing there
  const rows: Transaction[] = [];
  const buy = (id: string, days: number[]) => days.forEach((day) => rows.push({ customerId: id, day: STEADY_DAY0 + day, amount: 10, rowNumber: rows.length + 2 }));
  for (let i = 0; i < 40; i++) buy(`A${i}`, i < 30 ? [0, 20, 40, 60, 80, 100] : [0, 20, 40, 60, 80]);
  for (let i = 0; i < 60; i++) buy(`B${i}`, i < 10 ? [0, 100] : [0]);
  const analysis = analyzeTransactions(rows, { churnHorizonDays: 30, clusters: 'off', analysisDate: STEADY_DAY0 + 120 });

  test('is said in plain words in en and fa, the AUCs under details', () => {
    const choice = analysis.clv?.status === 'ok' ? analysis.clv.modelChoice : undefined;
    expect(choice?.rule).toBe('innerBacktest');
    expect(choice?.innerBacktest).toMatchObject({ holdoutDays: 30, customers: 100, nonBuyers: 60 });
    expect(paneNotes(analysis, 'en')).toContain(t('en', 'pane.plain.autoBacktest'));
    expect(paneNotes(analysis, 'fa')).toContain(t('fa', 'pane.plain.autoBacktest'));
    expect(technicalNotes(analysis, 'en').find((n) => n.startsWith('model chosen automatically: '))).toMatch(/AUC 0\.792/); // 19/24, counted in autoChoice.test.ts
  });
});

describe('notes shown as they are, as sentences', () => {
  test('share of wallet: its sentence with the figure, in the visible list, not behind the details', () => {
    const rows = [['a', '2020-01-02', 10, 40], ['b', '2020-01-03', 30, 60]];
    const analysis = analyze(table(rows, ['customer', 'date', 'amount', 'wallet']), { clusters: 'off', model: 'off' });
    // the worker adds the wallet; here the engine's summary is added the same way the pane does
    analysis.notes = [...(analysis.notes ?? []), { key: 'engine.note.shareOfWallet', params: { percent: 40, customerCount: 2, column: 'wallet' }, text: t('en', 'engine.note.shareOfWallet', { percent: 40, customerCount: 2, column: 'wallet' }) }];
    const shown = paneNotes(analysis, 'en') ?? [];
    expect(shown).toContain('Share of wallet: we have 40% of the category spend of the 2 customers with a value in the "wallet" column (the share_of_wallet column of the Customers sheet gives each one).');
    expect(technicalNotes(analysis, 'en').some((n) => n.includes('Share of wallet'))).toBe(false);
  });
});
