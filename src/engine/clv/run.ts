/**
 * The CLV and churn stage: fit the purchase models and the spend model, forecast each customer,
 * classify churn, and answer "who is most valuable", "who is about to churn", "how many churned".
 */
import type { Analysis, AnalysisOptions, DayNumber, Note } from '../types';
import { runBacktest, type WindowScorer } from './backtest';
import { churnStatus, resolveChurnThresholds, summariseChurn, topCustomers } from './churn';
import { forecastModel } from './clv';
import { fillCustomers, fitSpend } from './customerFill';
import { fitReport } from './fit';
import { groupPatterns, type PurchaseGroups } from './groups';
import { medianGapDays, suggestedHorizonDays } from './horizonAdvice';
import { runHoldout } from './holdout';
import { chooseByInnerBacktest, type ChoiceData, type InnerBacktest } from './autoChoice';
import { AUTO_SAMPLE_CUSTOMERS, chooseModel, fitModelOrExplain, MODEL_ORDER, samplePatterns, type AnyPurchaseFit, type ModelChoice } from './modelFit';
import { modelExpected, modelPAlive, pNoPurchase, type PurchaseModelName } from './models';
import { asReason, keyedReason, note, wrapping } from './reasons';
import { buildHistories, UNIT_DAYS, type Histories, type TimeUnit } from './summary';
import type { ClvAnalysis, ClvReport } from './types';
import { CHURN_HORIZON_DAYS_LIMIT, DISCOUNT_RATE_LIMIT, HORIZON_MONTHS_LIMIT, MARGIN_LIMIT, withinLimit, type NumberLimit } from '../optionLimits';
import { hasNoLines, type ModelLines } from '../modelLines';

export { MIN_SPEND_CUSTOMERS } from './spendGuard';

/** The settings after defaults and checks. */
interface Resolved {
  model: PurchaseModelName | 'auto';
  churnHorizonDays: number;
  timeUnit: TimeUnit;
  unitDays: number;
  horizonMonths: number;
  discountRate: number;
  margin?: number;
  notes: Note[];
}

/** A note's placeholders for a value outside its limit. */
function limitParams(value: number | undefined, limit: NumberLimit & { fallback: number }): { value: string; min: number; max: number; fallback: number } {
  return { value: String(value), min: limit.min, max: limit.max, fallback: limit.fallback };
}

function resolve(options: AnalysisOptions): Resolved {
  const notes: Note[] = [];
  const timeUnit: TimeUnit = options.timeUnit && options.timeUnit in UNIT_DAYS ? options.timeUnit : 'weeks';
  // Callers that check options first (CLI, pane, functions) never reach these notes: same limits.
  let horizonMonths: number = options.horizonMonths ?? HORIZON_MONTHS_LIMIT.fallback;
  if (!withinLimit(HORIZON_MONTHS_LIMIT, horizonMonths)) {
    notes.push(note('predict.note.horizon', limitParams(options.horizonMonths, HORIZON_MONTHS_LIMIT)));
    horizonMonths = HORIZON_MONTHS_LIMIT.fallback;
  }
  let discountRate: number = options.discountRate ?? DISCOUNT_RATE_LIMIT.fallback;
  if (!withinLimit(DISCOUNT_RATE_LIMIT, discountRate)) {
    notes.push(note('predict.note.discountRate', limitParams(options.discountRate, DISCOUNT_RATE_LIMIT)));
    discountRate = DISCOUNT_RATE_LIMIT.fallback;
  }
  let margin = options.margin;
  if (margin !== undefined && !withinLimit(MARGIN_LIMIT, margin)) {
    notes.push(note('predict.note.margin', { value: String(margin) }));
    margin = undefined;
  }
  const model = options.model === 'bgnbd' || options.model === 'mbgnbd' || options.model === 'paretonbd' ? options.model : 'auto';
  let churnHorizonDays: number = options.churnHorizonDays ?? CHURN_HORIZON_DAYS_LIMIT.fallback;
  if (!withinLimit(CHURN_HORIZON_DAYS_LIMIT, churnHorizonDays)) {
    notes.push(note('predict.note.churnHorizon', { value: String(options.churnHorizonDays), max: CHURN_HORIZON_DAYS_LIMIT.max, default: CHURN_HORIZON_DAYS_LIMIT.fallback }));
    churnHorizonDays = CHURN_HORIZON_DAYS_LIMIT.fallback;
  }
  return { model, churnHorizonDays, timeUnit, unitDays: UNIT_DAYS[timeUnit], horizonMonths, discountRate, margin, notes };
}

