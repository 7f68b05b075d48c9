/**
 * The pane's thin DOM view: reads the form for the controller, draws its state (text through
 * textContent only) and forwards the page's events to it. Behaviour lives in controller.ts.
 */
import { t, type Lang } from '../i18n';
import { dayNumberToGregorian, pad2 } from '../engine';
import { formatJalali } from '../engine';
import type { Analysis, ColumnMapping, InputKind } from '../engine';
import { BINS_LIMIT } from '../engine';
import { byId, fill } from './dom';
import type { SourceChoice } from './host';
import { applyLanguage, formatNumber } from './lang';
import { readMapping, relabelMapping, renderMapping } from './mapping';
import type { PaneController } from './controller';
import type { PaneForm, PaneState, PaneView } from './paneState';
import { renderSummary } from './summary';
import { parseAnalysisDate } from './validate';
import { listChoices } from './lists';

/** What was drawn last, so a render redraws only what changed. */
interface Drawn {
  lang?: Lang;
  mappingSerial?: number;
  summarySerial?: number;
  summaryLang?: Lang;
  tables?: string[];
}

/** The analysis-date field as the language wants it: a date picker in English, a Jalali text field in Persian. */
function setDateField(input: HTMLInputElement, lang: Lang, previous: Lang | undefined): void {
  const day = previous ? parseAnalysisDate(input.value, previous) : undefined;
  if (lang === 'fa') {
    input.type = 'text';
    input.inputMode = 'numeric';
    input.placeholder = t('fa', 'pane.options.analysisDatePlaceholder');
    input.dir = 'ltr';
  } else {
    input.type = 'date';
    input.removeAttribute('inputmode');
    input.placeholder = '';
    input.removeAttribute('dir');
  }
  if (day === undefined) return;
  const g = dayNumberToGregorian(day);
  input.value = lang === 'fa' ? formatJalali(day, 'persian') : `${g.year}-${pad2(g.month)}-${pad2(g.day)}`;
}

/** The form fields as the controller reads them. */
function paneForm(): PaneForm {
  const source = (): SourceChoice => {
    const kind = document.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value ?? 'selection';
    return kind === 'table' ? { kind: 'table', name: byId<HTMLSelectElement>('table').value } : { kind: 'selection' };
  };
  return {
    source,
    inputKind: (): InputKind => (byId<HTMLSelectElement>('input-kind').value === 'customers' ? 'customers' : 'transactions'),
    mapping: (): ColumnMapping => readMapping(byId('mapping')),
    options: () => ({
      bins: byId<HTMLSelectElement>('bins').value,
      analysisDate: byId<HTMLInputElement>('analysis-date').value,
      split: byId<HTMLSelectElement>('split').value,
      dayMonth: byId<HTMLSelectElement>('day-month').value,
      zeroAmounts: byId<HTMLSelectElement>('zero-amounts').value,
      currency: byId<HTMLSelectElement>('currency').value,
      churnHorizon: byId<HTMLSelectElement>('churn-horizon').value,
      writeBack: byId<HTMLInputElement>('write-back').checked,
      compareDate: byId<HTMLInputElement>('compare-date').value,
      cohorts: byId<HTMLInputElement>('cohorts').checked,
    }),
  };
}

function tableOptions(names: string[], lang: Lang): HTMLOptionElement[] {
  const options = names.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    return option;
  });
  if (options.length > 0) return options;
  const none = document.createElement('option');
  none.value = '';
  none.textContent = t(lang, 'pane.source.noTables');
  return [none];
}

