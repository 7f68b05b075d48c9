/**
 * What the pane needs from the workbook, in one interface. The implementation (officeHost.ts)
 * calls src/excel; the pane itself never touches Excel.* ranges.
 */
import type { AnalysisOptions, Analysis, ColumnMapping } from '../engine';
import type { SheetPlan, WorkbookPlan } from '../report/plan';
import type { Lang } from '../i18n';
import type { ReadResult } from '../excel/read';
import type { PackedPart } from '../excel/packedTable';

/** Where the data comes from. */
export type SourceChoice = { kind: 'selection' } | { kind: 'table'; name: string };

/** A block read from the workbook: the table, its address and the saved form of the source. */
export type SourceBlock = ReadResult;

/** What a run saves in the workbook for Refresh. */
export interface RunSettings {
  mapping: ColumnMapping;
  options: AnalysisOptions;
  lang: Lang;
  writeBack: boolean;
}

/** The workbook, as the pane sees it. */
export interface PaneHost {
  /** Office's display language (e.g. `fa-IR`), when known. */
  displayLanguage(): string | undefined;
  /** The language saved in the workbook, if any. */
  savedLanguage(): Promise<Lang | undefined>;
  /** Saves the language in the workbook (used by Refresh too). */
  saveLanguage(lang: Lang): Promise<void>;
  /** Names of the workbook's Excel tables (our own output tables excluded). */
  listTables(): Promise<string[]>;
  /** Reads the source block; with `onPart`, each part read goes there instead of into the block (read.ts). */
  read(choice: SourceChoice, onProgress: (fraction: number) => void, onPart?: (part: PackedPart) => Promise<void>): Promise<SourceBlock>;
  /** Writes the plan (and write-back), saves the settings; returns the output sheet names. */
  write(plan: WorkbookPlan, analysis: Analysis, block: SourceBlock, settings: RunSettings, onProgress: (fraction: number) => void): Promise<string[]>;
  /** Writes a campaign list to a new sheet (a free name made from the plan's) and activates it; returns its name. */
  writeList(plan: SheetPlan): Promise<string>;
  /** Activates one of the output sheets. */
  activateSheet(name: string): Promise<void>;
}
