/**
 * Analysis → WorkbookPlan: the one layout that both workbook writers render (the Office.js writer
 * in excel/ and the ExcelJS writer in cli/xlsx.ts). Pure: no host API, same output in Excel, in a
 * Web Worker, in Node and in tests.
 */
import type { Lang } from '../i18n';
import type { Analysis, CurrencyCode } from '../engine';
import type { SheetPlan, WorkbookPlan } from './plan';
import { summarySheet } from './summarySheet';
import { customersSheet } from './customersSheet';
import { matrixSheet } from './matrixSheet';
import { clustersSheet } from './clustersSheet';
import { modelCheckSheet } from './modelCheckSheet';
import { rulesSheet } from './rulesSheet';
import { migrationSheet } from './migrationSheet';
import { cohortsSheet } from './cohortsSheet';
import { MONEY_FORMAT, localizeSheetFormats, moneyFormat, moneyStyleOf, replaceFormat } from './formats';
import { layOutPlan } from './layout';

/** Options of the plan. */
export interface PlanOptions {
  /** Output language: sheet names, headers, labels; Persian sheets are right-to-left. */
  lang: Lang;
  /**
   * The currency of every money format: a code, null for no unit, or absent for the one the data
   * names (Analysis.currency, else no unit).
   */
  currency?: CurrencyCode | null;
}

/**
 * Builds the workbook plan of an analysis: Summary, Customers, Matrix, Clusters (when clustering
 * or a holdout check ran), Model check (when the purchase model ran and the backtest was not turned
 * off), Migration (when the run compared with an earlier date), Cohorts (when it counted cohorts)
 * and Segment rules, in that order. Persian plans show numbers in Persian
 * digits and dates in the Jalali calendar (number formats only: values are the same). Money
 * shows the currency's unit, with decimals only when the amounts have them. Column
 * widths, wrapped text and page setup come from each sheet's content (report/layout.ts).
 * O(customers) time and memory.
 * @param analysis the engine's result
 * @param opts the output language
 * @returns the plan
 * @example writeWorkbookXlsx(buildWorkbookPlan(analyze(table, {}), { lang: 'en' }), 'report.xlsx')
 */
export function buildWorkbookPlan(analysis: Analysis, opts: PlanOptions): WorkbookPlan {
  const lang = opts.lang;
  const sheets: SheetPlan[] = [summarySheet(analysis, lang), customersSheet(analysis, lang), matrixSheet(analysis, lang)];
  const clusters = clustersSheet(analysis, lang);
  if (clusters) sheets.push(clusters);
  const modelCheck = modelCheckSheet(analysis, lang);
  if (modelCheck) sheets.push(modelCheck);
  const migration = migrationSheet(analysis, lang);
  if (migration) sheets.push(migration);
  const cohorts = cohortsSheet(analysis, lang);
  if (cohorts) sheets.push(cohorts);
  sheets.push(rulesSheet(analysis, lang));
  const money = moneyFormat(moneyStyleOf(analysis, opts.currency), lang);
  for (const sheet of sheets) {
    replaceFormat(sheet, MONEY_FORMAT, money);
    localizeSheetFormats(sheet, lang);
  }
  const plan: WorkbookPlan = { lang, sheets };
  layOutPlan(plan);
  return plan;
}

export { parseRulesSheet, RULES_TABLE } from './rulesSheet';
export { CUSTOMERS_TABLE, CUSTOMER_COLUMNS } from './customersSheet';