/**
 * Runs the stage and fills the customers' prediction fields in place.
 * @param analysis the scored analysis (its customers are updated)
 * @param transactions normalised lines (empty for customer-level input)
 * @param options the user's options
 * @param given histories from customer-level input that carries the model summary
 * @returns Analysis.clv
 */
export function runClv(analysis: Analysis, transactions: ModelLines, options: AnalysisOptions, given?: Histories): ClvAnalysis {
  const s = resolve(options);
  if (hasNoLines(transactions) && !given) {
    return { status: 'skipped', ...keyedReason('predict.reason.customerInput'), timeUnit: s.timeUnit };
  }
  const lastDay = analysis.settings.analysisDate - 1;
  const histories = given ?? buildHistories(transactions, lastDay);
  const groups = groupPatterns(histories.x, histories.recencyDays, histories.ageDays, s.unitDays);
  const data = choiceData(transactions, histories, lastDay, s);
  const models = fitModels(groups, s, data);
  if ('reason' in models) return { status: 'skipped', ...asReason(models.reason), timeUnit: s.timeUnit };
  const spend = fitSpend(histories, s.notes);
  const forecast = forecastModel(models.main, groups, s);
  if (![forecast.pAlive, forecast.expected30d, forecast.expected90d, forecast.discountedPurchases, forecast.pNoPurchase].every((a) => a.every(Number.isFinite))) {
    return { status: 'skipped', ...keyedReason('predict.reason.notFinite'), timeUnit: s.timeUnit };
  }
  const thresholds = resolveChurnThresholds(options.churnThresholds);
  const bins = analysis.settings.bins;
  const { totals, keptNothingCount } = fillCustomers(analysis.customers, { histories, groups, spend, forecast, thresholds, margin: s.margin, horizonDays: s.churnHorizonDays, lastDay, bins });
  if (keptNothingCount > 0) s.notes.push(note('predict.note.keptNothing', { customerCount: keptNothingCount }));
  const churn = summariseChurn(analysis.customers, thresholds, models.main.model, s.churnHorizonDays);
  if (options.churnHorizonDays === undefined) s.notes.push(...horizonNotes(histories, s.churnHorizonDays));
  if (churn.dropoutUnseparated) s.notes.push(note('predict.note.noDropout', { horizon: s.churnHorizonDays, expectedCount: Math.round(churn.expectedNoPurchase) }));
  const report: ClvReport = {
    status: 'ok', model: models.main.model, timeUnit: s.timeUnit, unitDays: s.unitDays, calibrationEnd: lastDay,
    horizonMonths: s.horizonMonths, discountRate: s.discountRate,
    profitBasis: s.margin !== undefined ? 'margin' : histories.hasCost.some((v) => v === 1) ? 'cost' : 'revenue',
    fits: models.fits, spend: spend.report, notes: s.notes.map((n) => n.text), keyedNotes: s.notes, totals,
    topCustomers: topCustomers(analysis.customers),
    churn,
  };
  if (models.choice) report.modelChoice = models.choice;
  if (s.margin !== undefined) report.margin = s.margin;
  if (options.holdoutFrom !== undefined) report.holdout = runHoldout(transactions, models.main.model, options.holdoutFrom, lastDay, s.unitDays);
  report.backtest = checkStage(transactions, histories, lastDay, options, s, data);
  return report;
}

