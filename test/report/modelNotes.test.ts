/**
 * The Summary and Clusters sheets give the purchase model's and clustering's reasons and notes in
 * the workbook's language (keys from the engine, not its English text).
 */
import { analyzeTransactions } from '../../src/engine/analyze';
import type { Transaction } from '../../src/engine/types';
import { t } from '../../src/i18n';
import { threeAnswers } from '../../src/report/answers';
import { buildWorkbookPlan } from '../../src/report/build';
import type { PlanValue, SheetKey, WorkbookPlan } from '../../src/report/plan';
import { STEADY_DAY0, steadyBuyers } from '../engine/clv/steady';
import { sheetOf } from './planHelpers';

/** The value cells beside a label on a sheet. */
function besideLabel(plan: WorkbookPlan, sheet: SheetKey, label: string): PlanValue[] {
  return sheetOf(plan, sheet).blocks.flatMap((b) => (b.kind === 'cells' ? b.values.filter((r) => r[0] === label).map((r) => r[1]) : []));
}

function allText(plan: WorkbookPlan, sheet: SheetKey): string[] {
  return sheetOf(plan, sheet).blocks.flatMap((b) => (b.kind === 'cells' ? b.values.flat() : [...b.header, ...b.rows.flat()])).filter((v): v is string => typeof v === 'string');
}

describe('model notes on the Summary', () => {
  const analysis = analyzeTransactions(steadyBuyers(), { holdoutFrom: STEADY_DAY0 + 2000, clusters: 'off' });

  test('en: the notes as the engine wrote them, and the holdout that could not be made', () => {
    const notes = besideLabel(buildWorkbookPlan(analysis, { lang: 'en' }), 'summary', 'Note');
    expect(notes.some((n) => typeof n === 'string' && n.startsWith('the data cannot tell customers who left from slow buyers'))).toBe(true);
    expect(notes.some((n) => typeof n === 'string' && n.startsWith('model chosen automatically: '))).toBe(true);
    expect(notes).toContain('Holdout check not made: the holdout start is after the last day of data');
  });

  test('fa: the same notes in Persian', () => {
    const notes = besideLabel(buildWorkbookPlan(analysis, { lang: 'fa' }), 'summary', t('fa', 'report.model.note')).map(String);
    expect(notes.some((n) => n.startsWith('داده‌ها مشتریانی را که رفته‌اند از خریداران کُند جدا نمی‌کنند'))).toBe(true);
    expect(notes).toContain('آزمون دورهٔ نگه‌داشته انجام نشد: آغاز دورهٔ آزمون پس از آخرین روز داده‌هاست');
    expect(notes.join(' ').replace(/BG\/NBD|Pareto\/NBD/g, '').match(/\b[a-zA-Z]{3,}\b/g) ?? []).toEqual([]);
  });
});

describe('reasons', () => {
  const day0 = STEADY_DAY0;
  const oneTime: Transaction[] = Array.from({ length: 30 }, (_, i) => ({ customerId: `c${i}`, day: day0 + i, amount: 10 + i, rowNumber: i + 2 }));

  test('a purchase model that did not run: the answers say why, in Persian', () => {
    const analysis = analyzeTransactions(oneTime, { clusters: 'off' });
    expect(threeAnswers(analysis, 'en')[1].text).toBe('Not available: the purchase model did not run (no customer bought on more than one day, so repeat purchasing cannot be estimated).');
    expect(threeAnswers(analysis, 'fa')[1].text).toBe('در دسترس نیست: مدل خرید اجرا نشد (هیچ مشتری‌ای در بیش از یک روز خرید نکرده است، پس خرید تکراری برآوردشدنی نیست).');
  });

  test('clustering that did not run, with a holdout check: the Clusters sheet says why in Persian', () => {
    // the sheet exists for the holdout check; the skip is the engine's for two customers (test/engine/clv/reasons.test.ts)
    const analysis = analyzeTransactions(steadyBuyers(), { holdoutFrom: day0 + 200 });
    const few = { ...analysis, clusters: { status: 'skipped' as const, reason: 'only 2 customer(s); clustering needs at least 3', key: 'predict.clusters.fewCustomers', params: { customers: 2, min: 3 } } };
    expect(allText(buildWorkbookPlan(few, { lang: 'fa' }), 'clusters')).toContain('خوشه‌بندی اجرا نشد: فقط ۲ مشتری؛ خوشه‌بندی دست‌کم ۳ مشتری لازم دارد');
    expect(allText(buildWorkbookPlan(few, { lang: 'en' }), 'clusters')).toContain('Clustering did not run: only 2 customer(s); clustering needs at least 3');
  });
});
