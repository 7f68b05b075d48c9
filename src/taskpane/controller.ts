/**
 * The task pane's behaviour without a page: one state object and the actions that change it
 * (read the source, Analyze, Cancel, a language switch, the ribbon's Refresh notices). The view
 * (view.ts) reads the form, draws the state and forwards events; this module touches no DOM, so the
 * pane's behaviour is unit-tested in Node (test/taskpane/controller.test.ts).
 * Every message is kept as a function of the language, so a switch re-renders it. The state and
 * the view's side are typed in paneState.ts; the option fields become the engine's options in
 * options.ts, and a failure becomes a message in failures.ts.
 */
import { t, type Lang } from '../i18n';
import type { Analysis, AnalysisOptions, ColumnMapping, ColumnRole, InputKind, InputTable } from '../engine';
import type { RefreshNotice } from '../commands/notice';
import { detectMapping } from './detect';
import { failureShown, messageText, PaneError } from './failures';
import type { PaneHost, SourceBlock } from './host';
import { formatNumber } from './lang';
import { roleLabel } from './mapping';
import { localText, type LocalText } from './messages';
import { analysisOptionsOf } from './options';
import type { PaneState, PaneView } from './paneState';
import { CancelledError, type PaneResult, type Run, type RunFeed } from './runner';
import { checkMapping } from './validate';
import { listSheetFor, NO_CONTACTS } from './lists';
import type { CampaignContacts } from '../report/campaignList';
import { tableWithRows } from '../excel/packedTable';

export type { PaneForm, PaneState, PaneView, ShownMapping, ShownRun } from './paneState';

/** Opens an analysis: a Web Worker in the pane (runner.ts), in-process in tests. */
export type OpenRun = () => RunFeed<PaneResult>;

/** Stage names (the pane's, and Refresh's 'read'/'write') → label; the engine's stages show as analyzing. */
const STAGE_KEYS: Record<string, string> = {
  reading: 'pane.stage.reading',
  read: 'pane.stage.reading',
  planning: 'pane.stage.planning',
  writing: 'pane.stage.writing',
  write: 'pane.stage.writing',
};

/**
 * The stage label key of a progress report.
 * @param stage a stage name from the pane, the engine or Refresh
 * @returns the string key
 */
export function stageKey(stage: string): string {
  return STAGE_KEYS[stage] ?? 'pane.stage.analyzing';
}

/** The table column detection looks at: the header and the first rows, which stay in the pane. */
function headTable(read: SourceBlock): InputTable {
  return tableWithRows(read.data, read.head);
}

/** The pane's state and actions; see the module comment. */
export class PaneController {
  private state: PaneState;
  /** The block read by "Read the data", used by the next Analyze (then forgotten). */
  private block: SourceBlock | undefined;
  private run: Run<PaneResult> | undefined;
  /** The analysis opened while the source is read (its parts go to it as they are read). */
  private feed: RunFeed<PaneResult> | undefined;
  /** Set by Cancel; checked between the stages that cannot be interrupted (reading). */
  private cancelRequested = false;
  private shownHeader = '';
  /** The engine's message when it could not detect a required column of the shown header. */
  private detectionProblem: LocalText | undefined;
  private serial = 0;
  /** Contact columns of the table the shown analysis read (none after a Refresh: its table stays in Excel). */
  private contacts: CampaignContacts = NO_CONTACTS;

  /**
   * @param host the workbook
   * @param openRun opens an analysis
   * @param view draws the state and reads the form
   * @param lang the starting language
   */
  constructor(private readonly host: PaneHost, private readonly openRun: OpenRun, private readonly view: PaneView, lang: Lang) {
    this.state = { lang, busy: false, cancellable: false };
  }

  /** The current state (read-only; for the view and tests). */
  get current(): Readonly<PaneState> {
    return this.state;
  }

  private update(change: Partial<PaneState>): void {
    this.state = { ...this.state, ...change };
    this.view.render(this.state);
  }

