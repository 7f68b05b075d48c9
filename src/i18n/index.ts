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

/** Persian digits ۰–۹ start at U+06F0; the Persian decimal separator is U+066B. */
const PERSIAN_ZERO = 0x06f0;
const PERSIAN_DECIMAL = '\u066b';

/**
 * A number placeholder as the language writes it: in Persian, Persian digits and decimal separator
 * (no grouping: a year or an id stays one word; counts come formatted by the caller).
 * @param lang the language
 * @param value the number
 * @example numberText('fa', 0.001) === '۰٫۰۰۱'
 */
export function numberText(lang: Lang, value: number): string {
  const text = String(value);
  return lang === 'fa' ? persianDigits(text, true) : text;
}

/** The ten Persian digits, by value. */
const PERSIAN_DIGITS = Array.from({ length: 10 }, (_, d) => String.fromCharCode(PERSIAN_ZERO + d));

/**
 * Latin digits (and, when asked, `.`) replaced by Persian ones in one pass over the char codes:
 * per-customer notes of a full sheet go through here tens of thousands of times, where a
 * replace with a callback per character cost 85 ms a Persian workbook plan.
 * @param text the text
 * @param decimal whether `.` becomes the Persian decimal separator
 */
function persianDigits(text: string, decimal: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!digit && !(decimal && c === 46)) continue;
    out += text.slice(from, i) + (digit ? PERSIAN_DIGITS[c - 48] : PERSIAN_DECIMAL);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Text with its Latin digits in the language's digits (labels such as `7+` or `1404/01/15`).
 * @param lang the language
 * @param text the text
 * @example localDigits('fa', '7+') === '۷+'
 */
export function localDigits(lang: Lang, text: string): string {
  return lang === 'fa' ? persianDigits(text, false) : text;
}

/**
 * Looks up a string and fills `{name}` placeholders; number values are written in the language's
 * digits (numberText), so a Persian sentence never carries Latin digits.
 * @param lang the language
 * @param key the string key, e.g. `sheet.customers`
 * @param params values for placeholders
 * @returns the text; the key itself when missing (a test keeps that from happening)
 */
export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  if (!params) return STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  const parts = partsOf(lang, key);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (name in params) {
      const value = params[name];
      out += typeof value === 'number' ? numberText(lang, value) : String(value);
    } else {
      out += `{${name}}`;
    }
    out += parts[i + 1];
  }
  return out;
}

/** A key's text in the language (English, else the key itself) split at its placeholders (templateParts). */
function partsOf(lang: Lang, key: string): string[] {
  const known = STRINGS[lang][key] ?? STRINGS.en[key];
  return known === undefined ? key.split(PLACEHOLDER) : templateParts(known);
}

/** A `{name}` placeholder; the capture makes String.split keep the name. */
const PLACEHOLDER = /\{(\w+)\}/;

/** Split templates of the tables (bounded by their size): per-customer notes call t 50,000 times. */
const TEMPLATES = new Map<string, string[]>();

/**
 * A table's text split at its `{name}` placeholders: literal, name, literal, …, literal (odd
 * indexes are names), in the order `text.replace(/\{(\w+)\}/g, …)` visits them.
 * @param text a text of STRINGS
 * @returns the parts (one part when the text has no placeholder)
 */
function templateParts(text: string): string[] {
  let parts = TEMPLATES.get(text);
  if (!parts) {
    parts = text.split(PLACEHOLDER);
    TEMPLATES.set(text, parts);
  }
  return parts;
}

/** Placeholder values of a message. */
export type MessageParams = Record<string, string | number>;

/**
 * A user-facing message that can be shown in any language: a string key with its placeholder
 * values, and the English text for logs, the CLI and callers that do not translate.
 * (InputError carries `key`/`params` beside its `message`; notes carry `text`.)
 */
export interface Message {
  key?: string;
  params?: MessageParams;
  message?: string;
  text?: string;
}

/** Deepest chain of `…Key` parameters resolved (a detail whose reason is itself a key). */
const MAX_NESTING = 3;

