/**
 * What `rfm analyze` adds from the input's other columns: share of wallet (a wallet column) and
 * the campaign lists (`--lists DIR`: one CSV per segment and per churn status, with the contact
 * columns of the input). Formula-looking text is neutralised as in every CSV we write.
 */
import * as fs from 'fs';
import * as path from 'path';
import { addShareOfWallet, InputError, type Analysis } from '../engine';
import type { PlanValue } from '../report/plan';
import { campaignList, listColumnDecimals, listGroups, listSlug, type CampaignContacts } from '../report/campaignList';
import { csvField, type CsvTextOptions } from './csvOutput';
import { formatFixed, formatNumber } from './format';
import { writeAtomically } from './atomicWrite';
import type { AnalyzeCommand } from './args';
import type { WalletValues } from './extraColumns';

/**
 * Adds share of wallet from the wallet column's values (cli/extraColumns.ts).
 * @param analysis the analysis (its customers gain `wallet` and `shareOfWallet`)
 * @param wallet the column's header and each customer's wallet; undefined when there is no usable column
 * @returns a note line for stderr, or undefined when there is no wallet column
 */
export function applyWallet(analysis: Analysis, wallet: WalletValues | undefined): string | undefined {
  if (!wallet) return undefined;
  const summary = addShareOfWallet(analysis, wallet.byCustomer);
  if (!summary) return `the wallet column '${wallet.header}' has no positive number: share of wallet left empty`;
  return `share of wallet: ${(summary.share * 100).toFixed(1)}% of the category spend of ${summary.customers} customers with a wallet ('${wallet.header}')`;
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
 * @param analysis the analysis
 * @param contacts the contact columns and each customer's values (cli/extraColumns.ts)
 * @param command `--lists`, `--lang` and `--csv-raw`
 * @returns stderr lines: what was written, and mobile numbers that could not be read
 * @throws InputError when the folder cannot be written
 */
export async function writeCampaignLists(analysis: Analysis, contacts: CampaignContacts, command: Pick<AnalyzeCommand, 'lists' | 'lang' | 'csvRaw'>): Promise<string[]> {
  const dir = command.lists as string;
  const columns = contacts.columns;
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