  private progress(fraction: number, stage: string): void {
    this.update({ progress: { percent: Math.round(Math.max(0, Math.min(1, fraction)) * 100), stageKey: stageKey(stage) } });
  }

  /** Draws the starting state. */
  start(): void {
    this.view.render(this.state);
  }

  /**
   * Switches the language (the summary, messages and labels are redrawn) and saves it in the workbook.
   * @param lang the new language
   */
  setLanguage(lang: Lang): void {
    this.update({ lang });
    void this.host.saveLanguage(lang).catch(() => undefined);
  }

  /** The source choice changed: forget the read block; list the tables when a table is to be picked. */
  async sourceChanged(): Promise<void> {
    this.block = undefined;
    if (this.view.form.source().kind !== 'table') return;
    const names = await this.host.listTables().catch(() => [] as string[]);
    this.update({ tables: names });
  }

  /** The table picked changed. */
  tableChanged(): void {
    this.block = undefined;
  }

  /** The user chose another input kind: detect the columns again for it. */
  kindChanged(): void {
    if (this.block) this.showDetected(this.block, detectMapping(headTable(this.block), this.view.form.inputKind()));
  }

  private showDetected(read: SourceBlock, detected: ReturnType<typeof detectMapping>): void {
    this.detectionProblem = detected.problem;
    this.update({
      mapping: { header: read.data.header, mapping: detected.mapping, kind: detected.kind, serial: ++this.serial },
      error: detected.problem ? messageText({ key: 'pane.error.input' }, false, detected.problem) : undefined,
    });
  }

  /**
   * Reads the chosen source, shows the detected mapping (when the header changed) and what was read.
   * @param feed an analysis that takes the parts as they are read (the block then keeps none)
   */
  private async readSource(feed?: RunFeed<PaneResult>): Promise<SourceBlock> {
    const picked = this.view.form.source();
    if (picked.kind === 'table' && !picked.name) throw new PaneError({ key: 'pane.error.noTable' });
    this.progress(0, 'reading');
    const read = await this.host.read(picked, (fraction) => this.progress(fraction, 'reading'), feed && ((part) => feed.part(part)));
    const headerKey = JSON.stringify(read.data.header);
    if (headerKey !== this.shownHeader) this.showDetected(read, detectMapping(headTable(read)));
    this.shownHeader = headerKey;
    this.update({
      source: (lang) => t(lang, 'pane.source.read', {
        rows: formatNumber(lang, read.data.rowCount),
        columns: formatNumber(lang, read.data.header.length),
        address: read.address,
      }),
    });
    this.block = read;
    return read;
  }

  /** "Read the data": reads and shows the mapping; a failure is shown (nothing was to be written). */
  async check(): Promise<void> {
    this.update({ error: undefined, busy: false, progress: undefined });
    try {
      await this.readSource();
    } catch (error) {
      this.block = undefined;
      this.showFailure(error, false);
    } finally {
      this.update({ progress: undefined });
    }
  }

  /** The options of an Analyze from the form (options.ts); a wrong field is a PaneError. */
  private analysisOptions(mapping: ColumnMapping, kind: InputKind): { options: AnalysisOptions; writeBack: boolean } {
    const run = analysisOptionsOf(this.view.form.options(), kind, mapping, this.state.lang);
    if ('key' in run) throw new PaneError(run);
    return run;
  }

