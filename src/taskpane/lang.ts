/**
 * The pane's language: chosen from Office's display language, switchable, applied to the page
 * (lang, dir) and to every element that carries a `data-i18n` key.
 */
import { t, type Lang } from '../i18n';
import { toPersianDigits } from '../engine';

/**
 * Maps an Office display language (e.g. `fa-IR`, `en-US`) to one of ours.
 * @param displayLanguage BCP-47 tag from Office.context.displayLanguage, or undefined
 * @returns 'fa' for Persian tags, else 'en'
 */
export function langFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return /^fa\b/i.test(displayLanguage ?? '') ? 'fa' : 'en';
}

/**
 * Narrows an unknown saved value to a language.
 * @param value a setting read from the workbook
 * @returns the language, or undefined when the value is not one
 */
export function asLang(value: unknown): Lang | undefined {
  return value === 'en' || value === 'fa' ? value : undefined;
}

/**
 * Sets lang/dir on the document and the text of every `data-i18n` element (textContent only).
 * @param doc the pane's document
 * @param lang the language to show
 */
export function applyLanguage(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang === 'fa' ? 'fa-IR' : 'en';
  doc.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  doc.title = t(lang, 'pane.title');
  doc.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = t(lang, node.dataset.i18n as string);
  });
}

/**
 * Formats a number for the pane: Persian digits in Persian.
 * @param lang the language
 * @param value the number
 * @param maximumFractionDigits digits after the point (default 0)
 * @returns the localised text
 */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits }).format(value);
}

/**
 * Numbers in a Persian sentence written with Latin digits (0.001) in Persian ones (۰٫۰۰۱): the
 * decimal point between digits becomes the Persian decimal separator, then every digit is Persian.
 * For text without user data (the data's own digits are left as typed elsewhere).
 * @param text the sentence
 * @returns the sentence with Persian numerals
 */
export function persianNumerals(text: string): string {
  return toPersianDigits(text.replace(/(\d)\.(\d)/g, '$1\u066B$2'));
}