/**
 * A count with the language's digits and thousands separators.
 * @param lang the language
 * @param value the count
 * @returns the text
 * @example groupedCount('fa', 2199) === '۲٬۱۹۹'
 */
function groupedCount(lang: Lang, value: number): string {
  return countFormat(lang).format(value);
}

/** One formatter per language: making an Intl.NumberFormat costs far more than using one. */
const countFormats = new Map<Lang, Intl.NumberFormat>();

function countFormat(lang: Lang): Intl.NumberFormat {
  let format = countFormats.get(lang);
  if (!format) countFormats.set(lang, (format = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 0 })));
  return format;
}

/**
 * Fills placeholders whose values are themselves strings of the table, so that a message never
 * carries English words inside: a parameter `fooKey: 'some.key'` fills `{foo}` with that string
 * in the language (using the same parameters, so nesting works), and `fooKeys: 'a.key,b.key'`
 * fills `{foo}` with those strings joined by the language's list separator. A number parameter
 * named `…Count` is a count of things and gets the language's thousands separators (`2,199`,
 * `۲٬۱۹۹`), as the report's own counts do. Other parameters are used as they are.
 * @param lang the language
 * @param params the message's parameters
 * @returns parameters ready for `t`
 */
export function localParams(lang: Lang, params: MessageParams): MessageParams {
  const out: MessageParams = { ...params };
  let refs: string[] | undefined;
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'number') {
      if (name.endsWith('Count')) out[name] = groupedCount(lang, value);
    } else if (typeof value === 'string' && REF_NAME.test(name)) {
      (refs ??= []).push(name);
    }
  }
  if (!refs) return out;
  // Later passes only matter when a referenced string fills a placeholder with another one's text.
  const targets = refs.map(refTarget);
  const passes = refs.some((name) => mentionsTarget(lang, String(params[name]), targets)) ? MAX_NESTING : 1;
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (let k = 0; k < refs.length; k++) {
      const name = refs[k];
      const value = String(params[name]);
      const target = targets[k];
      const text = name.endsWith('Keys')
        ? value.split(',').filter((k) => k !== '').map((k) => t(lang, k, out)).join(t(lang, 'list.separator'))
        : t(lang, value, out);
      if (out[target] !== text) changed = true;
      out[target] = text;
    }
    // A pass that changed nothing leaves `out` as it found it, so every later pass would too.
    if (!changed) break;
  }
  return out;
}

/** A parameter naming a string (`fooKey`) or strings (`fooKeys`) of the table. */
const REF_NAME = /[a-z]Keys?$/;

/** The placeholder a `fooKey` / `fooKeys` parameter fills: `foo`. */
function refTarget(name: string): string {
  return name.endsWith('Keys') ? name.slice(0, -4) : name.slice(0, -3);
}

/** Whether any string `value` names (one key, or keys joined by commas) has a placeholder a reference fills. */
function mentionsTarget(lang: Lang, value: string, targets: readonly string[]): boolean {
  for (const key of value.includes(',') ? value.split(',') : [value]) {
    const parts = partsOf(lang, key);
    for (let i = 1; i < parts.length; i += 2) if (targets.includes(parts[i])) return true;
  }
  return false;
}

/**
 * A message's text in one language, with `…Key` parameters translated too (see localParams).
 * @param lang the language
 * @param key the string key
 * @param params placeholder values
 * @returns the text
 * @example messageText('en', 'engine.error.bins', { min: 2, max: 10, value: 11 })
 */
export function messageText(lang: Lang, key: string, params?: MessageParams): string {
  return t(lang, key, params ? localParams(lang, params) : undefined);
}

/**
 * What a host shows for an error or note: its keyed text in the language when it has a key the
 * tables know, else its English text as it is.
 * @param m an InputError (key, params, message) or a note (key, params, text)
 * @param lang the language
 * @returns the text to show
 * @example messageIn(new InputError('…', 'engine.error.emptyInput'), 'fa')
 */
export function messageIn(m: Message, lang: Lang): string {
  if (m.key && (m.key in STRINGS[lang] || m.key in STRINGS.en)) return messageText(lang, m.key, m.params);
  return m.message ?? m.text ?? '';
}