/** Fills the list picker with the analysis' segments and churn statuses, keeping the choice when it is still there. */
function renderListChoices(analysis: Analysis, lang: Lang): void {
  const select = byId<HTMLSelectElement>('list-group');
  const chosen = select.value;
  select.replaceChildren(...listChoices(analysis, lang).map((choice) => {
    const option = document.createElement('option');
    option.value = choice.value;
    option.textContent = choice.label;
    return option;
  }));
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

/**
 * Makes the view over the pane's page.
 * @param onActivateSheet called when the user follows a sheet link in the summary
 * @returns the view
 */
export function createPaneView(onActivateSheet: (name: string) => void): PaneView {
  const drawn: Drawn = {};
  const binsInput = byId<HTMLInputElement>('bins');
  binsInput.min = String(BINS_LIMIT.min);
  binsInput.max = String(BINS_LIMIT.max);
  return {
    form: paneForm(),
    render(state: Readonly<PaneState>): void {
      const { lang } = state;
      const langChanged = drawn.lang !== lang;
      if (langChanged) {
        byId<HTMLSelectElement>('language').value = lang;
        applyLanguage(document, lang);
        relabelMapping(byId('mapping'), lang);
        setDateField(byId<HTMLInputElement>('analysis-date'), lang, drawn.lang);
        setDateField(byId<HTMLInputElement>('compare-date'), lang, drawn.lang);
        // Numbers in the option lists in the language's digits (the values stay Latin).
        byId<HTMLSelectElement>('bins').querySelectorAll('option').forEach((option) => (option.textContent = formatNumber(lang, Number(option.value))));
      }
      if (state.mapping && state.mapping.serial !== drawn.mappingSerial) {
        byId<HTMLSelectElement>('input-kind').value = state.mapping.kind;
        renderMapping(byId('mapping'), state.mapping.header, state.mapping.mapping, state.mapping.kind, lang);
        byId('mapping-section').hidden = false;
        drawn.mappingSerial = state.mapping.serial;
      }
      if (state.tables && (state.tables !== drawn.tables || langChanged)) {
        byId<HTMLSelectElement>('table').replaceChildren(...tableOptions(state.tables, lang));
        drawn.tables = state.tables;
      }
      const summary = state.summary;
      byId('summary').hidden = !summary;
      if (summary && (summary.serial !== drawn.summarySerial || lang !== drawn.summaryLang)) {
        fill(byId('summary-body'), ...renderSummary({ analysis: summary.analysis, sheetNames: summary.sheetNames, lang, onActivateSheet }));
        renderListChoices(summary.analysis, lang);
        drawn.summarySerial = summary.serial;
        drawn.summaryLang = lang;
      }
      byId('lists').hidden = !summary;
      byId<HTMLButtonElement>('analyze').disabled = state.busy;
      byId<HTMLButtonElement>('write-list').disabled = state.busy;
      byId('cancel').hidden = !state.cancellable;
      byId('progress-box').hidden = !state.progress;
      if (state.progress) {
        byId<HTMLProgressElement>('progress').value = state.progress.percent;
        byId('progress-label').textContent = t(lang, state.progress.stageKey);
      }
      byId('status').textContent = state.status ? state.status(lang) : '';
      byId('source-info').textContent = state.source ? state.source(lang) : '';
      const error = byId('error');
      error.hidden = !state.error;
      error.textContent = state.error ? state.error(lang) : '';
      drawn.lang = lang;
    },
    focusSummary(): void {
      const heading = byId('summary-heading');
      heading.tabIndex = -1;
      heading.focus();
    },
  };
}

/**
 * Forwards the page's events to the controller.
 * @param controller the pane's controller
 * @param asLanguage narrows the language picker's value
 */
export function bindPaneEvents(controller: PaneController, asLanguage: (value: string) => Lang): void {
  byId<HTMLSelectElement>('language').addEventListener('change', (event) => controller.setLanguage(asLanguage((event.target as HTMLSelectElement).value)));
  document.querySelectorAll<HTMLInputElement>('input[name="source"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      byId('table-field').hidden = paneForm().source().kind !== 'table';
      void controller.sourceChanged();
    }),
  );
  byId('table').addEventListener('change', () => controller.tableChanged());
  byId('input-kind').addEventListener('change', () => controller.kindChanged());
  byId('check').addEventListener('click', () => void controller.check());
  byId('analyze').addEventListener('click', () => void controller.analyze());
  byId('cancel').addEventListener('click', () => controller.cancel());
  byId('write-list').addEventListener('click', () => void controller.writeList(byId<HTMLSelectElement>('list-group').value));
}
