/**
 * "Check this Excel": short probes of the documented behaviour the add-in relies on, run in a scratch
 * sheet of the user's real Excel (deleted afterwards), so that what real Excel does reaches us in a
 * bug report. The simulator (src/simulator) implements the same rules; where the two differ, this
 * report says which is right. Each probe catches its own failure: one refusal never hides the others.
 *
 * Probes: requirement sets; text that Excel would interpret, written plainly into Text-formatted cells
 * (cellValues.ts) and read back; what a leading apostrophe does through `Range.values` (undocumented,
 * so only reported); a table created from a Range, renamed, resized (ExcelApi 1.13), grown by writing
 * beside it, and deleted; the hidden defined-name marker our sheets are found by (markers.ts) and the
 * markers this workbook holds; the Jalali date format as displayed text.
 */
import { DATE_FORMAT_FA } from '../report/formats';
import { rectAddress } from './a1';
import { needsTextFormat } from './cellValues';
import { type ExcelHost, supportsExcelApi } from './host';
import { MARKER_PREFIX, existingMarkers, resolveMarkers } from './markers';
import { uniqueSheetName } from './sheets';

/** One probe's outcome: ok, differs from what we expect (with what Excel did), skipped, or failed. */
export interface ProbeResult {
  probe: string;
  status: 'ok' | 'differs' | 'skipped' | 'failed';
  detail: string;
}

/** Where the add-in runs (Office.context.diagnostics: host, platform, version). */
export interface Environment {
  host?: string;
  platform?: string;
  version?: string;
}

/** Text the probes write, with what must read back. */
export const PROBE_TEXTS = ['=1+1', '+1', '-2', '@SUM(A1)', '00123', '1/2', 'TRUE', '#N/A', 'Champions'];
/** 2023-03-15, which is 24 Esfand 1401 in the Persian calendar. */
export const PROBE_DATE_SERIAL = 45000;
export const PROBE_DATE_JALALI = '۱۴۰۱/۱۲/۲۴';

const SETS: [string, string[]][] = [
  ['ExcelApi', Array.from({ length: 20 }, (_, i) => `1.${i + 1}`)],
  ['SharedRuntime', ['1.1', '1.2']],
  ['CustomFunctionsRuntime', ['1.1', '1.2', '1.3', '1.4', '1.5']],
  ['RibbonApi', ['1.1', '1.2']],
  ['DialogApi', ['1.1', '1.2']],
];

/** The highest supported version of each requirement set we use, or "none". */
export function requirementSets(host: ExcelHost): string {
  return SETS.map(([name, versions]) => {
    const top = versions.filter((v) => host.isSetSupported(name, v)).pop();
    return `${name} ${top ?? 'none'}`;
  }).join(', ');
}

type Probe = (context: Excel.RequestContext, sheet: Excel.Worksheet, host: ExcelHost) => Promise<Omit<ProbeResult, 'probe'>>;

/** Text that Excel would interpret, written with the Text format first, must read back as written. */
const textRoundTrip: Probe = async (context, sheet) => {
  const range = sheet.getRange(rectAddress({ row: 0, column: 0, rows: 1, columns: PROBE_TEXTS.length }));
  range.numberFormat = [PROBE_TEXTS.map((s) => (needsTextFormat(s) ? '@' : null))] as string[][];
  range.values = [PROBE_TEXTS];
  range.load('values,valueTypes');
  await context.sync();
  const back = range.values[0];
  const types = range.valueTypes[0];
  const wrong = PROBE_TEXTS.flatMap((s, i) => (back[i] === s && types[i] === 'String' ? [] : [`${s} → ${JSON.stringify(back[i])} (${types[i]})`]));
  return wrong.length === 0 ? { status: 'ok', detail: `${PROBE_TEXTS.length} texts read back as written` } : { status: 'differs', detail: `changed: ${wrong.join('; ')}` };
};

/** What a leading apostrophe does through Range.values (not documented: reported, not relied on). */
const apostrophe: Probe = async (context, sheet) => {
  const range = sheet.getRange('A3');
  range.values = [["'=1+1"]];
  range.load('values,formulas');
  await context.sync();
  return { status: 'ok', detail: `"'=1+1" reads back as values ${JSON.stringify(range.values[0][0])}, formulas ${JSON.stringify(range.formulas[0][0])}` };
};

