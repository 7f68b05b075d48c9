/**
 * The pane's "Lists" choice: which campaign lists an analysis has (every segment with customers,
 * then each churn status), the contact columns of the source table (engine/contacts.ts: email,
 * mobile, phone and name columns found by their English or Persian header) and the sheet of the
 * chosen list (report/campaignList.ts: the same rows as `rfm analyze --lists`).
 */
import { t, type Lang } from '../i18n';
import { contactColumns, contactsByCustomer, type Analysis, type DetectedColumn, type InputTable } from '../engine';
import { campaignList, campaignListSheet, groupLabel, listGroups, type CampaignContacts, type ListGroup } from '../report/campaignList';
import { moneyStyleOf } from '../report/formats';
import type { SheetPlan } from '../report/plan';

/** No contact columns (a list from a Refresh, whose table the pane did not read). */
export const NO_CONTACTS: CampaignContacts = { columns: [], byCustomer: new Map() };

/**
 * The value of a group in the list picker: `segment:<name>` or `status:<churn status>`.
 * @param group the group
 */
export function listValue(group: ListGroup): string {
  return 'segment' in group ? `segment:${group.segment}` : `status:${group.churnStatus}`;
}

/**
 * The picker's choices: value and label in the language, segments first (rule order), then statuses.
 * @param analysis the shown analysis
 * @param lang the pane's language
 */
export function listChoices(analysis: Analysis, lang: Lang): { value: string; label: string }[] {
  return listGroups(analysis).map((group) => ({
    value: listValue(group),
    label: 'segment' in group ? groupLabel(analysis, group, lang) : t(lang, 'pane.lists.status', { status: groupLabel(analysis, group, lang) }),
  }));
}

/**
 * The contact columns of the table the analysis reads and each customer's values.
 * O(rows × contact columns).
 * @param table the source table
 * @param dataColumns the analysis' data columns (prepareInput's, as its settings will have them):
 *   the customer column, and columns that are never contacts
 */
export function paneContacts(table: InputTable, dataColumns: readonly DetectedColumn[]): CampaignContacts {
  const customer = dataColumns.find((c) => c.role === 'customer')?.index;
  if (customer === undefined) return NO_CONTACTS;
  const columns = contactColumns(table.header.map((h) => String(h ?? '')), new Set(dataColumns.map((c) => c.index)));
  return { columns, byCustomer: contactsByCustomer(table, customer, columns) };
}

/**
 * The sheet of a chosen list, or undefined when the value names no group of the analysis.
 * @param analysis the shown analysis
 * @param contacts the contact columns and values
 * @param value the picker's value (listValue)
 * @param lang the language of the sheet
 * @returns the sheet plan, its number of customers and of mobile numbers that could not be read
 */
export function listSheetFor(analysis: Analysis, contacts: CampaignContacts, value: string, lang: Lang): { plan: SheetPlan; customers: number; invalidMobiles: number } | undefined {
  const group = listGroups(analysis).find((g) => listValue(g) === value);
  if (!group) return undefined;
  const list = campaignList(analysis, contacts, group, lang);
  const title = t(lang, 'pane.lists.sheetName', { group: groupLabel(analysis, group, lang) });
  return { plan: campaignListSheet(list, title, lang, moneyStyleOf(analysis)), customers: list.rows.length, invalidMobiles: list.invalidMobiles.length };
}