/**
 * The model check alone, as runClv makes it (report.backtest): a host with a second thread runs it
 * there beside the rest of the stage, on the same lines and options, and puts the result in place
 * of runClv's (which it asked to skip with `backtest: false`). The check depends on nothing else
 * runClv computes: under `auto` it makes its own choice on its calibration days; under a fixed
 * model it fits that model.
 * @param lines the analysis window's lines or day columns (not empty)
 * @param analysisDate the analysis date (lines before it are used)
 * @param options the user's options (backtest not false, model not off)
 * @returns the scorecard or why it was not made, equal to runClv's report.backtest
 */
export function modelCheck(lines: ModelLines, analysisDate: DayNumber, options: AnalysisOptions): ClvReport['backtest'] {
  const s = resolve(options);
  const lastDay = analysisDate - 1;
  const histories = buildHistories(lines, lastDay);
  return checkStage(lines, histories, lastDay, options, s, choiceData(lines, histories, lastDay, s));
}

/** The model check with the run's settings and churn thresholds: runClv's and modelCheck's one way to make it. */
function checkStage(lines: ModelLines, histories: Histories, lastDay: number, options: AnalysisOptions, s: Resolved, data: ChoiceData | undefined): ClvReport['backtest'] {
  return backtestStage(lines, histories, lastDay, options, s.churnHorizonDays, windowScorer(s, resolveChurnThresholds(options.churnThresholds), data));
}

/** What auto's inner backtest needs of the history; undefined without lines (customer-level input). */
function choiceData(lines: ModelLines, histories: Histories, lastDay: number, s: Resolved): ChoiceData | undefined {
  if (hasNoLines(lines)) return undefined;
  const firstDay = histories.firstDay.reduce((a, b) => Math.min(a, b), Infinity);
  return { transactions: lines, firstDay, lastDay, horizonDays: s.churnHorizonDays, unitDays: s.unitDays };
}

/** A note when customers usually buy less often than the default churn horizon (horizonAdvice.ts). */
function horizonNotes(h: Histories, horizonDays: number): Note[] {
  const gap = medianGapDays(h.x, h.recencyDays);
  const suggested = suggestedHorizonDays(horizonDays, gap);
  return suggested === null ? [] : [note('predict.note.horizonShort', { horizon: horizonDays, gap: Math.round(gap as number), suggested })];
}

/** The fitted purchase model behind every figure, the other candidates' fits, and auto's choice. */
interface FittedModels {
  main: AnyPurchaseFit;
  fits: ClvReport['fits'];
  choice?: ModelChoice;
}

/**
 * Fits the chosen model, or under `auto` the one the inner backtest (autoChoice.ts) chooses on
 * `data`, falling back to the likelihood rule (modelFit.ts) when it cannot run; adds notes on the
 * choice and on penalised fits.
 */
function fitModels(groups: PurchaseGroups, s: Resolved, data?: ChoiceData): FittedModels | { reason: Note } {
  if (s.model !== 'auto') {
    const main = fitModelOrExplain(s.model, groups);
    if ('reason' in main) return main;
    if (main.penalty > 0) s.notes.push(note('predict.note.penalised', { modelKey: `predict.model.${main.model}`, penalty: main.penalty }));
    return { main, fits: { [main.model]: fitReport(main) } };
  }
  const inner = data ? chooseByInnerBacktest(data) : { fallback: note('predict.autoFallback.noLines') };
  const fitted = 'choice' in inner ? refitChosen(groups, inner) : byLikelihood(groups, inner.fallback);
  if ('reason' in fitted) return fitted;
  s.notes.push(...fitted.notes);
  if (fitted.main.penalty > 0) s.notes.push(note('predict.note.penalised', { modelKey: `predict.model.${fitted.main.model}`, penalty: fitted.main.penalty }));
  return fitted;
}

/** Candidates' fits by model, as the choice rules take them. */
type Candidates = Partial<Record<PurchaseModelName, AnyPurchaseFit | { reason: Note }>>;

