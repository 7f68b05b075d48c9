/**
 * Issue 7's "Must show": one walk over the whole en table finds every key in fa and back, both
 * non-empty, and every {placeholder} of an English string in its Persian string (and no other).
 * Also: no two areas define the same key (a later spread would silently win).
 */
import * as fs from 'fs';
import * as path from 'path';
import { STRINGS, type Strings } from '../../src/i18n';

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Every area table of one language, by file name (index.ts excluded). */
function areas(lang: 'en' | 'fa'): Record<string, Strings> {
  const dir = path.join(__dirname, '../../src/i18n', lang);
  const out: Record<string, Strings> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as Record<string, Strings>;
    out[file] = Object.assign({}, ...Object.values(mod));
  }
  return out;
}

describe('the string tables (all areas)', () => {
  test('every en key is in fa and every fa key in en, none empty', () => {
    const missingInFa = Object.keys(STRINGS.en).filter((k) => !(k in STRINGS.fa));
    const missingInEn = Object.keys(STRINGS.fa).filter((k) => !(k in STRINGS.en));
    const emptyEn = Object.keys(STRINGS.en).filter((k) => STRINGS.en[k].trim() === '');
    const emptyFa = Object.keys(STRINGS.fa).filter((k) => STRINGS.fa[k].trim() === '');
    expect({ missingInFa, missingInEn, emptyEn, emptyFa }).toEqual({ missingInFa: [], missingInEn: [], emptyEn: [], emptyFa: [] });
    expect(Object.keys(STRINGS.en).length).toBeGreaterThan(300);
  });

  test('every {placeholder} of an English string is in its Persian string, and fa adds none', () => {
    const differ = Object.keys(STRINGS.en)
      .filter((k) => placeholders(STRINGS.en[k]).join() !== placeholders(STRINGS.fa[k] ?? '').join())
      .map((k) => ({ key: k, en: placeholders(STRINGS.en[k]), fa: placeholders(STRINGS.fa[k] ?? '') }));
    expect(differ).toEqual([]);
  });

  test.each(['en', 'fa'] as const)('%s: every area file is merged and no key is defined by two areas', (lang) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, table] of Object.entries(areas(lang))) {
      for (const [key, text] of Object.entries(table)) {
        const earlier = owner.get(key);
        if (earlier) clashes.push(`${key}: ${earlier} and ${file}`);
        owner.set(key, file);
        expect({ key, text: STRINGS[lang][key] }).toEqual({ key, text });
      }
    }
    expect(clashes).toEqual([]);
    expect(owner.size).toBe(Object.keys(STRINGS[lang]).length);
  });
});
