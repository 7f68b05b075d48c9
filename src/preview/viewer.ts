/**
 * A read-only view of the simulated workbook for the preview page: sheet tabs and the first rows
 * of the active sheet as an HTML table (textContent only), each cell shown as its number format
 * says (cellFormat.ts: separators, decimals, dates, Persian digits and Jalali dates).
 */
import { columnLetter } from '../engine';
import { t, type Lang } from '../i18n';
import type { SimulatedExcel } from '../simulator';
import { formatNumber } from '../taskpane/lang';
import { formatCellText } from './cellFormat';

const MAX_ROWS = 200;
const MAX_COLUMNS = 30;


/**
 * Draws the sheet tabs and the active sheet.
 * @param container the viewer element
 * @param sim the simulated Excel
 * @param lang the page's language (for the viewer's own words)
 */
export function renderSheetViewer(container: HTMLElement, sim: SimulatedExcel, lang: Lang = 'en'): void {
  const workbook = sim.state.workbook;
  const active = workbook.activeSheet ?? workbook.sheets[0];
  const tabs = document.createElement('nav');
  tabs.setAttribute('role', 'tablist');
  for (const sheet of workbook.sheets) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(sheet === active));
    tab.textContent = sheet.name;
    tab.addEventListener('click', () => {
      workbook.activeSheet = sheet;
      renderSheetViewer(container, sim, lang);
    });
    tabs.append(tab);
  }
  const table = document.createElement('table');
  const used = active?.usedRect(true);
  if (active && used) {
    table.dir = active.name && /[\u0600-\u06FF]/.test(active.name) ? 'rtl' : 'ltr';
    const rows = Math.min(used.row + used.rows, MAX_ROWS);
    const columns = Math.min(used.column + used.columns, MAX_COLUMNS);
    const head = document.createElement('tr');
    head.append(document.createElement('th'));
    for (let c = 0; c < columns; c++) {
      const th = document.createElement('th');
      th.textContent = columnLetter(c);
      head.append(th);
    }
    table.append(head);
    for (let r = 0; r < rows; r++) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = String(r + 1);
      tr.append(th);
      for (let c = 0; c < columns; c++) {
        const td = document.createElement('td');
        const value = active.value(r, c);
        td.textContent = formatCellText(value, active.format(r, c));
        if (typeof value === 'number') td.className = 'n';
        tr.append(td);
      }
      table.append(tr);
    }
  }
  const parts: Node[] = [tabs, table];
  if (used && used.row + used.rows > MAX_ROWS) {
    const more = document.createElement('div');
    more.className = 'more';
    more.textContent = t(lang, 'pane.preview.moreRows', { count: formatNumber(lang, used.row + used.rows - MAX_ROWS) });
    parts.push(more);
  }
  container.replaceChildren(...parts);
}
