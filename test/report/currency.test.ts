/** Money formats: the currency's unit, decimals only when the amounts have them (report/formats.ts, build.ts). */
import { buildWorkbookPlan } from '../../src/report/build';
import { amountsHaveDecimals, moneyFormat } from '../../src/report/formats';
import { SEGMENTS_TABLE } from '../../src/report/summarySheet';
import { smallAnalysis } from './fixtures';
import { tableOf } from './planHelpers';

describe('moneyFormat', () => {
  test.each([
    [{ currency: 'IRR', decimals: false }, 'en', '#,##0 "rial"'],
    [{ currency: 'IRR', decimals: false }, 'fa', '#,##0 "ریال"'],
    [{ currency: 'IRT', decimals: false }, 'fa', '#,##0 "تومان"'],
    [{ currency: 'USD', decimals: true }, 'en', '"$"#,##0.00'],
    [{ currency: 'EUR', decimals: true }, 'en', '"€"#,##0.00'],
    [{ currency: 'GBP', decimals: false }, 'en', '"£"#,##0'],
    [{ currency: null, decimals: true }, 'en', '#,##0.00'],
    [{ currency: null, decimals: false }, 'en', '#,##0'],
  ] as const)('%p in %p: %p', (style, lang, format) => {
    expect(moneyFormat(style, lang)).toBe(format);
  });
});

describe('the plan', () => {
  /** smallAnalysis has revenues 500, 20.5, 300 and 179.5: cents. */
  const whole = () => {
    const a = smallAnalysis();
    a.customers = a.customers.map((c) => ({ ...c, revenue: Math.round(c.revenue) }));
    return a;
  };

  test('decimals when a revenue has cents, none when every revenue is whole', () => {
    expect(amountsHaveDecimals(smallAnalysis())).toBe(true);
    expect(amountsHaveDecimals(whole())).toBe(false);
  });

  test('the detected currency in every money column; the user\'s choice wins; null = no unit', () => {
    const analysis = { ...whole(), currency: 'IRR' as const };
    const revenueFormat = (plan: ReturnType<typeof buildWorkbookPlan>) => tableOf(plan, SEGMENTS_TABLE).columnFormats[3];
    expect(revenueFormat(buildWorkbookPlan(analysis, { lang: 'fa' }))).toBe('[$-3000429]#,##0 "ریال"');
    expect(revenueFormat(buildWorkbookPlan(analysis, { lang: 'en' }))).toBe('#,##0 "rial"');
    expect(revenueFormat(buildWorkbookPlan(analysis, { lang: 'en', currency: 'IRT' }))).toBe('#,##0 "toman"');
    expect(revenueFormat(buildWorkbookPlan(analysis, { lang: 'en', currency: null }))).toBe('#,##0');
    expect(revenueFormat(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }))).toBe('#,##0.00');
    // Every money column of the Customers table too (monetary, CLV).
    const customers = tableOf(buildWorkbookPlan(analysis, { lang: 'en' }), 'Customers');
    expect(customers.columnFormats.filter((f) => f?.includes('rial'))).toHaveLength(2);
  });
});