/** A table from a Range object: rename, grow by writing beside it, resize back, delete. */
const tableLife: Probe = async (context, sheet, host) => {
  sheet.getRange('A10:B12').values = [['k', 'v'], ['a', 1], ['b', 2]];
  const table = sheet.tables.add(sheet.getRange('A10:B12'), true);
  const name = `rfm_check_${Date.now() % 1_000_000}`;
  table.name = name;
  await context.sync();
  sheet.getRange('C10:C12').values = [['beside'], [3], [4]];
  const grown = table.getRange();
  grown.load('address');
  await context.sync();
  let resized = 'resize skipped (needs ExcelApi 1.13)';
  if (supportsExcelApi(host, 13)) {
    table.resize(sheet.getRange('A10:B12'));
    const back = table.getRange();
    back.load('address');
    await context.sync();
    resized = `resized to ${back.address}`;
  }
  table.delete();
  await context.sync();
  return { status: 'ok', detail: `created and renamed ${name}; after writing C10:C12 beside it: ${grown.address}; ${resized}; deleted` };
};

/** The hidden-name marker: add on the scratch sheet, find it again, delete; list this workbook's markers. */
const marker: Probe = async (context, sheet) => {
  const name = `${MARKER_PREFIX}check`;
  const item = context.workbook.names.add(name, sheet.getRange('B2'));
  item.visible = false;
  sheet.load('name');
  await context.sync();
  const found = (await resolveMarkers(context, [name])).get(name);
  context.workbook.names.getItem(name).delete();
  await context.sync();
  const ours = (await existingMarkers(context)).filter((n) => n !== name);
  const where = await resolveMarkers(context, ours);
  const list = ours.map((n) => `${n} → ${where.get(n)?.sheetName ?? '#REF!'}`).join(', ') || 'none';
  const ok = found?.sheetName === sheet.name && found.row === 1 && found.column === 1;
  return { status: ok ? 'ok' : 'differs', detail: `hidden name found ${found ? `at ${found.sheetName} row ${found.row + 1}, column ${found.column + 1}` : 'nowhere'}; this workbook's markers: ${list}` };
};

/** The Persian-calendar date format, as Excel displays it. */
const jalali: Probe = async (context, sheet) => {
  const cell = sheet.getRange('A5');
  cell.values = [[PROBE_DATE_SERIAL]];
  cell.numberFormat = [[DATE_FORMAT_FA]];
  cell.load('text');
  await context.sync();
  const shown = cell.text[0][0];
  return { status: shown === PROBE_DATE_JALALI ? 'ok' : 'differs', detail: `2023-03-15 in ${DATE_FORMAT_FA} shows "${shown}" (expected "${PROBE_DATE_JALALI}")` };
};

const PROBES: [string, Probe][] = [
  ['text round trip', textRoundTrip],
  ['leading apostrophe', apostrophe],
  ['table create, rename, grow, resize, delete', tableLife],
  ['sheet marker (hidden defined name)', marker],
  ['Jalali date format', jalali],
];

function failure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `${e?.code ?? 'Error'}: ${e?.message ?? String(error)}`;
}

/**
 * Runs every probe in a new scratch sheet, which is deleted afterwards.
 * @param host the Excel host
 * @param environment host, platform and version from Office.context.diagnostics
 * @returns one result per probe, environment and requirement sets first
 */
export async function checkExcel(host: ExcelHost, environment: Environment): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [
    { probe: 'Excel', status: 'ok', detail: [environment.host, environment.platform, environment.version].filter(Boolean).join(', ') || 'unknown' },
    { probe: 'requirement sets', status: 'ok', detail: requirementSets(host) },
  ];
  let scratchId: string | undefined;
  try {
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const sheet = sheets.add(uniqueSheetName('rfm-check', sheets.items.map((s) => s.name)));
      sheet.load('id');
      await context.sync();
      scratchId = sheet.id;
      for (const [probe, run] of PROBES) {
        try {
          results.push({ probe, ...(await run(context, sheet, host)) });
        } catch (error) {
          results.push({ probe, status: 'failed', detail: failure(error) });
        }
      }
    });
  } catch (error) {
    results.push({ probe: 'scratch sheet', status: 'failed', detail: failure(error) });
  } finally {
    if (scratchId) await removeSheet(host, scratchId, results);
  }
  return results;
}

async function removeSheet(host: ExcelHost, id: string, results: ProbeResult[]): Promise<void> {
  try {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(id).delete();
      await context.sync();
    });
  } catch (error) {
    results.push({ probe: 'scratch sheet removed', status: 'failed', detail: failure(error) });
  }
}

const MARKS: Record<ProbeResult['status'], string> = { ok: '✓', differs: '≠', skipped: '·', failed: '✗' };

/** The report as plain text, one line per probe, for the user to copy into a bug report. */
export function reportText(results: readonly ProbeResult[]): string {
  return results.map((r) => `${MARKS[r.status]} ${r.probe}: ${r.detail}`).join('\n');
}