/** The chosen model fitted on everyone, the report's fits (the others' are their comparison fits) and the notes. */
function withFits(chosen: AnyPurchaseFit, candidates: Candidates, choice: ModelChoice, notes: Note[]): FittedModels & { notes: Note[] } {
  const fits: ClvReport['fits'] = {};
  for (const name of MODEL_ORDER) {
    const fit = name === choice.chosen ? chosen : candidates[name];
    if (fit && !('reason' in fit)) fits[name] = fitReport(fit);
  }
  return { main: chosen, fits, choice, notes };
}

/**
 * Under the inner backtest's choice: the winner refitted on the whole history, from its inner fit.
 * The report's fits are always fits on the whole history: with up to AUTO_SAMPLE_CUSTOMERS
 * customers the other candidates are refitted too (cheap, and what a user compares with published
 * fits); above that only the winner is (the others' inner-day results stay in `modelChoice`).
 */
function refitChosen(groups: PurchaseGroups, inner: InnerBacktest): (FittedModels & { notes: Note[] }) | { reason: Note } {
  const warmFrom = (name: PurchaseModelName) => {
    const fit = inner.fits[name];
    return fit && !('reason' in fit) && fit.penalty === 0 ? fit.params : undefined;
  };
  const main = fitModelOrExplain(inner.choice.chosen, groups, warmFrom(inner.choice.chosen));
  if ('reason' in main) return main;
  const everyone: Candidates = { [main.model]: main };
  if (samplePatterns(groups, AUTO_SAMPLE_CUSTOMERS).groups === groups) {
    for (const name of MODEL_ORDER) if (name !== main.model && inner.fits[name]) everyone[name] = fitModelOrExplain(name, groups, warmFrom(name));
  }
  return withFits(main, everyone, inner.choice, [backtestChoiceNote(inner.choice)]);
}

/** The likelihood rule (the fallback): the three on a sample of the whole history, the winner refitted on everyone. */
function byLikelihood(groups: PurchaseGroups, fallback: Note): (FittedModels & { notes: Note[] }) | { reason: Note } {
  const sample = samplePatterns(groups, AUTO_SAMPLE_CUSTOMERS);
  const candidates: Candidates = {};
  for (const name of MODEL_ORDER) {
    // the modified model's r and α are close to the BG/NBD's: starting from them halves its iterations
    const bg = candidates.bgnbd;
    const warm = name === 'mbgnbd' && bg && !('reason' in bg) && bg.model === 'bgnbd' && bg.penalty === 0 ? { ...bg.params, a: 1, b: 1 } : undefined;
    candidates[name] = fitModelOrExplain(name, sample.groups, warm);
  }
  const choice = chooseModel(candidates);
  if (!choice) {
    const first = candidates.bgnbd;
    return first && 'reason' in first ? first : { reason: note('predict.reason.notFinite') };
  }
  choice.fallback = fallback.text;
  const onSample = candidates[choice.chosen] as AnyPurchaseFit;
  // on a sample, refit the chosen model on everyone from its sample fit
  const refit = sample.groups === groups ? onSample : fitModelOrExplain(choice.chosen, groups, onSample.penalty === 0 ? onSample.params : undefined);
  if ('reason' in refit) return refit;
  return withFits(refit, candidates, choice, [choiceNote(choice), wrapping('predict.note.autoFallback', fallback)]);
}

/** "model chosen automatically: Pareto/NBD, whose ranking … (AUC 0.771; next best BG/NBD: 0.757 …)". */
function backtestChoiceNote(choice: ModelChoice): Note {
  const inner = choice.innerBacktest as NonNullable<ModelChoice['innerBacktest']>;
  const auc = (m: PurchaseModelName): number => Math.round((inner.auc[m] as number) * 1000) / 1000;
  const params = { modelKey: `predict.model.${choice.chosen}`, auc: auc(choice.chosen), days: inner.holdoutDays, customerCount: inner.customers };
  const others = MODEL_ORDER.filter((m) => m !== choice.chosen && inner.auc[m] !== undefined).sort((a, b) => (inner.auc[b] as number) - (inner.auc[a] as number));
  if (others.length === 0) return note('predict.note.autoBacktestOnly', params);
  const key = choice.why === 'tieOrder' ? 'predict.note.autoBacktestTie' : 'predict.note.autoBacktest';
  return note(key, { ...params, runnerUpKey: `predict.model.${others[0]}`, runnerUpAuc: auc(others[0]), tie: inner.aucTie });
}

