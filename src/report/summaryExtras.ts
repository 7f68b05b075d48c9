/**
 * Parts of the Summary sheet: notes on the input, the skipped-rows report and the purchase
 * model's parameters.
 */
import { messageIn, t, type Lang } from '../i18n';
import type { Analysis, SkipReason } from '../engine';
import type { Block } from './plan';
import type { PlanValue } from './plan';
import type { ClvReport, PurchaseFitReport } from '../engine';
import { DECIMAL_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, PARAMETER_FORMAT, dateFormat, dayToSerial } from './formats';
import { formatForText } from './labels';
import { modelNotesIn, reasonIn } from './modelNotes';
import { cells } from './sheet';

/**
 * Notes on how the input was read (which of duplicate headers was used, the day/month order and
 * why, mixed date forms, no analysis date), one per row under a heading. Nothing when there are none.
 * @param analysis the analysis
 * @param lang output language
 * @param row first row of the part
 */
export function notesBlocks(analysis: Analysis, lang: Lang, row: number): Block[] {
  const notes = analysis.notes ?? [];
  if (notes.length === 0) return [];
  return [
    cells(row, 0, [[t(lang, 'report.summary.notes')]], 'heading'),
    cells(row + 1, 0, notes.map((n) => [messageIn(n, lang)]), 'label'),
  ];
}

/**
 * Skipped rows: counts per reason, the first examples with their row numbers, and customers who
 * only returned goods. Nothing when no row was skipped.
 * @param analysis the analysis
 * @param lang output language
 * @param row first row of the part
 */
export function skippedBlocks(analysis: Analysis, lang: Lang, row: number): Block[] {
  const { skipped } = analysis;
  const reasons = Object.entries(skipped.byReason).filter(([, n]) => (n ?? 0) > 0) as [SkipReason, number][];
  const returnsOnly = skipped.returnsOnlyCustomers.count;
  if (skipped.total === 0 && returnsOnly === 0) return [];
  const blocks: Block[] = [cells(row, 0, [[t(lang, 'report.skipped.title')]], 'heading')];
  let r = row + 1;
  if (reasons.length > 0) {
    const rows = reasons.map(([reason, n]) => [t(lang, `report.skip.${reason}`), n]);
    blocks.push(cells(r, 0, [[t(lang, 'report.skipped.reason'), t(lang, 'report.skipped.count')], ...rows], 'label', [null, INTEGER_FORMAT]));
    r += rows.length + 2;
  }
  if (skipped.examples.length > 0) {
    const header = [t(lang, 'report.skipped.row'), t(lang, 'report.skipped.reason'), t(lang, 'report.skipped.detail')];
    const rows = skipped.examples.map((e) => [e.rowNumber, t(lang, `report.skip.${e.reason}`), messageIn({ ...e, text: e.detail }, lang)]);
    blocks.push(cells(r, 0, [header, ...rows], 'body', ['0', null, null]));
    r += rows.length + 2;
  }
  if (returnsOnly > 0) {
    blocks.push(cells(r, 0, [[t(lang, 'report.skipped.returnsOnly'), returnsOnly, skipped.returnsOnlyCustomers.examples.join(', ')]], 'label', [null, INTEGER_FORMAT, '@']));
  }
  return blocks;
}

/** One label/value row of the model block, with its number format. */
type ModelRow = [label: string, value: PlanValue, format: string | null];

function purchaseRows(fit: PurchaseFitReport, lang: Lang, unit: string): ModelRow[] {
  const dropout: ModelRow[] = fit.model === 'paretonbd'
    ? [[t(lang, 'predict.label.param.s'), fit.params.s, PARAMETER_FORMAT], [t(lang, 'predict.label.param.beta', { unit }), fit.params.beta, PARAMETER_FORMAT]]
    : [[t(lang, 'predict.label.param.a'), fit.params.a, PARAMETER_FORMAT], [t(lang, 'predict.label.param.b'), fit.params.b, PARAMETER_FORMAT]];
  return [
    [t(lang, 'report.model.purchaseModel'), t(lang, `predict.model.${fit.model}`), null],
    [t(lang, 'predict.label.param.r'), fit.params.r, PARAMETER_FORMAT],
    [t(lang, 'predict.label.param.alpha', { unit }), fit.params.alpha, PARAMETER_FORMAT],
    ...dropout,
    [t(lang, 'predict.label.logLikelihood', { unit }), fit.logLikelihood, DECIMAL_FORMAT],
  ];
}

function spendRows(clv: ClvReport, lang: Lang): ModelRow[] {
  const title = t(lang, 'predict.model.gammaGamma');
  if (clv.spend.status !== 'ok') return [[title, reasonIn(clv.spend, lang), null]];
  const { p, q, v } = clv.spend.params;
  return [
    [t(lang, 'report.model.spendModel'), title, null],
    [t(lang, 'predict.label.param.p'), p, PARAMETER_FORMAT],
    [t(lang, 'predict.label.param.q'), q, PARAMETER_FORMAT],
    [t(lang, 'predict.label.param.v'), v, PARAMETER_FORMAT],
  ];
}

/**
 * The purchase and spend models: settings, fitted parameters and notes on fallbacks.
 * @param clv the model result
 * @param lang output language
 * @param row first row of the part
 */
export function modelBlocks(clv: ClvReport, lang: Lang, row: number): Block[] {
  const unit = t(lang, `predict.unit.${clv.timeUnit}`);
  const fit = clv.fits[clv.model];
  const rows: ModelRow[] = [
    [t(lang, 'report.model.calibrationEnd'), dayToSerial(clv.calibrationEnd), dateFormat(lang)],
    [t(lang, 'predict.label.clv', { months: clv.horizonMonths, rate: formatForText(clv.discountRate, lang, 'percent') }), clv.totals.clv, MONEY_FORMAT],
    ...(fit ? purchaseRows(fit, lang, unit) : []),
    ...spendRows(clv, lang),
    ...modelNotesIn(clv, lang).map((note): ModelRow => [t(lang, 'report.model.note'), note, null]),
  ];
  return [
    cells(row, 0, [[t(lang, 'report.model.title')]], 'heading'),
    cells(row + 1, 0, rows.map(([label, value]) => [label, value]), 'label', rows.map(([, , format]) => [null, format])),
  ];
}
