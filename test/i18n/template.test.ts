/**
 * t() fills placeholders from split templates (issue 15: per-customer notes call it 100,000 times
 * for a full sheet). Its output must stay what the regular-expression replacement gave: checked
 * by hand on small cases, and against that replacement written out here for every string of both
 * tables.
 */
import { STRINGS, messageText, t, type Lang } from '../../src/i18n';

/** The replacement t() used before, as an independent oracle. */
function byRegExp(lang: Lang, key: string, params: Record<string, string | number>): string {
  const text = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const value = params[name];
    if (typeof value !== 'number') return String(value);
    return lang === 'fa' ? String(value).replace(/[0-9.]/g, (c) => (c === '.' ? '\u066b' : String.fromCharCode(0x06f0 + Number(c)))) : String(value);
  });
}

describe('t with placeholders', () => {
  test('small cases by hand: missing names stay, repeats, edges, Persian digits', () => {
    expect(t('en', '{a} and {b}, {a}!', { a: 'x', b: 2.5 })).toBe('x and 2.5, x!');
    expect(t('en', 'keep {missing} here', { other: 1 })).toBe('keep {missing} here');
    expect(t('en', '{a}', { a: '' })).toBe('');
    expect(t('fa', 'n={n}', { n: 10.25 })).toBe('n=۱۰٫۲۵');
    expect(t('en', 'no placeholders', { a: 1 })).toBe('no placeholders');
    expect(t('en', '{a-b} {a}', { a: 'y' })).toBe('{a-b} y');
  });

  test('a churn reason: nested keys resolved in both languages', () => {
    const params = { factsKey: 'predict.churnReason.once', verdictKey: 'predict.churnReason.verdict.active', silentDays: 12, pBuy: 40, horizon: 90 };
    expect(messageText('en', 'predict.churnReason', params)).toBe('bought once, 12 days ago; 40% likely to buy within 90 days');
    expect(messageText('fa', 'predict.churnReason', params)).not.toMatch(/[0-9{}]/);
  });

  test('every string of both tables, as the regular expression filled it', () => {
    let compared = 0;
    for (const lang of ['en', 'fa'] as const) {
      for (const key of Object.keys(STRINGS[lang])) {
        const names = [...STRINGS[lang][key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        // Every other placeholder filled, alternately with a number and a text; the rest left.
        const params: Record<string, string | number> = {};
        names.forEach((name, i) => { if (i % 2 === 0) params[name] = i % 4 === 0 ? 1234.5 : `<${name}>`; });
        expect(t(lang, key, params)).toBe(byRegExp(lang, key, params));
        compared++;
      }
    }
    expect(compared).toBe(Object.keys(STRINGS.en).length + Object.keys(STRINGS.fa).length);
  });
});
