/**
 * Public API of the purchase models, CLV and churn (see docs/clv.md). The predictions stage
 * (`addPredictions` in ../predict.ts) uses all of it; cell formulas can call the pieces directly.
 */
export { BGNBD, conditionalExpected, expectedIfAlive, pAlive, unconditionalExpected, type BgParams, type PurchaseModelSpec } from './bgnbd';
export { MBGNBD } from './mbgnbd';
export { expectedSpend, fitGammaGamma, type GammaGammaFit, type GammaGammaParams } from './gammagamma';
export { fitOrExplain, fitPurchaseModel, type PurchaseFit } from './fit';
export { customerClv, forecastModel, forecastPatterns, profitFactor, type ForecastSettings } from './clv';
export { churnStatus, DEFAULT_CHURN_THRESHOLDS, resolveChurnThresholds } from './churn';
export { buildHistories, MONTH_DAYS, UNIT_DAYS, type Histories, type TimeUnit } from './summary';
export { groupPatterns, type PurchaseGroups } from './groups';
export { runHoldout } from './holdout';
export { modelCheck, runClv } from './run';
export { fitModelOrExplain } from './modelFit';
export { AUC_TIE, aucsTied } from './autoChoice';
export type * from './types';
export { modelExpected, modelPAlive, pNoPurchase, type FittedPurchaseModel, type PurchaseModelName } from './models';
export { pnbdExpectedIfAlive, pnbdLogLikelihood, pnbdPAlive, pnbdPurchaseIfAlive, type PnbdParams } from './paretonbd';
