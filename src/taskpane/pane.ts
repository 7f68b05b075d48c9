/**
 * The task pane's behaviour, given a host (the workbook) and the worker's URL: read the source,
 * show the detected mapping, run the engine in the worker with progress and Cancel, write the
 * sheets, show the summary. Every message goes through the string tables; nothing is written
 * unless the whole analysis succeeded.
 */
import { t, type Lang } from '../i18n';
import type { Analysis, AnalysisOptions, ColumnMapping, ColumnRole, InputKind } from '../engine/types';
import { REFRESH_EVENT, type RefreshNotice } from '../commands/notice';
import { detectMapping } from './detect';
import { byId, fill } from './dom';
import type { PaneHost, SourceBlock, SourceChoice } from './host';
import { applyLanguage, asLang, formatNumber, langFromDisplayLanguage } from './lang';
import { readMapping, relabelMapping, renderMapping, roleLabel } from './mapping';
import { CancelledError, runInWorker, WorkerError, type Run } from './runner';
import type { WorkbookPlan } from '../report/plan';
import { localText, type LocalText } from './messages';
import { renderSummary } from './summary';
import { checkMapping, parseOptionFields, type PaneMessage } from './validate';

/** A user-facing failure: the message is shown, nothing is written. */
class PaneError extends Error {
  constructor(readonly pane: PaneMessage, readonly text?: LocalText) {
    super(pane.key);
  }
}

/** Stage names (the pane's, and Refresh's 'read'/'write') → label; the engine's stages show as analyzing. */
const STAGE_KEYS: Record<string, string> = {
  reading: 'pane.stage.reading',
  read: 'pane.stage.reading',
  planning: 'pane.stage.planning',
  writing: 'pane.stage.writing',
  write: 'pane.stage.writing',
};

/**
 * Starts the pane on the current document.
 * @param host the workbook
 * @param workerUrl URL of the analysis worker script
 * @returns a handle for tests: the current language
 */
