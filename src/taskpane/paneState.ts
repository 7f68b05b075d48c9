/**
 * What the pane's controller (controller.ts) and its view (view.ts) share: the form the view reads
 * when an action needs it, the state the view draws, and the view as the controller calls it.
 * Types only; the controller owns the state and the view draws it.
 */
import type { Lang } from '../i18n';
import type { Analysis, ColumnMapping, InputKind } from '../engine';
import type { SourceChoice } from './host';
import type { LocalText } from './messages';
import type { TypedOptions } from './options';

/** What the view reads from the form when an action needs it. */
export interface PaneForm {
  source(): SourceChoice;
  inputKind(): InputKind;
  mapping(): ColumnMapping;
  /** The option fields as typed. */
  options(): TypedOptions;
}

/** The latest run's figures (Analyze or Refresh), shown in the summary. */
export interface ShownRun {
  analysis: Analysis;
  sheetNames: string[];
  /** Grows with every run, so the view redraws even when an equal-looking run comes in. */
  serial: number;
}

/** The detected (or re-detected) mapping to draw as dropdowns. */
export interface ShownMapping {
  header: string[];
  mapping: ColumnMapping;
  kind: InputKind;
  serial: number;
}

/** Everything the view draws. */
export interface PaneState {
  lang: Lang;
  busy: boolean;
  cancellable: boolean;
  /** Shown while busy: 0..100 and the stage's string key. */
  progress?: { percent: number; stageKey: string };
  status?: LocalText;
  error?: LocalText;
  source?: LocalText;
  mapping?: ShownMapping;
  /** Table names for the table picker, once listed. */
  tables?: string[];
  summary?: ShownRun;
}

/** The view as the controller sees it. */
export interface PaneView {
  readonly form: PaneForm;
  render(state: Readonly<PaneState>): void;
  /** Moves the focus to the summary (screen readers read it next). */
  focusSummary(): void;
}
