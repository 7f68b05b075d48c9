/**
 * What `rfm analyze` adds from the input's other columns: share of wallet (a wallet column) and
 * the campaign lists (`--lists DIR`: one CSV per segment and per churn status, with the contact
 * columns of the input). Formula-looking text is neutralised as in every CSV we write.
 */
import * as fs from 'fs';
import * as path from 'path';
import { contactColumns, contactsByCustomer } from '../engine';
import { addShareOfWallet, walletByCustomer, walletColumn } from '../engine';
import { InputError, type Analysis, type InputTable } from '../engine';
import type { PlanValue } from '../report/plan';
import { campaignList, listColumnDecimals, listGroups, listSlug, type CampaignContacts } from '../report/campaignList';
import { csvField, type CsvTextOptions } from './csvOutput';
import { formatFixed, formatNumber } from './format';
import { writeAtomically } from './atomicWrite';
import { UsageError } from './optionValues';
import type { AnalyzeCommand } from './args';

/** The column index the analysis used for customers. */
function customerColumn(analysis: Analysis): number | undefined {
  return analysis.settings.columns.find((c) => c.role === 'customer')?.index;
}

/** The analysis' data columns: never contacts or wallet. */
function usedColumns(analysis: Analysis): Set<number> {
  return new Set(analysis.settings.columns.map((c) => c.index));
}

/**
 * Adds share of wallet when the input has a wallet column (named by `--wallet` or found by header).
 * @returns a note line for stderr, or undefined when there is no wallet column
 * @throws UsageError when `--wallet` names no column
 */
export function applyWallet(analysis: Analysis, table: InputTable, named: string | undefined): string | undefined {
  const customer = customerColumn(analysis);
  let index: number | undefined;
  try {
    index = walletColumn(table.header.map(String), named);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (index === undefined || customer === undefined || usedColumns(analysis).has(index)) return undefined;
  const summary = addShareOfWallet(analysis, walletByCustomer(table, customer, index));
  if (!summary) return `the wallet column '${table.header[index]}' has no positive number: share of wallet left empty`;
  return `share of wallet: ${(summary.share * 100).toFixed(1)}% of the category spend of ${summary.customers} customers with a wallet ('${table.header[index]}')`;
}

/**
 * One value as a CSV field: numbers with the column's decimals (money at the currency's precision,
 * days and orders whole) in Latin digits as in every data file we write, text neutralised as
 * --csv-raw says.
 */
function field(value: PlanValue, decimals: number | null, options: CsvTextOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return decimals === null ? formatNumber(value) : formatFixed(value, decimals);
  return csvField(String(value), options);
}

/**
 * Writes the campaign lists into a folder (created when missing): `segment-<name>.csv` per
 * segment with customers and `status-<status>.csv` per churn status.
 * @returns stderr lines: what was written, and mobile numbers that could not be read
 * @throws UsageError when `--contact` names no column; InputError when the folder cannot be written
 */
export async function writeCampaignLists(analysis: Analysis, table: InputTable, command: Pick<AnalyzeCommand, 'lists' | 'contacts' | 'lang' | 'csvRaw'>): Promise<string[]> {
  const dir = command.lists as string;
  const customer = customerColumn(analysis);
  if (customer === undefined) throw new UsageError('--lists needs transaction or customer input with a customer column');
  let columns;
  try {
    columns = contactColumns(table.header.map(String), usedColumns(analysis), command.contacts);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const contacts: CampaignContacts = { columns, byCustomer: contactsByCustomer(table, customer, columns) };
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new InputError(`--lists: ${dir} is a file, not a folder`);
  fs.mkdirSync(dir, { recursive: true });
  const options: CsvTextOptions = { raw: command.csvRaw };
  const invalid = new Map<string, string>();
  const groups = listGroups(analysis);
  for (const group of groups) {
    const list = campaignList(analysis, contacts, group, command.lang);
    for (const m of list.invalidMobiles) invalid.set(m.customer, m.value);
    const decimals = listColumnDecimals(list, analysis.currency);
    const text = [list.header, ...list.rows].map((row) => row.map((v, j) => field(v, decimals[j] ?? null, options)).join(',')).join('\n') + '\n';
    await writeAtomically(path.join(dir, `${listSlug(group)}.csv`), (tmp) => fs.writeFileSync(tmp, text));
  }
  const lines = [`wrote ${groups.length} campaign lists to ${dir} (contact columns: ${columns.length ? columns.map((c) => c.header).join(', ') : 'none found; name them with --contact'})`];
  if (invalid.size > 0) {
    const examples = [...invalid].slice(0, 3).map(([id, value]) => `${id}: ${value}`).join('; ');
    lines.push(`${invalid.size} mobile numbers are not valid Iranian or international numbers and were kept as written (${examples})`);
  }
  return lines;
}
