/**
 * The summary shown after a run: headline figures, the three answers, a small segment chart (SVG
 * built element by element), notes on the run in plain words (technical text one click away), the
 * skipped rows with reasons, and links that activate the output sheets. Text only through
 * textContent and the string tables.
 */
import { messageIn, t, type Lang } from '../i18n';
import type { Analysis, SegmentSummary } from '../engine';
import { segmentLookup } from '../report/labels';
import { migrationHeadline } from '../report/migrationSheet';
import { threeAnswers } from '../report/answers';
import { backtestVerdict } from '../report/modelCheckVerdict';
import { backtestResult } from '../report/predictions';
import { analysisNoteItems } from '../report/modelNotes';
import { el, svg } from './dom';
import { figureText } from './figures';
import { formatNumber, persianNumerals } from './lang';

/** What the summary needs beyond the analysis. */
export interface SummaryInput {
  analysis: Analysis;
  lang: Lang;
  /** Output sheet names in order, as written. */
  sheetNames: string[];
  /** Called when the user follows a sheet link. */
  onActivateSheet: (name: string) => void;
}

/**
 * Builds the summary's content.
 * @param input the analysis, language, sheet names and link handler
 * @returns the nodes to place in the summary section
 */
export function renderSummary(input: SummaryInput): Node[] {
  const { analysis, lang } = input;
  // The answers come right after the figures: nothing technical above them.
  const box = notes(analysis, lang);
  const check = modelCheck(analysis, lang);
  const migration = analysis.migration
    ? [el('p', { id: 'migration-summary' }, migrationHeadline(analysis.migration, segmentLookup(analysis.settings.segmentRules, lang), lang))]
    : [];
  return [figures(analysis, lang), answers(analysis, lang), ...migration, ...(check ? [check] : []), segmentChart(analysis, lang), ...(box ? [box] : []), skipped(analysis, lang), sheetLinks(input)];
}

/** Engine notes on the day/month order: the pane says it in its own sentence, which names the option. */
const DAY_MONTH_NOTE = 'input.dayMonthOrder.';

/** Notes about how the data was read (input.*) are shown as they are; the rest get a plain sentence. */
const DATA_NOTE = 'input.';

/** Model and clustering notes → the plain sentence a marketer reads (the technical text goes under "details"). */
/**
 * Notes already in plain words that carry the figure the user needs (a count, a gap, a share):
 * shown as they are, as a sentence, not behind "technical details".
 */
const SHOWN_AS_THEY_ARE = new Set(['predict.note.keptNothing', 'predict.note.horizonShort', 'engine.note.shareOfWallet', 'engine.note.walletEmpty']);

/** A note's text as a sentence: a capital first letter (English) and a full stop. */
function asSentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const PLAIN_NOTES: Record<string, string> = {
  'predict.note.penalised': 'pane.plain.penalised',
  'predict.note.noDropout': 'pane.plain.noDropout',
  'predict.note.autoChoice': 'pane.plain.autoChoice',
  'predict.note.autoChoiceOnly': 'pane.plain.autoChoice',
  'predict.note.autoFallback': 'pane.plain.autoChoice',
  'predict.note.autoBacktest': 'pane.plain.autoBacktest',
  'predict.note.autoBacktestTie': 'pane.plain.autoBacktest',
  'predict.note.autoBacktestOnly': 'pane.plain.autoBacktest',
  'predict.note.churnHorizon': 'pane.plain.option',
  'predict.holdout.skipped': 'pane.plain.holdoutSkipped',
  'predict.spend.fallback': 'pane.plain.spendFallback',
  'report.clusters.none': 'pane.plain.noClusters',
  'predict.note.horizon': 'pane.plain.option',
  'predict.note.discountRate': 'pane.plain.option',
  'predict.note.margin': 'pane.plain.option',
};

/**
 * The notes of the run in plain words, technical text one click away: how the data was read (the
 * day/month order in the pane's own words, which name the option), then one plain sentence per kind
 * of model note, and a <details> with the notes as the Summary sheet gives them (Persian digits in
 * Persian). Nothing when there are none.
 */
function notes(analysis: Analysis, lang: Lang): HTMLElement | null {
  const items = analysisNoteItems({ ...analysis, notes: (analysis.notes ?? []).filter((n) => !n.key.startsWith(DAY_MONTH_NOTE)) }, lang);
  const order = analysis.settings.dayMonthOrder;
  if (!order && items.length === 0) return null;
  const box = el('div', { id: 'notes' });
  box.append(el('h3', {}, t(lang, 'pane.notes.heading')));
  const list = el('ul', { class: 'plain' });
  if (order) list.append(el('li', { id: 'day-month-note' }, t(lang, 'pane.summary.dayMonth', { order: t(lang, `input.dayMonthOrder.${order}`) })));
  const plain = new Set<string>();
  const technical: string[] = [];
  for (const item of items) {
    if (item.key?.startsWith(DATA_NOTE)) {
      list.append(el('li', {}, item.text));
      continue;
    }
    if (item.key && SHOWN_AS_THEY_ARE.has(item.key)) {
      list.append(el('li', {}, asSentence(item.text)));
      continue;
    }
    plain.add(t(lang, (item.key && PLAIN_NOTES[item.key]) ?? 'pane.plain.other'));
    technical.push(lang === 'fa' ? persianNumerals(item.text) : item.text);
  }
  for (const text of plain) list.append(el('li', {}, text));
  box.append(list);
  if (technical.length > 0) {
    const details = el('details', { class: 'technical' });
    details.append(el('summary', {}, t(lang, 'pane.notes.details')));
    const more = el('ul', { class: 'plain muted' });
    for (const text of technical) more.append(el('li', {}, text));
    details.append(more);
    box.append(details);
  }
  return box;
}

