/**
 * The whole-table route of `rfm analyze`, run inside a test: the file read into one table
 * (readInputTable), analysed by analyze(), then share of wallet and the campaign lists from the
 * table, and the JSON document. It is what main.ts does for .xlsx and Parquet input, and what it
 * did for every text file run with --compare-to, --cohorts, --lists or --wallet before those
 * streamed; tests compare the streamed route's output with it.
 */
import * as path from 'path';
import { analyze } from '../../src/engine';
import { parseCommandLine } from '../../src/cli/args';
import { applyWallet, writeCampaignLists } from '../../src/cli/campaignOutputs';
import { resolveColumns } from '../../src/cli/columnArgs';
import { extraColumnsOfTable } from '../../src/cli/extraColumns';
import { analysisJson } from '../../src/cli/jsonOutput';
import { toolVersion } from '../../src/cli/main';
import { readInputTable } from '../../src/cli/readers';

/**
 * Runs `rfm analyze ARGS` through one whole table: writes the lists (when `--lists DIR` is given)
 * and returns the text `--out x.json` would hold. `--out` itself is ignored.
 * @param argv the arguments after `rfm`, starting with `analyze`
 * @returns the JSON text
 */
export async function wholeTableJson(...argv: string[]): Promise<string> {
  const command = parseCommandLine(argv);
  if (command.kind !== 'analyze') throw new Error('wholeTableJson runs `analyze` only');
  const table = await readInputTable(command.file, command.read);
  const options = { ...command.options, columns: resolveColumns(table.header, command.columns) };
  const analysis = analyze(table, options);
  const { wallet, contacts } = extraColumnsOfTable(table, analysis.settings.columns, command);
  applyWallet(analysis, wallet);
  if (contacts) await writeCampaignLists(analysis, contacts, command);
  return analysisJson(analysis, { version: toolVersion(), inputName: path.basename(command.file), options });
}
