/**
 * The engine's public API: pure TypeScript, no Office, DOM or Node API.
 *
 * - analyze(table, options, onProgress): raw table → Analysis (detection, normalisation, pipeline)
 * - analyzeTransactions / analyzeCustomers: normalised data → Analysis
 * - TransactionStream + analyzeStream: rows folded batch by batch by a host that streams a file
 * - the stages (customers, scores, segments, matrices, summaries), the input side (dates,
 *   numbers, columns, parse, prepareInput) and the predictions stage, for callers that need one part;
 * - calendars (civil, Jalali), cell text helpers, the CLV and cluster models, option limits.
 * Every other layer imports the engine through this file only (eslint.config.mjs enforces it).
 */
export * from './types';
export * from './analyze';
export * from './streamAnalysis';
export * from './customers';
export * from './scores';
export * from './segments';
export * from './matrices';
export * from './summaries';
export * from './input';
export * from './columns';
export * from './dates';
export * from './numbers';
export * from './parse';
export * from './transactionStream';
export * from './parseCustomers';
export * from './skipped';
export * from './predict';
export * from './rowRules';
export * from './window';
export * from './optionLimits';
export * from './currency';
export * from './cellText';
export * from './dateText';
export * from './civil';
export * from './jalali';
export * from './contacts';
export * from './wallet';
export * from './clv';
export * from './clv/spendGuard';
export * from './clusters';
export { inputError, note } from './messages';
export * from './cohorts';
export type { DayColumns, ModelLines } from './modelLines';
export * from './migration';
