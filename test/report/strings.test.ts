/** The report's strings: every key in both languages, non-empty, with the same placeholders. */
import { report as en } from '../../src/i18n/en/report';
import { report as fa } from '../../src/i18n/fa/report';
import { STRINGS } from '../../src/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report strings', () => {
  test('the same keys in English and Persian, none empty, all merged into the tables', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect({ key, en: text.trim().length > 0, fa: fa[key as keyof typeof en].trim().length > 0 }).toEqual({ key, en: true, fa: true });
      expect(STRINGS.en[key]).toBe(text);
      expect(STRINGS.fa[key]).toBe(fa[key as keyof typeof en]);
    }
  });

  test('each Persian string has the placeholders of its English one', () => {
    for (const [key, text] of Object.entries(en)) {
      expect({ key, placeholders: placeholders(fa[key as keyof typeof en]) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  test('Persian sheet names are valid Excel sheet names', () => {
    for (const key of Object.keys(fa).filter((k) => k.startsWith('report.sheet.'))) {
      const name = fa[key as keyof typeof en];
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
