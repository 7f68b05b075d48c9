/**
 * What the add-in saves in the workbook, as JSON in `workbook.settings` (ExcelApi 1.4;
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection). Settings travel with the
 * file, so Refresh works after the workbook is reopened, on any platform.
 *
 * - `rfm.settings`: the source (table name, or sheet id + header address), the column mapping by
 *   header name, the options, the language and whether to write scores back.
 * - `rfm.outputs`: which sheets are ours (by worksheet id) and where write-back columns are (sheets.ts).
 */
import type { AnalysisOptions, ColumnRole, DetectedColumn } from '../engine';
import type { Lang } from '../i18n';
import { ExcelInputError } from './errors';
import { type ExcelHost, assertBaseApi } from './host';

/** Key of the analysis settings. */
export const SETTINGS_KEY = 'rfm.settings';

/** Where the transactions are. */
export type SourceRef =
  | { kind: 'table'; tableName: string }
  | { kind: 'range'; sheetId: string; sheetName: string; headerAddress: string };

/** Options saved as they are (JSON); the segment rules live in the rules sheet, columns below. */
export type SavedOptions = Omit<AnalysisOptions, 'columns' | 'segmentRules'>;

/** Everything Refresh needs to run again. */
export interface SavedSettings {
  version: 1;
  source: SourceRef;
  /** Column per role, by header name (survives inserted columns). */
  columns: Partial<Record<ColumnRole, string>>;
  options: SavedOptions;
  lang: Lang;
  writeBack: boolean;
}

/**
 * Reads one JSON setting in a running batch.
 * @returns the value, or undefined when the setting does not exist
 */
export async function readSetting<T>(context: Excel.RequestContext, key: string): Promise<T | undefined> {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load('value');
  await context.sync();
  return item.isNullObject ? undefined : (item.value as T);
}

/** Queues a JSON setting (written at the next sync). */
export function queueSetting(context: Excel.RequestContext, key: string, value: unknown): void {
  context.workbook.settings.add(key, JSON.parse(JSON.stringify(value)) as string);
}

/**
 * The mapping by header name from the columns the analysis used.
 * @param columns `analysis.settings.columns`
 */
export function columnsByHeader(columns: readonly DetectedColumn[]): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const c of columns) out[c.role] = c.header;
  return out;
}

/**
 * The options to save: JSON-safe, without columns (saved by header) and rules (kept in the rules sheet).
 */
export function savableOptions(options: AnalysisOptions): SavedOptions {
  const { columns: _columns, segmentRules: _rules, ...rest } = options;
  return JSON.parse(JSON.stringify(rest)) as SavedOptions;
}

/**
 * Saves the settings of a run.
 * @param host the Excel host
 * @param settings what to save
 */
export async function saveSettings(host: ExcelHost, settings: SavedSettings): Promise<void> {
  await host.run(async (context) => {
    queueSetting(context, SETTINGS_KEY, settings);
    await context.sync();
  });
}

function checkSettings(value: unknown): SavedSettings {
  const s = value as Partial<SavedSettings> | undefined;
  const source = s?.source as Partial<SourceRef> | undefined;
  const sourceOk = source?.kind === 'table' ? typeof (source as { tableName?: unknown }).tableName === 'string'
    : source?.kind === 'range' && typeof (source as { headerAddress?: unknown }).headerAddress === 'string';
  if (!s || s.version !== 1 || !sourceOk || typeof s.columns !== 'object' || typeof s.options !== 'object') {
    throw new ExcelInputError('excel.badSettings', { detail: 'version 1 with source, columns and options expected' });
  }
  return { ...s, lang: s.lang === 'fa' ? 'fa' : 'en', writeBack: !!s.writeBack } as SavedSettings;
}

/**
 * Loads the saved settings.
 * @returns the settings, or undefined when the workbook has none
 * @throws ExcelInputError when they exist but are not ours to read
 */
export async function loadSettings(host: ExcelHost): Promise<SavedSettings | undefined> {
  assertBaseApi(host);
  const raw = await host.run((context) => readSetting<unknown>(context, SETTINGS_KEY));
  return raw === undefined ? undefined : checkSettings(raw);
}
