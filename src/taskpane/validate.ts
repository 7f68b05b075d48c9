/**
 * Checks the pane makes before anything runs: the column mapping and the option fields. Whether
 * any row is usable is the engine's to say (InputError); the shape of the source block is checked where it is read
 * (src/excel/read.ts). Pure: each returns a message (key + params for `t`) or undefined when all is well.
 */
import type { ColumnMapping, ColumnRole, InputKind } from '../engine/types';

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

/**
 * Parses the pane's option fields.
 * @param binsText the bins input's text
 * @param dateText the analysis date input's value (`YYYY-MM-DD` or empty)
 * @returns bins and the analysis date as a day number (days since 1970-01-01), or a message
 */
export function parseOptionFields(binsText: string, dateText: string): { bins: number; analysisDate?: number } | PaneMessage {
  const bins = Number(binsText);
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) return { key: 'pane.error.bins' };
  if (dateText.trim() === '') return { bins };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText.trim());
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(match[3])) return { key: 'pane.error.date' };
  return { bins, analysisDate: ms / 86_400_000 };
}
