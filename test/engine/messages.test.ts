/**
 * The engine's user-facing words come from the string tables: errors carry a key and values
 * (message = the English text), skipped-row details and notes too, so hosts show them in Persian.
 * Expected texts below are written from the tables by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze, analyzeCustomers } from '../../src/engine/analyze';
import { InputError, type InputTable, type SegmentRule } from '../../src/engine/types';
import { messageIn } from '../../src/i18n';

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const tx = (rows: unknown[][], header = ['customer', 'date', 'amount']): InputTable => ({ header, rows: rows as InputTable['rows'] });

describe('notes on how the input was read (Analysis.notes)', () => {
  test('duplicate headers: which column was used', () => {
    const a = analyze(tx([['a', '2020-01-01', 1, 5]], ['customer', 'date', 'amount', 'amount']));
    expect(a.notes).toEqual([{
      key: 'input.note.duplicateHeader',
      params: { count: 2, header: '"amount"', columns: '3 (C), 4 (D)', column: '3 (C)' },
      text: '2 columns are named "amount" (columns 3 (C), 4 (D)); using column 3 (C)',
    }]);
    expect(messageIn(a.notes?.[0] ?? {}, 'fa')).toBe('۲ ستون نام "amount" دارند (ستون‌های 3 (C), 4 (D))؛ ستون 3 (C) به کار رفت');
  });

  test('day/month order: from the data, from the option, or the default, and why', () => {
    const fromData = analyze(tx([['a', '25/12/2020', 1], ['b', '03/04/2020', 2]]));
    expect(fromData.notes?.map((n) => n.text)).toEqual(['Dates were read as day/month/year (the data shows it).']);
    const ambiguous = tx([['a', '03/04/2020', 1], ['b', '05/06/2020', 2]]);
    expect(analyze(ambiguous, { dayMonthOrder: 'mdy' }).notes?.map((n) => n.text)).toEqual([
      'Dates were read as month/day/year, as you chose (the data cannot tell).',
    ]);
    const byDefault = analyze(ambiguous).notes ?? [];
    expect(byDefault.map((n) => n.key)).toEqual(['input.dayMonthOrder.fromDefault']);
    expect(messageIn(byDefault[0], 'fa')).toBe('تاریخ‌ها به صورت روز/ماه/سال خوانده شدند؛ داده‌ها ترتیب را مشخص نمی‌کنند، اگر درست نیست ترتیب را انتخاب کنید.');
  });

  test('mixed date forms', () => {
    const a = analyze(tx([['a', '2020-01-05', 1], ['b', 43831, 2]]));
    expect(a.notes?.map((n) => n.text)).toEqual(['the column mixes date forms: Excel date numbers, year-month-day']);
    expect(messageIn(a.notes?.[0] ?? {}, 'fa')).toBe('ستون تاریخ چند قالب دارد: عدد تاریخ اکسل، سال-ماه-روز');
  });

  test('customer-level input with recency days only and no analysis date: the date is unknown, and a note says so', () => {
    const a = analyzeCustomers([{ customerId: 'a', recencyDays: 3, frequency: 2, monetary: 10, rowNumber: 2 }]);
    expect(a.settings.analysisDate).toBeNaN();
    expect(a.notes?.map((n) => n.key)).toEqual(['engine.note.noAnalysisDate']);
  });

  test('a clean input has no notes', () => {
    expect(analyze(tx([['a', '2020-01-05', 1]])).notes).toEqual([]);
  });
});

describe('errors carry a key and values; message is the English text', () => {
  test('bins, in English and Persian', () => {
    const e = caught(() => analyze(tx([['a', '2020-01-05', 1]]), { bins: 11 }));
    expect(e.message).toBe('Bins must be a whole number from 2 to 10; got 11.');
    expect([e.key, e.params]).toEqual(['engine.error.bins', { min: 2, max: 10, value: 11 }]);
    expect(messageIn(e, 'en')).toBe(e.message);
    expect(messageIn(e, 'fa')).toBe('تعداد دسته‌ها باید عددی صحیح از ۲ تا ۱۰ باشد؛ ۱۱ داده شد.');
  });

  test('a missing column names the roles in the language', () => {
    const e = caught(() => analyze(tx([['x', 'y']], ['foo', 'bar'])));
    expect(e.key).toBe('input.error.missingColumns');
    expect(messageIn(e, 'fa')).toContain('این ستون‌ها پیدا نشدند: تاریخ، مبلغ (یا تعداد و قیمت واحد).');
    expect(messageIn(e, 'fa')).toContain('"foo", "bar"');
  });

  test('no usable rows: the first skipped row is named, its detail translated too', () => {
    const e = caught(() => analyze(tx([['a', 'soon', 1]])));
    expect(e.message).toBe('No usable transactions: all 1 row was skipped (first: row 2, date: "soon" is not a date).');
    expect(messageIn(e, 'fa')).toBe('تراکنش قابل استفاده‌ای نیست: تنها سطر ورودی کنار گذاشته شد (سطر ۲، date: "soon" تاریخ نیست).');
  });

  test('segment rules: the first problem and how many more', () => {
    const rule: SegmentRule = { name: '', recency: [4, 2], frequency: [1, 5], monetary: [1, 5], actionEn: '', actionFa: '' };
    const e = caught(() => analyze(tx([['a', '2020-01-05', 1]]), { segmentRules: [rule] }));
    expect(e.message).toBe('Segment rules: Rule 1: the segment needs a name. (and 1 more problem)');
    expect(messageIn(e, 'fa')).toBe('قواعد بخش‌بندی: قاعده ۱: بخش به نام نیاز دارد. (و ۱ مشکل دیگر)');
  });

  test('skipped-row details carry their key: a blank header becomes "column C" in each language', () => {
    const a = analyze({ header: ['customer', 'date', ''], rows: [['a', '2020-01-05', 1], ['b', '2020-01-06', 'ten']] }, { columns: { amount: 2 } });
    const [example] = a.skipped.examples;
    expect(example.detail).toBe('column C: "ten" is not an amount');
    expect(messageIn(example, 'fa')).toBe('ستون C: "ten" مبلغ نیست');
  });

  const badInputs: [string, () => unknown][] = [
    ['empty', () => analyze({ header: [], rows: [] })],
    ['override index', () => analyze(tx([['a', '2020-01-05', 1]]), { columns: { amount: 9 } })],
    ['override name', () => analyze(tx([['a', '2020-01-05', 1]]), { columns: { amount: 'Betrag' } })],
    ['missing one column', () => analyze(tx([['a', 1]], ['customer', 'amount']))],
    ['thresholds missing', () => analyze(tx([['a', '2020-01-05', 1]]), { scoring: 'thresholds' })],
    ['thresholds count', () => analyze(tx([['a', '2020-01-05', 1]]), { scoring: 'thresholds', thresholds: { recency: [1] } })],
    ['thresholds order', () => analyze(tx([['a', '2020-01-05', 1]]), { scoring: 'thresholds', thresholds: { monetary: [1, 3, 2, 4] } })],
    ['returns only', () => analyze(tx([['a', '2020-01-05', -1]]))],
    ['analysis date', () => analyze(tx([['a', '2020-01-05', 1]]), { analysisDate: 1.5 })],
    ['no data rows', () => analyze(tx([]))],
    ['customer rows skipped', () => analyze({ header: ['customer', 'recency_days', 'number_of_orders', 'revenue'], rows: [['a', 'x', 1, 2]] })],
  ];
  test.each(badInputs)('%s: keyed, and the Persian text has no English words or unfilled placeholders', (_, run) => {
    const e = caught(run);
    expect(typeof e.key).toBe('string');
    expect(messageIn(e, 'en')).toBe(e.message);
    const fa = messageIn(e, 'fa');
    expect(fa).not.toMatch(/\{\w+\}|\b(engine|input)\.[a-z]/);
    // only header names, values and column letters may be Latin; longer Latin words would be ours
    expect(fa.replace(/"[^"]*"|recency_days/g, '').replace(/\b[A-Z]\b/g, '')).not.toMatch(/[a-z]{3}/i);
  });
});

test('the engine throws no InputError with a literal message (all go through inputError)', () => {
  const dir = path.join(__dirname, '../../src/engine');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['predict.ts', 'types.ts', 'messages.ts'].includes(f));
  const literal = files.filter((f) => /new InputError\(/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
  expect(literal).toEqual([]);
});