function figures(analysis: Analysis, lang: Lang): HTMLElement {
  const list = el('dl', { class: 'figures' });
  const items: [string, number][] = [
    ['pane.summary.customers', analysis.totals.customers],
    ['pane.summary.orders', analysis.totals.orders],
    ['pane.summary.revenue', analysis.totals.revenue],
  ];
  for (const [key, value] of items) {
    const item = el('div');
    const shown = figureText(lang, value);
    // Shortened figures carry the exact value for hover and for screen readers.
    const exact: Record<string, string> = shown.shortened ? { title: shown.full, 'aria-label': shown.full } : {};
    item.append(el('dt', {}, t(lang, key)), el('dd', { class: 'num', 'data-figure': key, 'data-value': String(value), ...exact }, shown.text));
    list.append(item);
  }
  return list;
}

/** Horizontal bars, one per segment with customers, widest first; mirrored in right-to-left. */
export function segmentChart(analysis: Analysis, lang: Lang): SVGElement {
  const label = segmentLookup(analysis.settings.segmentRules, lang);
  const rows: SegmentSummary[] = analysis.segments.filter((s) => s.customers > 0).sort((a, b) => b.customers - a.customers);
  const width = 300;
  const rowHeight = 22;
  const labelWidth = 120;
  const max = Math.max(1, ...rows.map((r) => r.customers));
  // Room after the longest bar for its count (about 6.5 units per character at the chart's 11 px).
  const barSpace = width - labelWidth - Math.max(44, 8 + 6.5 * formatNumber(lang, max).length);
  const rtl = lang === 'fa';
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, role: 'img' });
  chart.setAttribute('aria-label', t(lang, 'pane.summary.chart'));
  const title = svg('title');
  title.textContent = t(lang, 'pane.summary.chart');
  chart.append(title);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    const barWidth = Math.max(1, (row.customers / max) * barSpace);
    const name = label(row.segment).label;
    const barX = rtl ? width - labelWidth - barWidth : labelWidth;
    const group = svg('g');
    const text = svg('text', { x: rtl ? width - 4 : 4, y: y + 14, 'text-anchor': 'start', direction: rtl ? 'rtl' : 'ltr' });
    text.textContent = name;
    const bar = svg('rect', { class: 'bar', x: barX, y: y + 3, width: barWidth, height: rowHeight - 8, rx: 2 });
    const barTitle = svg('title');
    barTitle.textContent = t(lang, 'pane.summary.chartBar', { segment: name, count: formatNumber(lang, row.customers) });
    bar.append(barTitle);
    const count = svg('text', { x: rtl ? barX - 4 : barX + barWidth + 4, y: y + 14, 'text-anchor': rtl ? 'end' : 'start', direction: 'ltr' });
    count.textContent = formatNumber(lang, row.customers);
    group.append(text, bar, count);
    chart.append(group);
  });
  return chart;
}

/** The three questions with the report's own answers (the Summary sheet says the same). */
function answers(analysis: Analysis, lang: Lang): HTMLElement {
  const list = el('ul', { class: 'answers' });
  threeAnswers(analysis, lang).forEach((answer, i) => {
    const li = el('li', { 'data-answer': String(i + 1) });
    li.append(el('strong', {}, answer.question), el('span', {}, answer.text));
    list.append(li);
  });
  return list;
}

/** The model check's verdict in one line under the answers (stderr and the Model check sheet say the same), or null without one. */
function modelCheck(analysis: Analysis, lang: Lang): HTMLElement | null {
  const backtest = backtestResult(analysis);
  return backtest ? el('p', { id: 'model-check' }, backtestVerdict(backtest, lang)) : null;
}

function skipped(analysis: Analysis, lang: Lang): HTMLElement {
  const box = el('div', { id: 'skipped' });
  box.append(el('h3', {}, t(lang, 'pane.skipped.heading')));
  const report = analysis.skipped;
  if (report.total === 0 && report.returnsOnlyCustomers.count === 0) {
    box.append(el('p', { class: 'muted' }, t(lang, 'pane.skipped.none')));
    return box;
  }
  if (report.total > 0) box.append(el('p', {}, t(lang, 'pane.skipped.total', { count: formatNumber(lang, report.total) })));
  const list = el('ul', { class: 'plain' });
  for (const example of report.examples) {
    list.append(el('li', {}, t(lang, 'pane.skipped.example', {
      row: formatNumber(lang, example.rowNumber),
      reason: t(lang, `pane.reason.${example.reason}`),
      detail: messageIn({ key: example.key, params: example.params, message: example.detail }, lang),
    })));
  }
  box.append(list);
  if (report.returnsOnlyCustomers.count > 0) {
    box.append(el('p', {}, t(lang, 'pane.skipped.returnsOnly', { count: formatNumber(lang, report.returnsOnlyCustomers.count) })));
  }
  return box;
}

function sheetLinks(input: SummaryInput): HTMLElement {
  const box = el('nav', { 'aria-label': t(input.lang, 'pane.sheets.heading') });
  box.append(el('h3', {}, t(input.lang, 'pane.sheets.heading')));
  const list = el('ul', { class: 'plain' });
  for (const name of input.sheetNames) {
    const button = el('button', { type: 'button', class: 'link', 'data-sheet': name }, t(input.lang, 'pane.sheets.go', { name }));
    button.addEventListener('click', () => input.onActivateSheet(name));
    const li = el('li');
    li.append(button);
    list.append(li);
  }
  box.append(list);
  return box;
}
