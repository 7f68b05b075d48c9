import * as fs from 'fs';
import * as path from 'path';
import { STRINGS } from '../../src/i18n';
import { asLang, formatNumber, langFromDisplayLanguage } from '../../src/taskpane/lang';

const ROOT = path.resolve(__dirname, '..', '..');

describe('language of the pane', () => {
  test('follows Office.context.displayLanguage', () => {
    expect(langFromDisplayLanguage('fa-IR')).toBe('fa');
    expect(langFromDisplayLanguage('FA')).toBe('fa');
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('fr-FR')).toBe('en');
    expect(langFromDisplayLanguage(undefined)).toBe('en');
    expect(langFromDisplayLanguage('far')).toBe('en');
  });
  test('a saved value is only trusted when it is a language', () => {
    expect(asLang('fa')).toBe('fa');
    expect(asLang('de')).toBeUndefined();
    expect(asLang(3)).toBeUndefined();
  });
  test('numbers in Persian use Persian digits', () => {
    expect(formatNumber('fa', 1234)).toBe('۱٬۲۳۴');
    expect(formatNumber('en', 1234)).toBe('1,234');
  });
});

describe('pane strings', () => {
  const paneKeys = (lang: 'en' | 'fa') => Object.keys(STRINGS[lang]).filter((k) => k.startsWith('pane.'));
  test('every pane key exists, non-empty, in both languages', () => {
    expect(paneKeys('en').sort()).toEqual(paneKeys('fa').sort());
    for (const lang of ['en', 'fa'] as const) for (const key of paneKeys(lang)) expect([key, STRINGS[lang][key].trim().length > 0]).toEqual([key, true]);
  });
  test('every key the page and the pane code use is in the tables', () => {
    const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    const used = new Set([...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]));
    for (const dir of ['taskpane', 'preview']) {
      for (const file of fs.readdirSync(path.join(ROOT, 'src', dir)).filter((f) => f.endsWith('.ts'))) {
        const code = fs.readFileSync(path.join(ROOT, 'src', dir, file), 'utf8');
        for (const m of code.matchAll(/'(pane\.[\w.-]+)'/g)) used.add(m[1]);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect([key, key in STRINGS.en && key in STRINGS.fa]).toEqual([key, true]);
  });
  test('Persian strings are Persian (no untranslated English copies)', () => {
    const same = paneKeys('en').filter((k) => STRINGS.en[k] === STRINGS.fa[k] && /[a-z]{3}/i.test(STRINGS.en[k]) && !STRINGS.en[k].includes('{'));
    expect(same).toEqual([]);
  });
});
