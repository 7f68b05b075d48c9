/**
 * The Summary shows what the engine noted about the input, an analysis date that cannot be known
 * as "Not given" (never NaN or a bogus date), and skipped-row details in the output language.
 */
import { analyze } from '../../src/engine/analyze';
import type { Analysis } from '../../src/engine/types';
import { buildWorkbookPlan } from '../../src/report/build';
import type { PlanValue, WorkbookPlan } from '../../src/report/plan';
import { smallAnalysis } from './fixtures';
import { blockStartingWith, sheetOf } from './planHelpers';

/** Every value of every block and table in the plan. */
function allValues(plan: WorkbookPlan): PlanValue[] {
  return plan.sheets.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [...b.header, ...b.rows.flat()] : b.values.flat())));
}

const headlineValue = (plan: WorkbookPlan, label: string, first: string) =>
  blockStartingWith(sheetOf(plan, 'summary'), first)?.values.find((r) => r[0] === label)?.[1];

describe('customer-level input with recency days only and no analysis date', () => {
  const analysis = analyze({
    header: ['customer_id', 'recency_days', 'number_of_orders', 'revenue'],
    rows: [['a', 3, 2, 10], ['b', 40, 1, 5], ['c', 9, 4, 30]],
  });

  test('the engine cannot know the date (NaN in memory, null in JSON)', () => {
    expect(analysis.settings.analysisDate).toBeNaN();
    expect(JSON.parse(JSON.stringify(analysis)).settings.analysisDate).toBeNull();
  });

  test.each([['en', 'Customers', 'Analysis date', 'Not given'], ['fa', 'مشتریان', 'تاریخ تحلیل', 'داده نشده']] as const)(
    '%s: the Summary says the analysis date was not given; no NaN anywhere in the workbook',
    (lang, first, label, text) => {
      const plan = buildWorkbookPlan(analysis, { lang });
      expect(headlineValue(plan, label, first)).toBe(text);
      expect(allValues(plan).filter((v) => typeof v === 'number' && !Number.isFinite(v))).toEqual([]);
    },
  );
});

describe('notes on the input in the Summary', () => {
  const withNotes = (): Analysis => ({
    ...smallAnalysis(),
    notes: [
      { key: 'input.dayMonthOrder.fromDefault', params: { orderKey: 'input.dayMonthOrder.dmy' }, text: 'Dates were read as day/month/year; the data cannot tell, so choose the order if that is wrong.' },
      { key: 'input.note.duplicateHeader', params: { count: 2, header: '"amount"', columns: '3 (C), 4 (D)', column: '3 (C)' }, text: '2 columns are named "amount" (columns 3 (C), 4 (D)); using column 3 (C)' },
    ],
  });

  test('en: a heading and one note per row', () => {
    const sheet = sheetOf(buildWorkbookPlan(withNotes(), { lang: 'en' }), 'summary');
    const heading = blockStartingWith(sheet, 'Notes on the input');
    expect(heading).toBeDefined();
    const notes = sheet.blocks.find((b) => b.kind === 'cells' && b.row === (heading?.row ?? -1) + 1);
    expect(notes?.kind === 'cells' && notes.values).toEqual([
      ['Dates were read as day/month/year; the data cannot tell, so choose the order if that is wrong.'],
      ['2 columns are named "amount" (columns 3 (C), 4 (D)); using column 3 (C)'],
    ]);
  });

  test('fa: the same notes in Persian', () => {
    const sheet = sheetOf(buildWorkbookPlan(withNotes(), { lang: 'fa' }), 'summary');
    const heading = blockStartingWith(sheet, 'نکته‌های ورودی');
    const notes = sheet.blocks.find((b) => b.kind === 'cells' && b.row === (heading?.row ?? -1) + 1);
    expect(notes?.kind === 'cells' && notes.values).toEqual([
      ['تاریخ‌ها به صورت روز/ماه/سال خوانده شدند؛ داده‌ها ترتیب را مشخص نمی‌کنند، اگر درست نیست ترتیب را انتخاب کنید.'],
      ['۲ ستون نام "amount" دارند (ستون‌های 3 (C), 4 (D))؛ ستون 3 (C) به کار رفت'],
    ]);
  });

  test('no notes, no heading', () => {
    expect(blockStartingWith(sheetOf(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }), 'summary'), 'Notes on the input')).toBeUndefined();
  });
});

test('fa: skipped-row details are Persian when the engine gave their key', () => {
  const analysis = analyze({ header: ['customer', 'date', 'amount'], rows: [['a', '2020-01-05', 1], ['b', 'soon', 2]] });
  const sheet = sheetOf(buildWorkbookPlan(analysis, { lang: 'fa' }), 'summary');
  const examples = sheet.blocks.find((b) => b.kind === 'cells' && b.values[1]?.[0] === 3);
  expect(examples?.kind === 'cells' && examples.values[1][2]).toBe('date: "soon" تاریخ نیست');
});
