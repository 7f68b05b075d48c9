/**
 * The preview page: the real task pane (and the ribbon's Refresh) over the in-memory Excel
 * simulator with a sample workbook, for `npm start` where no Excel is installed and for the
 * browser tests. Loaded before the pane's scripts: it installs the simulator as `Excel` and
 * `Office` (office.js is never loaded here), draws a mock ribbon and a sheet viewer, and exposes
 * `window.rfmPreview` for tests.
 */
import { createExcelSimulator } from '../simulator';
import { t, type Lang } from '../i18n';
import { langFromDisplayLanguage } from '../taskpane/lang';
import { openFileControls } from './openButton';
import { SAMPLE_HEADER, sampleRows } from './sample';
import { renderSheetViewer } from './viewer';

type Cell = string | number | boolean;

const params = new URLSearchParams(location.search);
const displayLanguage = params.get('lang') === 'fa' ? 'fa-IR' : params.get('lang') === 'en' ? 'en-US' : navigator.language;
const sim = createExcelSimulator({ excelApiMinor: Number(params.get('excelApi') ?? 17), displayLanguage });
const globals = globalThis as unknown as Record<string, unknown>;
sim.installGlobals(globals);
// Custom functions register through CustomFunctions.associate; the preview has no calculation engine.
globals.CustomFunctions = { associate: () => undefined };

const DATE_FORMAT = 'yyyy-mm-dd';

/** Puts a block of sales on a sheet (replacing it) and selects it. */
function loadSales(header: Cell[], rows: Cell[][], sheetName = 'Sales', dateColumn = 1): void {
  if (sim.sheetNames().some((name) => name.toLowerCase() === sheetName.toLowerCase())) {
    sim.state.workbook.deleteSheet(sim.sheet(sheetName));
  }
  sim.addSheet(sheetName, [header, ...rows], [header.map(() => 'General'), ...rows.map((row) => row.map((_, c) => (c === dateColumn ? DATE_FORMAT : 'General')))]);
  sim.select(sheetName, `A1:${String.fromCharCode(64 + header.length)}${rows.length + 1}`);
}

/** Appends rows below the used range of a sheet, as a user pasting new sales would. */
function pasteRows(rows: Cell[][], sheetName = 'Sales', dateColumn = 1): void {
  const used = sim.sheet(sheetName).usedRect(true);
  const start = used ? used.row + used.rows + 1 : 1;
  sim.setCells(sheetName, `A${start}`, rows, rows.map((row) => row.map((_, c) => (c === dateColumn ? DATE_FORMAT : 'General'))));
}

/** Fills the Sales sheet with `rows` generated transactions (for the large-sheet test) and selects them. */
function generateSales(rows: number, customers = Math.max(1, Math.floor(rows / 20))): void {
  const data: Cell[][] = new Array(rows);
  for (let i = 0; i < rows; i++) data[i] = [`C${(i * 7919) % customers}`, 45292 + ((i * 104729) % 730), 5 + ((i * 31) % 200)];
  loadSales(SAMPLE_HEADER.slice(0, 3), data);
}

/** Runs a ribbon command the way Office does: resolves when the handler calls completed(). */
function runCommand(name: string): Promise<void> {
  return sim.runAction(name);
}

let extraSeed = 100;

function ribbonButton(label: string, icon: string, onClick: () => void, id: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = id;
  const image = document.createElement('img');
  image.src = `assets/${icon}-16.png`;
  image.alt = '';
  const text = document.createElement('span');
  text.textContent = label;
  button.append(image, text);
  button.addEventListener('click', onClick);
  return button;
}

/** Draws the mock ribbon and the sheet viewer beside the pane. */
function drawChrome(): void {
  const lang: Lang = langFromDisplayLanguage(displayLanguage);
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = 'preview.css';
  document.head.append(style);
  const ribbon = document.createElement('div');
  ribbon.className = 'preview-ribbon';
  const group = document.createElement('span');
  group.className = 'group';
  group.textContent = t(lang, 'pane.preview.ribbon');
  const banner = document.createElement('span');
  banner.className = 'banner';
  banner.id = 'preview-banner';
  banner.setAttribute('role', 'status');
  banner.textContent = t(lang, 'pane.preview.banner');
  ribbon.append(
    group,
    ribbonButton(t(lang, 'pane.preview.analyze'), 'analyze', () => document.getElementById('analyze')?.focus(), 'ribbon-analyze'),
    ribbonButton(t(lang, 'pane.preview.refresh'), 'refresh', () => void runCommand('refresh'), 'ribbon-refresh'),
    ribbonButton(t(lang, 'pane.preview.addRows'), 'logo', () => pasteRows(sampleRows(40, extraSeed++, 90_000 + extraSeed * 1000).map((r) => [...r])), 'ribbon-paste'),
    ...openFileControls(sim, lang, ribbonButton, (text, error) => {
      banner.textContent = text;
      banner.classList.toggle('error', error);
    }),
    banner,
  );
  const viewer = document.createElement('div');
  viewer.className = 'preview-sheets';
  viewer.setAttribute('aria-label', 'Workbook');
  document.body.prepend(ribbon, viewer);
  document.body.classList.add('preview');
  let seen = -1;
  const redraw = () => {
    const stamp = sim.syncs.length + sim.sheetNames().length * 1e6 + (sim.state.workbook.activeSheet ? sim.sheetNames().indexOf(sim.state.workbook.activeSheet.name) : 0) * 1e9;
    if (stamp !== seen) renderSheetViewer(viewer, sim, lang);
    seen = stamp;
  };
  redraw();
  setInterval(redraw, 500);
}

if (params.get('sample') !== 'none') loadSales(SAMPLE_HEADER, sampleRows().map((r) => [...r]));
else sim.addSheet('Sheet1');

/** Hooks for the browser tests and for the curious. */
(window as unknown as { rfmPreview: unknown }).rfmPreview = { sim, loadSales, pasteRows, runCommand, actions: sim.actions, generateSales };

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawChrome);
else drawChrome();
