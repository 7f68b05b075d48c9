/**
 * A read-only view of the simulated workbook for the preview page: sheet tabs and the first rows
 * of the active sheet as an HTML table (textContent only), each cell shown as its number format
 * says (cellFormat.ts: separators, decimals, dates, Persian digits and Jalali dates). The table
 * sits in its own scrolling box (`.preview-grid`, preview.css) below the tabs, so a sheet wider
 * than the viewer (the Customers sheet at 320 px) scrolls sideways inside it, in the sheet's own
 * direction, while the page does not.
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
  const grid = document.createElement('div');
  grid.className = 'preview-grid';
  grid.dataset.sheet = active?.name ?? '';
  grid.append(table);
  const used = active?.usedRect(true);
  if (active && used) {
    // The box takes the sheet's direction too: a right-to-left sheet starts at its column A, on the right.
    grid.dir = active.name && /[\u0600-\u06FF]/.test(active.name) ? 'rtl' : 'ltr';
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
  const parts: Node[] = [tabs, grid];
  if (used && used.row + used.rows > MAX_ROWS) {
    const more = document.createElement('div');
    more.className = 'more';
    more.textContent = t(lang, 'pane.preview.moreRows', { count: formatNumber(lang, used.row + used.rows - MAX_ROWS) });
    parts.push(more);
  }
  const kept = scrollOf(container, grid.dataset.sheet ?? '');
  container.replaceChildren(...parts);
  if (kept) {
    grid.scrollTop = kept.top;
    grid.scrollLeft = kept.left;
  }
}

/**
 * Where the viewer's box was scrolled, when it shows the same sheet: a redraw (after each sync of
 * the simulator) keeps the visitor's place.
 * @param container the viewer element
 * @param sheet the sheet about to be drawn
 */
function scrollOf(container: HTMLElement, sheet: string): { top: number; left: number } | undefined {
  const previous = container.querySelector<HTMLElement>('.preview-grid');
  if (!previous || previous.dataset.sheet !== sheet) return undefined;
  return { top: previous.scrollTop, left: previous.scrollLeft };
}
