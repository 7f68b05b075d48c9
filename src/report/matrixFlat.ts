/**
 * The Matrix sheet's flat table (one row per customer: dimensions, then measures) and the
 * PivotTable built from it.
 */
import { t, type Lang } from '../i18n';
import type { Analysis } from '../engine';
import type { PivotSpec, TableBlock } from './plan';
import { INTEGER_FORMAT, MONEY_FORMAT, SCORE_FORMAT, finiteOrNull } from './formats';
import { churnLabel, loyaltyQuadrantLabel, segmentLookup, valueQuadrantLabel } from './labels';
import { table } from './sheet';

/** Name of the flat table (stable across languages). */
export const MATRIX_TABLE = 'MatrixData';
/** Name of the PivotTable. */
export const MATRIX_PIVOT = 'RfmPivot';

const FLAT_COLUMNS: [key: string, format: string | null][] = [
  ['customer', '@'], ['r_score', SCORE_FORMAT], ['f_score', SCORE_FORMAT], ['m_score', SCORE_FORMAT],
  ['l_score', SCORE_FORMAT], ['rfm_code', SCORE_FORMAT], ['segment', null], ['value_quadrant', null],
  ['loyalty_quadrant', null], ['cluster', SCORE_FORMAT], ['churn_status', null], ['monetary', MONEY_FORMAT],
  ['revenue', MONEY_FORMAT], ['frequency', INTEGER_FORMAT], ['recency_days', INTEGER_FORMAT],
];

/**
 * The flat table: one row per customer.
 * @param analysis the analysis
 * @param lang output language
 * @param row header row
 * @param column left column
 */
export function flatTable(analysis: Analysis, lang: Lang, row: number, column: number): TableBlock {
  const segments = segmentLookup(analysis.settings.segmentRules, lang);
  const columns = FLAT_COLUMNS.map(([key, format]) => ({ header: t(lang, `report.col.${key}`), format }));
  const rows = analysis.customers.map((c) => [
    String(c.id), c.recencyScore, c.frequencyScore, c.monetaryScore, finiteOrNull(c.lengthScore), c.rfmCode,
    segments(c.segment).label, valueQuadrantLabel(c.valueQuadrant, lang),
    c.loyaltyQuadrant ? loyaltyQuadrantLabel(c.loyaltyQuadrant, lang) : null, finiteOrNull(c.cluster),
    c.churnStatus ? churnLabel(c.churnStatus, lang) : null, finiteOrNull(c.monetary), finiteOrNull(c.revenue),
    c.frequency, c.recencyDays,
  ]);
  if (rows.length === 0) rows.push(FLAT_COLUMNS.map(() => null));
  return table(MATRIX_TABLE, row, column, columns, rows);
}

/**
 * The R × F PivotTable over the flat table: count of customers and mean monetary.
 * @param flat the flat table block
 * @param row top row of the PivotTable
 * @param column left column
 */
export function pivotSpec(flat: TableBlock, row: number, column: number): PivotSpec {
  const header = (key: string) => flat.header[FLAT_COLUMNS.findIndex(([k]) => k === key)];
  return {
    name: MATRIX_PIVOT,
    sourceTable: flat.name,
    row,
    column,
    rowFields: [header('r_score')],
    columnFields: [header('f_score')],
    dataFields: [
      { field: header('customer'), summarizeBy: 'count' },
      { field: header('monetary'), summarizeBy: 'average' },
    ],
  };
}
