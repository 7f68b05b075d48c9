/**
 * The Migration sheet (issue 14), when the analysis compared with an earlier date: a one-line
 * headline (the largest move down), the dates and the count of new customers, the segment-to-
 * segment matrices of customers and of their revenue (rows: the segment before, last row the new
 * customers; columns: the segment now) as heatmaps, and the customers who moved to a worse segment,
 * highest revenue first.
 */
import { t, type Lang } from '../i18n';
import type { Analysis } from '../engine';
import { largestMoveDown, type MigrationResult } from '../engine';
import type { Block, PlanValue, SheetPlan } from './plan';
import { HEAT_HIGH, HEAT_LOW, INTEGER_FORMAT, MONEY_FORMAT, dateFormat, dayToSerial, finiteOrNull } from './formats';
import { formatForText, segmentLookup, type SegmentLookup } from './labels';
import { cells, colorScale, emptySheet, rowAfter, rowBelow, table } from './sheet';

/** Name of the table of customers who moved down. */
export const MOVED_DOWN_TABLE = 'MigrationMovedDown';

/**
 * The one-line summary of a migration: "41 Champions slipped to At Risk" (the largest group of
 * customers moving to one worse segment), or that nobody moved down.
 * @param migration the migration report
 * @param lookup segment display names in the language
 * @param lang output language
 * @example migrationHeadline(analysis.migration, segmentLookup(rules, 'en'), 'en') // '41 Champions slipped to At Risk'
 */
export function migrationHeadline(migration: MigrationResult, lookup: SegmentLookup, lang: Lang): string {
  const move = largestMoveDown(migration);
  if (!move) return t(lang, 'report.migration.headline.zero');
  const key = move.customers === 1 ? 'report.migration.headline.one' : 'report.migration.headline';
  return t(lang, key, { count: formatForText(move.customers, lang), from: lookup(move.from).label, to: lookup(move.to).label });
}

/** A matrix block: header row of the segments now, one row per segment before and the new customers. */
function matrixBlocks(sheet: SheetPlan, migration: MigrationResult, lookup: SegmentLookup, lang: Lang, row: number, field: 'customers' | 'revenue'): Block[] {
  const names = migration.segments.map((s) => lookup(s).label);
  const format = field === 'customers' ? INTEGER_FORMAT : MONEY_FORMAT;
  const header: PlanValue[] = [t(lang, 'report.migration.corner'), ...names];
  const rowLabels = [...names, t(lang, 'report.migration.new')];
  const body: PlanValue[][] = migration[field].map((values, i) => [rowLabels[i], ...values.map((v) => finiteOrNull(v))]);
  sheet.colorScales.push(colorScale({ row: row + 2, column: 1, rows: body.length, columns: names.length }, HEAT_LOW, HEAT_HIGH));
  return [
    cells(row, 0, [[t(lang, `report.migration.${field}`)]], 'heading'),
    cells(row + 1, 0, [header], 'heading'),
    cells(row + 2, 0, body, 'label', [null, ...names.map(() => format)]),
  ];
}

/** The table of customers who moved down, or a note when there are none. */
function movedDownBlocks(migration: MigrationResult, lookup: SegmentLookup, lang: Lang, row: number): Block[] {
  const heading = cells(row, 0, [[t(lang, 'report.migration.movedDown')]], 'heading');
  const rule = cells(row + 1, 0, [[t(lang, 'report.migration.rule')]], 'body');
  if (migration.movedDown.length === 0) return [heading, rule, cells(row + 2, 0, [[t(lang, 'report.migration.headline.zero')]], 'body')];
  const columns = [
    { header: t(lang, 'report.col.customer'), format: '@' },
    { header: t(lang, 'report.col.previous_segment'), format: null },
    { header: t(lang, 'report.col.segment'), format: null },
    { header: t(lang, 'report.col.revenue'), format: MONEY_FORMAT },
    { header: t(lang, 'report.col.clv'), format: MONEY_FORMAT },
  ];
  const rows = migration.movedDown.map((m) => [String(m.id), lookup(m.from).label, lookup(m.to).label, finiteOrNull(m.revenue), finiteOrNull(m.clv)]);
  return [heading, rule, table(MOVED_DOWN_TABLE, row + 2, 0, columns, rows)];
}

/**
 * Builds the Migration sheet, or null when the analysis did not compare with an earlier date.
 * O(segments² + customers who moved down).
 * @param analysis the analysis (its `migration`)
 * @param lang output language
 */
export function migrationSheet(analysis: Analysis, lang: Lang): SheetPlan | null {
  const migration = analysis.migration;
  if (!migration) return null;
  const lookup = segmentLookup(analysis.settings.segmentRules, lang);
  const sheet = emptySheet('migration', lang);
  const blocks = sheet.blocks;
  const date = dateFormat(lang);
  blocks.push(cells(0, 0, [[t(lang, 'report.migration.title')]], 'title'));
  blocks.push(cells(1, 0, [[migrationHeadline(migration, lookup, lang)]], 'heading'));
  const facts = cells(3, 0, [
    [t(lang, 'report.migration.compareTo'), dayToSerial(migration.compareTo)],
    [t(lang, 'report.summary.analysisDate'), dayToSerial(analysis.settings.analysisDate)],
    [t(lang, 'report.migration.newCustomers'), migration.newCustomers],
    [t(lang, 'report.migration.movedDownCount'), migration.movedDown.length],
  ], 'label', [[null, date], [null, date], [null, INTEGER_FORMAT], [null, INTEGER_FORMAT]]);
  blocks.push(facts);
  blocks.push(...matrixBlocks(sheet, migration, lookup, lang, rowAfter(facts), 'customers'));
  blocks.push(...matrixBlocks(sheet, migration, lookup, lang, rowBelow(blocks), 'revenue'));
  blocks.push(...movedDownBlocks(migration, lookup, lang, rowBelow(blocks)));
  return sheet;
}
