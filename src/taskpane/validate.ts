/**
 * Checks the pane makes before anything runs: the column mapping and the option fields. Whether
 * any row is usable is the engine's to say (InputError); the shape of the source block is checked where it is read
 * (src/excel/read.ts). Pure: each returns a message (key + params for `t`) or undefined when all is well.
 */
import type { ColumnMapping, ColumnRole, InputKind } from '../engine';
import { gregorianToDayNumber, isValidGregorianDate } from '../engine';
import { BINS_LIMIT, parseDecimalOption, withinLimit } from '../engine';
import type { Lang } from '../i18n';
import { jalaliToDayNumber } from '../engine';

/** A message for the user: an i18n key and its placeholders. */
export interface PaneMessage {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Checks a mapping. Transactions: customer and date, and an amount or both quantity and unit
 * price. Customer-level input: customer, number of orders, revenue, and recency days or the last
 * purchase. No column may play two roles.
 * @param mapping role → column index
 * @param header the header names, for the message
 * @param roleName the display name of a role in the pane's language
 * @param kind the input kind (default transactions)
 * @returns the problem, or undefined
 */
export function checkMapping(mapping: ColumnMapping, header: string[], roleName: (role: ColumnRole) => string, kind: InputKind = 'transactions'): PaneMessage | undefined {
  const missing = (role: ColumnRole): PaneMessage => ({ key: 'pane.error.missingRole', params: { role: roleName(role) } });
  const required: ColumnRole[] = kind === 'customers' ? ['customer', 'frequency', 'monetary'] : ['customer', 'date'];
  for (const role of required) if (mapping[role] === undefined) return missing(role);
  if (kind === 'customers' && mapping.recencyDays === undefined && mapping.lastPurchase === undefined) return missing('recencyDays');
  if (kind === 'transactions' && mapping.amount === undefined && (mapping.quantity === undefined || mapping.price === undefined)) return missing('amount');
  const seen = new Set<number>();
  for (const index of Object.values(mapping)) {
    if (index === undefined) continue;
    if (seen.has(index)) return { key: 'pane.error.sameColumn', params: { column: header[index] ?? String(index + 1) } };
    seen.add(index);
  }
  return undefined;
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits → Latin, so either can be typed. */
function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Years below this typed in the Persian pane are Jalali (1403); from it on, Gregorian (2024). */
const FIRST_GREGORIAN_YEAR = 1700;

/**
 * Parses a typed analysis date to a day number (days since 1970-01-01).
 * English: the date picker's `YYYY-MM-DD`. Persian: a Jalali `YYYY/MM/DD` (۱۴۰۳/۰۱/۱۵, Persian or
 * Latin digits, `/` or `-`); a year from 1700 on is read as Gregorian.
 * @param text the field's text (trimmed here)
 * @param lang the pane's language
 * @returns the day number, or undefined when the text is not a date that exists
 */
export function parseAnalysisDate(text: string, lang: Lang = 'en'): number | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(latinDigits(text.trim()));
  if (!match || (lang === 'en' && !/^\d{4}-\d{2}-\d{2}$/.test(text.trim()))) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (lang === 'fa' && year < FIRST_GREGORIAN_YEAR) return jalaliToDayNumber(year, month, day);
  return isValidGregorianDate(year, month, day) ? gregorianToDayNumber(year, month, day) : undefined;
}

/**
 * Parses the pane's option fields.
 * @param binsText the bins input's text
 * @param dateText the analysis date field's text (see parseAnalysisDate; empty for none)
 * @param lang the pane's language (Persian takes Jalali dates)
 * @returns bins and the analysis date as a day number (days since 1970-01-01), or a message
 */
export function parseOptionFields(binsText: string, dateText: string, lang: Lang = 'en'): { bins: number; analysisDate?: number } | PaneMessage {
  const bins = parseDecimalOption(latinDigits(binsText));
  if (bins === undefined || !withinLimit(BINS_LIMIT, bins)) return { key: 'pane.error.bins', params: { min: BINS_LIMIT.min, max: BINS_LIMIT.max } };
  if (dateText.trim() === '') return { bins };
  const analysisDate = parseAnalysisDate(dateText, lang);
  if (analysisDate === undefined) return { key: lang === 'fa' ? 'pane.error.dateJalali' : 'pane.error.date' };
  return { bins, analysisDate };
}