export async function startPane(host: PaneHost, workerUrl: string): Promise<{ lang: () => Lang }> {
  let lang: Lang = (await host.savedLanguage().catch(() => undefined)) ?? langFromDisplayLanguage(host.displayLanguage());
  let block: SourceBlock | undefined;
  let run: Run<{ analysis: Analysis; plan: WorkbookPlan }> | undefined;
  /** Set by Cancel; checked between the stages that cannot be interrupted (reading). */
  let cancelRequested = false;
  let last: { analysis: Analysis; sheetNames: string[] } | undefined;
  let shownHeader = '';
  /** The engine's message when it could not detect a required column of the shown header. */
  let detectionProblem: LocalText | undefined;

  const languageSelect = byId<HTMLSelectElement>('language');
  const tableSelect = byId<HTMLSelectElement>('table');
  const mappingBox = byId('mapping');
  const analyzeButton = byId<HTMLButtonElement>('analyze');
  const cancelButton = byId<HTMLButtonElement>('cancel');
  const progress = byId<HTMLProgressElement>('progress');
  const progressLabel = byId('progress-label');
  const status = byId('status');
  const errorBox = byId('error');

  const kindSelect = byId<HTMLSelectElement>('input-kind');
  const roleName = (role: ColumnRole) => roleLabel(lang, role);
  const inputKind = (): InputKind => (kindSelect.value === 'customers' ? 'customers' : 'transactions');
  const choice = (): SourceChoice => {
    const kind = (document.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value ?? 'selection');
    return kind === 'table' ? { kind: 'table', name: tableSelect.value } : { kind: 'selection' };
  };

  /** The status and error lines are kept as functions of the language, so a switch re-renders them. */
  let statusText: (() => string) | undefined;
  let errorText: (() => string) | undefined;
  let sourceText: (() => string) | undefined;

  function renderMessages(): void {
    status.textContent = statusText ? statusText() : '';
    byId('source-info').textContent = sourceText ? sourceText() : '';
    errorBox.hidden = !errorText;
    errorBox.textContent = errorText ? errorText() : '';
  }

  function setStatus(text: (() => string) | undefined): void {
    statusText = text;
    renderMessages();
  }

  /** Shows a message (its `{message}` filled by `text` in the pane's language when given). */
  function showError(message: PaneMessage | undefined, suffixNothingWritten = true, text?: LocalText): void {
    errorText = message
      ? () => `${t(lang, message.key, text ? { ...message.params, message: text(lang) } : message.params)}${suffixNothingWritten ? ` ${t(lang, 'pane.nothingWritten')}` : ''}`
      : undefined;
    renderMessages();
  }

  function setBusy(busy: boolean, cancellable = busy): void {
    analyzeButton.disabled = busy;
    cancelButton.hidden = !cancellable;
    byId('progress-box').hidden = !busy;
    if (busy) progress.value = 0;
  }

  function setProgress(fraction: number, stage: string): void {
    progress.value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    progressLabel.textContent = t(lang, STAGE_KEYS[stage] ?? 'pane.stage.analyzing');
  }

  function renderLast(): void {
    const section = byId('summary');
    section.hidden = !last;
    if (!last) return;
    fill(byId('summary-body'), ...renderSummary({ ...last, lang, onActivateSheet: (name) => void host.activateSheet(name).catch(() => undefined) }));
  }

  function setLanguage(next: Lang): void {
    lang = next;
    languageSelect.value = lang;
    applyLanguage(document, lang);
    relabelMapping(mappingBox, lang);
    renderLast();
    renderMessages();
  }

  async function loadTables(): Promise<void> {
    const names = await host.listTables().catch(() => [] as string[]);
    const options = names.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      return option;
    });
    if (options.length === 0) {
      const none = document.createElement('option');
      none.value = '';
      none.textContent = t(lang, 'pane.source.noTables');
      options.push(none);
    }
    tableSelect.replaceChildren(...options);
  }

  /** Shows the detected kind and mapping, and the engine's message when a column is missing. */
  function showDetected(read: SourceBlock, detected: ReturnType<typeof detectMapping>): void {
    kindSelect.value = detected.kind;
    renderMapping(mappingBox, read.table.header, detected.mapping, detected.kind, lang);
    detectionProblem = detected.problem;
    showError(detected.problem ? { key: 'pane.error.input' } : undefined, false, detected.problem);
  }

  /** Reads the chosen source, checks its shape and shows the detected mapping. */
  async function readSource(): Promise<SourceBlock> {
    const picked = choice();
    if (picked.kind === 'table' && !picked.name) throw new PaneError({ key: 'pane.error.noTable' });
    setProgress(0, 'reading');
    const read = await host.read(picked, (fraction) => setProgress(fraction, 'reading'));
    const headerKey = JSON.stringify(read.table.header);
    if (headerKey !== shownHeader) {
      showDetected(read, detectMapping(read.table));
    }
    shownHeader = headerKey;
    byId('mapping-section').hidden = false;
    sourceText = () => t(lang, 'pane.source.read', {
      rows: formatNumber(lang, read.table.rows.length),
      columns: formatNumber(lang, read.table.header.length),
      address: read.address,
    });
    renderMessages();
    block = read;
    return read;
  }

  function options(mapping: ColumnMapping): AnalysisOptions {
    const fields = parseOptionFields(byId<HTMLInputElement>('bins').value, byId<HTMLInputElement>('analysis-date').value);
    if ('key' in fields) throw new PaneError(fields);
    const result: AnalysisOptions = { inputKind: inputKind(), columns: { ...mapping }, bins: fields.bins, split: byId<HTMLSelectElement>('split').value as AnalysisOptions['split'] };
    if (fields.analysisDate !== undefined) result.analysisDate = fields.analysisDate;
    const order = byId<HTMLSelectElement>('day-month').value;
    if (order === 'dmy' || order === 'mdy') result.dayMonthOrder = order;
    return result;
  }

  async function analyzeNow(): Promise<void> {
    showError(undefined);
    setStatus(undefined);
    cancelRequested = false;
    setBusy(true);
    try {
      const source = block ?? (await readSource());
      if (cancelRequested) throw new CancelledError();
      const mapping = readMapping(mappingBox);
      const mappingProblem = checkMapping(mapping, source.table.header, roleName, inputKind());
      if (mappingProblem) throw detectionProblem ? new PaneError({ key: 'pane.error.input' }, detectionProblem) : new PaneError(mappingProblem);
      const analysisOptions = options(mapping);
      const writeBack = byId<HTMLInputElement>('write-back').checked;
      run = runInWorker(workerUrl, source.table, analysisOptions, lang, setProgress);
      if (cancelRequested) run.cancel();
      const { analysis, plan } = await run.result;
      run = undefined;
      setBusy(true, false);
      setProgress(0, 'writing');
      const sheetNames = await host.write(plan, analysis, source, { mapping, options: analysisOptions, lang, writeBack }, (f) => setProgress(f, 'writing'));
      last = { analysis, sheetNames };
      renderLast();
      // Bring the summary into view and give it the focus (screen readers read it next).
      const heading = byId('summary-heading');
      heading.tabIndex = -1;
      heading.focus();
      const rows = source.table.rows.length;
      setStatus(() => t(lang, 'pane.done', { customers: formatNumber(lang, analysis.totals.customers), rows: formatNumber(lang, rows) }));
    } catch (error) {
      showPaneFailure(error);
    } finally {
      run = undefined;
      block = undefined;
      setBusy(false);
    }
  }

  function showPaneFailure(error: unknown): void {
    if (error instanceof CancelledError) {
      setStatus(() => t(lang, 'pane.cancelled'));
      return;
    }
    if (error instanceof PaneError) return showError(error.pane, true, error.text);
    const name = (error as Error | undefined)?.name;
    const userError = name === 'ExcelInputError' || name === 'InputError' || (error instanceof WorkerError && error.inputError);
    showError({ key: userError ? 'pane.error.input' : 'pane.error.unexpected' }, true, localText(error));
  }

  languageSelect.addEventListener('change', () => {
    const next = asLang(languageSelect.value) ?? 'en';
    setLanguage(next);
    void host.saveLanguage(next).catch(() => undefined);
  });
  document.querySelectorAll<HTMLInputElement>('input[name="source"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      block = undefined;
      byId('table-field').hidden = choice().kind !== 'table';
      if (choice().kind === 'table') void loadTables();
    }),
  );
  tableSelect.addEventListener('change', () => (block = undefined));
  kindSelect.addEventListener('change', () => {
    if (block) showDetected(block, detectMapping(block.table, inputKind()));
  });
  byId('check').addEventListener('click', () => {
    showError(undefined, false);
    readSource().catch((error) => {
      block = undefined;
      if (error instanceof PaneError) showError(error.pane, false);
      else showPaneFailure(error);
    }).finally(() => (byId('progress-box').hidden = !run));
  });
  analyzeButton.addEventListener('click', () => void analyzeNow());
  cancelButton.addEventListener('click', () => {
    cancelRequested = true;
    run?.cancel();
  });

  window.addEventListener(REFRESH_EVENT, (event) => {
    const notice = (event as CustomEvent<RefreshNotice>).detail;
    if (notice.state === 'start') {
      showError(undefined);
      setStatus(undefined);
    }
    byId('progress-box').hidden = notice.state !== 'start' && notice.state !== 'progress';
    if (notice.state === 'progress') setProgress(notice.fraction, notice.stage);
    if (notice.state === 'done') setStatus(() => t(lang, 'pane.refresh.done', { customers: formatNumber(lang, notice.customers) }));
    if (notice.state === 'error') showError({ key: 'pane.refresh.failed' }, false, localText(notice));
  });

  setLanguage(lang);
  return { lang: () => lang };
}