/** "model chosen automatically: Pareto/NBD, the best fit … (log-likelihood −9,595.0; next best BG/NBD: −9,602.1 …)". */
function choiceNote(choice: ModelChoice): Note {
  const ll = (m: PurchaseModelName): number => Math.round((choice.logLikelihoods[m] as number) * 10) / 10;
  const others = MODEL_ORDER.filter((m) => m !== choice.chosen && choice.logLikelihoods[m] !== undefined).sort((a, b) => ll(b) - ll(a));
  const params = { modelKey: `predict.model.${choice.chosen}`, logLikelihood: ll(choice.chosen) };
  if (others.length === 0) return note('predict.note.autoChoiceOnly', params);
  return note('predict.note.autoChoice', { ...params, runnerUpKey: `predict.model.${others[0]}`, runnerUpLogLikelihood: ll(others[0]) });
}

export { DEFAULT_CHURN_HORIZON_DAYS } from './clv';

/** The backtest unless turned off or the input has no dated lines (a customer-level summary). */
function backtestStage(
  transactions: ModelLines,
  histories: Histories,
  lastDay: number,
  options: AnalysisOptions,
  horizonDays: number,
  scorer: WindowScorer,
): ClvReport['backtest'] {
  if (options.backtest === false) return { status: 'skipped', ...keyedReason('predict.backtest.off') };
  if (hasNoLines(transactions)) return { status: 'skipped', ...keyedReason('predict.backtest.noLines') };
  const firstDay = histories.firstDay.reduce((a, b) => Math.min(a, b), Infinity);
  return runBacktest(transactions, { firstDay, lastDay, horizonDays }, scorer);
}

/**
 * The backtest's model side: under auto, the auto rule run again on the calibration days only (its
 * inner backtest must not see the held-out days the check scores); otherwise the run's model. Same
 * time unit and churn thresholds, fitted on the calibration histories and scored over the horizon
 * with the same P(no purchase) and status rule as the customers.
 */
function windowScorer(s: Resolved, thresholds: { active: number; churned: number }, data?: ChoiceData): WindowScorer {
  return (calibration: Histories, horizonDays: number) => {
    const groups = groupPatterns(calibration.x, calibration.recencyDays, calibration.ageDays, s.unitDays);
    // without lines (never reached: backtestStage needs them) auto would fall back to likelihood
    const inner = s.model === 'auto' && data !== undefined ? { ...data, lastDay: data.lastDay - horizonDays } : undefined;
    const models = fitModels(groups, { ...s, notes: [] }, inner);
    if ('reason' in models) return models;
    const fit = models.main;
    const t = horizonDays / s.unitDays;
    const aliveOf = Array.from(groups.x, (x, g) => modelPAlive(fit, x, groups.tx[g], groups.T[g]));
    const expectedOf = Array.from(groups.x, (x, g) => modelExpected(fit, t, x, groups.tx[g], groups.T[g]));
    const noPurchaseOf = Array.from(groups.x, (x, g) => pNoPurchase(fit, x, groups.tx[g], groups.T[g], t));
    const perCustomer = (of: number[]): Float64Array => Float64Array.from(groups.groupOf, (g) => of[g]);
    const noPurchase = perCustomer(noPurchaseOf);
    return {
      model: fit.model,
      pAlive: perCustomer(aliveOf),
      pNoPurchase: noPurchase,
      expected: perCustomer(expectedOf),
      churned: noPurchase.map((p0) => (churnStatus(1 - p0, thresholds) === 'Churned' ? 1 : 0)),
    };
  };
}
