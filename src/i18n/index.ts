/**
 * One table of user-visible strings per language. Each area of the product keeps its keys in its
 * own module (`en/<area>.ts`, `fa/<area>.ts`) so parts can grow independently; the tables here are
 * their union, and a test checks that every key exists in both languages.
 */
import { en } from './en';
import { fa } from './fa';

/** Languages the product speaks. */
export type Lang = 'en' | 'fa';

/** A string table: key → text, `{name}` marks a placeholder. */
export type Strings = Record<string, string>;

/** The tables by language. */
export const STRINGS: Record<Lang, Strings> = { en, fa };

/**
 * Looks up a string and fills `{name}` placeholders.
 * @param lang the language
 * @param key the string key, e.g. `sheet.customers`
 * @param params values for placeholders
 * @returns the text; the key itself when missing (a test keeps that from happening)
 */
export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const text = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
