/**
 * The preview ribbon's "Open a CSV or .xlsx": the visitor's own file becomes a sheet of the
 * simulated workbook, selected, and the real pane reads it ("Read the data"), so its columns show
 * and Analyze runs on it. Nothing leaves the browser.
 */
import { t, type Lang } from '../i18n';
import { columnLetter } from '../engine';
import type { SimulatedExcel } from '../simulator';
import { formatNumber } from '../taskpane/lang';
import { localText } from '../taskpane/messages';
import { readVisitorFile, tableCells } from './openFile';

/** Characters Excel does not allow in sheet names, and its 31-character limit. */
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/**
 * The sheet name for an opened file: its name without the extension, cleaned for Excel.
 * @param fileName the file's name
 * @returns a valid sheet name ('Data' when nothing is left)
 */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').replace(SHEET_NAME_BAD, ' ').replace(/^'+|'+$/g, '').trim().slice(0, SHEET_NAME_MAX).trim();
  return base === '' ? 'Data' : base;
}

/**
 * Puts a file's table on a sheet of its own (replacing one of that name) and selects it.
 * @param sim the simulated Excel
 * @param fileName the file's name
 * @param bytes its bytes
 * @returns the sheet name and the number of data rows
 */
export async function openIntoWorkbook(sim: SimulatedExcel, fileName: string, bytes: Uint8Array): Promise<{ sheet: string; rows: number }> {
  const table = await readVisitorFile(fileName, bytes);
  const { values, formats } = tableCells(table);
  const sheet = sheetNameFor(fileName);
  const existing = sim.state.workbook.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (existing) sim.state.workbook.deleteSheet(existing);
  sim.addSheet(sheet, values, formats);
  sim.select(sheet, `A1:${columnLetter(values[0].length - 1)}${values.length}`);
  sim.state.workbook.activeSheet = sim.sheet(sheet);
  return { sheet, rows: table.rows.length };
}

/**
 * The ribbon button and its hidden file input.
 * @param sim the simulated Excel
 * @param lang the page's language
 * @param button makes a ribbon button (label, icon, handler, id)
 * @param say shows a line in the ribbon (an error when `error`)
 * @returns the nodes to add to the ribbon
 */
export function openFileControls(sim: SimulatedExcel, lang: Lang, button: (label: string, icon: string, onClick: () => void, id: string) => HTMLButtonElement, say: (text: string, error: boolean) => void): HTMLElement[] {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'open-file';
  input.accept = '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  input.hidden = true;
  input.setAttribute('aria-label', t(lang, 'pane.preview.open'));
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void file.arrayBuffer()
      .then((data) => openIntoWorkbook(sim, file.name, new Uint8Array(data)))
      .then(({ sheet, rows }) => {
        say(t(lang, 'pane.preview.opened', { file: file.name, rows: formatNumber(lang, rows), sheet }), false);
        document.querySelector<HTMLInputElement>('input[name="source"][value="selection"]')?.click();
        document.getElementById('check')?.click();
      })
      .catch((error: unknown) => say(t(lang, 'pane.preview.openFailed', { file: file.name, message: localText(error)(lang) }), true));
  });
  return [button(t(lang, 'pane.preview.open'), 'logo', () => input.click(), 'ribbon-open'), input];
}