  /**
   * Analyze: read (unless just read; the parts go to the worker as they are read), check, run in the
   * worker, write, show the summary.
   */
  async analyze(): Promise<void> {
    this.cancelRequested = false;
    this.update({ error: undefined, status: undefined, busy: true, cancellable: true, progress: { percent: 0, stageKey: stageKey('reading') } });
    const feed = (this.feed = this.openRun());
    try {
      const source = this.block ?? (await this.readSource(feed));
      if (this.cancelRequested) throw new CancelledError();
      const mapping = this.view.form.mapping();
      const kind = this.view.form.inputKind();
      const roleName = (role: ColumnRole) => roleLabel(this.state.lang, role);
      const mappingProblem = checkMapping(mapping, source.data.header, roleName, kind);
      if (mappingProblem) throw this.detectionProblem ? new PaneError({ key: 'pane.error.input' }, this.detectionProblem) : new PaneError(mappingProblem);
      const { options, writeBack } = this.analysisOptions(mapping, kind);
      const lang = this.state.lang;
      this.run = feed.start(source.data, options, lang, (f, stage) => this.progress(f, stage));
      if (this.cancelRequested) this.run.cancel();
      const { analysis, plan, contacts } = await this.run.result;
      this.run = undefined;
      this.update({ cancellable: false });
      this.progress(0, 'writing');
      const sheetNames = await this.host.write(plan, analysis, source, { mapping, options, lang, writeBack }, (f) => this.progress(f, 'writing'));
      const rows = source.data.rowCount;
      this.contacts = contacts ?? NO_CONTACTS;
      this.showRun(analysis, sheetNames, (l) => t(l, 'pane.done', { customers: formatNumber(l, analysis.totals.customers), rows: formatNumber(l, rows) }));
      this.view.focusSummary();
    } catch (error) {
      this.showFailure(error, true);
    } finally {
      feed.cancel();
      this.feed = undefined;
      this.run = undefined;
      this.block = undefined;
      this.update({ busy: false, cancellable: false, progress: undefined });
    }
  }

  private showRun(analysis: Analysis, sheetNames: string[], status: LocalText): void {
    this.update({ summary: { analysis, sheetNames, serial: ++this.serial }, status });
  }

  /**
   * "Lists": writes the chosen campaign list of the shown analysis to a new sheet.
   * @param value the list picker's value (lists.ts listValue)
   */
  async writeList(value: string): Promise<void> {
    const analysis = this.state.summary?.analysis;
    const lang = this.state.lang;
    const list = analysis && listSheetFor(analysis, this.contacts, value, lang);
    if (!list || this.state.busy) return;
    this.update({ error: undefined, status: undefined, busy: true });
    try {
      const sheet = await this.host.writeList(list.plan);
      const { customers, invalidMobiles } = list;
      this.update({
        status: (l) => `${t(l, 'pane.lists.written', { customers: formatNumber(l, customers), sheet })}${invalidMobiles > 0 ? ` ${t(l, 'pane.lists.invalidMobiles', { count: formatNumber(l, invalidMobiles) })}` : ''}`,
      });
    } catch (error) {
      this.showFailure(error, true);
    } finally {
      this.update({ busy: false });
    }
  }

  /** Cancel: stops the worker; a read in progress stops at its next chunk (the feed refuses it). */
  cancel(): void {
    this.cancelRequested = true;
    this.run?.cancel();
    this.feed?.cancel();
  }

  /** Shows a failure (failures.ts): a cancelled run as a status, anything else as an error. */
  private showFailure(error: unknown, nothingWritten: boolean): void {
    this.update(failureShown(error, nothingWritten));
  }

  /**
   * What the ribbon's Refresh announces: its progress, its outcome, and on success its analysis, which
   * replaces the summary (the pane shows the latest run, whatever started it).
   * @param notice the Refresh notice
   */
  refreshNotice(notice: RefreshNotice): void {
    if (notice.state === 'start') this.update({ error: undefined, status: undefined, progress: { percent: 0, stageKey: stageKey('read') } });
    else if (notice.state === 'progress') this.progress(notice.fraction, notice.stage);
    else if (notice.state === 'done') {
      const status: LocalText = (lang) => t(lang, 'pane.refresh.done', { customers: formatNumber(lang, notice.customers) });
      this.update({ progress: undefined });
      if (notice.analysis) this.contacts = NO_CONTACTS;
      if (notice.analysis) this.showRun(notice.analysis, notice.sheets ?? this.state.summary?.sheetNames ?? [], status);
      else this.update({ status });
    } else {
      this.update({ progress: undefined, error: messageText({ key: 'pane.refresh.failed' }, false, localText(notice)) });
    }
  }
}
