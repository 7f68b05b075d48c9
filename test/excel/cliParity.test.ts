/**
 * Issue 3's check: the Customers sheet the add-in writes for the R package's sample orders holds
 * exactly the values of `rfm analyze` on the same file (the CLI's CSV, read back cell by cell).
 * Both run with their defaults: clusters, purchase models, CLV and churn included.
 */
import * as fs from 'fs';
import { main } from '../../src/cli/main';
import { parseDelimitedText } from '../../src/cli/textTable';
import { analyze } from '../../src/engine/analyze';
import { columnName } from '../../src/excel/a1';
import { readSelection } from '../../src/excel/read';
import { writeRun } from '../../src/excel/refresh';
import { buildWorkbookPlan } from '../../src/report/build';
import { createExcelSimulator } from '../../src/simulator';
import { requireSharedData } from '../support/sharedData';
import { simulatorHost } from '../../src/simulator/host';
import { ABBEY, RFM_ORDERS } from '../support/rfmPackage';
import { inputTable } from '../../src/excel/packedTable';

jest.setTimeout(120_000);

/** `rfm analyze FILE` to stdout, in-process: the CSV text. */
async function cliCsv(file: string): Promise<string> {
  let stdout = '';
  const code = await main(['analyze', file, '--quiet'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { isTTY: false, write: () => undefined },
  });
  expect(code).toBe(0);
  return stdout;
}

/** An Excel serial of a date-formatted cell as the CLI writes it (YYYY-MM-DD), from UTC arithmetic. */
function isoOfSerial(serial: number): string {
  return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
}

test('the Customers sheet equals the CSV of rfm analyze on rfm_data_orders.csv', async () => {
  const file = requireSharedData('rfm-r/rfm_data_orders.csv');
  const csv = parseDelimitedText(await cliCsv(file), { header: true });

  // The add-in's path: the file's rows pasted into a sheet, selected, analysed, written.
  const source = parseDelimitedText(fs.readFileSync(file, 'utf8'), { header: true });
  const sim = createExcelSimulator();
  sim.addSheet('Orders', [source.header, ...source.rows.map((r) => r.map((v) => (/^\d+$/.test(String(v)) ? Number(v) : String(v))))]);
  sim.select('Orders', `A1:${columnName(source.header.length - 1)}${source.rows.length + 1}`);
  const host = simulatorHost(sim);
  const read = await readSelection(host);
  const analysis = analyze(inputTable(read.data), {});
  const plan = buildWorkbookPlan(analysis, { lang: 'en' });
  const run = await writeRun(host, { plan, analysis, read, options: {}, lang: 'en', writeBack: false });
  const sheet = run.render.sheets.find((s) => s.key === 'customers')!.name;
  const customersPlan = plan.sheets.find((s) => s.key === 'customers')!;
  const table = customersPlan.blocks.find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error('no Customers table in the plan');

  const written = sim.values(sheet, `A2:${columnName(csv.header.length - 1)}${csv.rows.length + 1}`);
  expect(written).toHaveLength(RFM_ORDERS.customers);
  const dateColumns = table.columnFormats.map((f) => !!f && /y/.test(f) && /d/.test(f));
  const asCsv = written.map((row) => row.map((v, c) => {
    if (v === '' || v === null) return '';
    if (dateColumns[c] && typeof v === 'number') return isoOfSerial(v);
    return String(v);
  }));
  // Numbers compare as numbers (the CSV rounds P(alive), expected purchases and CLV to 6 places).
  const same = (a: string, b: string) => a === b || (a !== '' && b !== '' && Math.abs(Number(a) - Number(b)) <= 5e-7 * Math.max(1, Math.abs(Number(b))));
  const mismatches: string[] = [];
  csv.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (!same(asCsv[r][c], String(cell ?? ''))) mismatches.push(`row ${r + 2} ${csv.header[c]}: sheet ${asCsv[r][c]} vs CSV ${cell}`);
  }));
  expect(mismatches.slice(0, 10)).toEqual([]);
  // The R package's documented customer: Abbey O'Reilly 205 days, 6 orders, 472 → RFM 343.
  const abbey = asCsv.find((r) => r[0] === "Abbey O'Reilly")!;
  expect([abbey[4], abbey[5], abbey[6], abbey[11]]).toEqual(ABBEY.slice(1).map(String));
});
