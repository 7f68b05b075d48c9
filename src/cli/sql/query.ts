/**
 * `rfm sql`: one query that computes, inside the user's engine, the customer table of
 * `rfm analyze` (columns named as in its CSV) with the engine's definitions:
 * - purchase = amount > 0, or amount = 0 without a negative quantity (a free item), unless zero
 *   amounts are skipped; a return (amount < 0, or a negative quantity) only lowers revenue;
 * - only lines dated before the analysis date count; the default analysis date is the day after
 *   the latest line that is not after today;
 * - F = distinct orders among purchases (a purchase line without an order id is an order);
 *   M = net revenue, summed as whole ten-thousandths as the engine does (exact for money);
 *   L, R in days from the first and last purchase to the analysis date;
 * - scores by R `rfm` 0.3.0's rule: type-7 quantiles at k/bins computed with R's own steps
 *   ((1 − h)·x[lo] + h·x[hi]), plus one; bin = 1 + #(cuts ≤ value), reversed for recency;
 * - segment by the rule table (first match wins, else Others); value and loyalty quadrants by the
 *   split rule (mean, median or middle score);
 * - the purchase-model summary (x = distinct purchase days after the first, t_x, T in days, mean
 *   repeat spend per purchase day), which `rfm analyze --input-kind customers` turns into models.
 * Customers with returns but no purchase are left out, as the engine reports and skips them.
 */
import type { SegmentRule, SplitRule, Thresholds } from '../../engine';
import { defaultSegmentRules } from '../../engine';
import { dialectOf, type Dialect, type DialectName } from './dialects';
import { UsageError } from '../optionValues';

/** The source table's columns, by the user's names. */
export interface SqlColumns {
  customer: string;
  date: string;
  /** The line's amount; or give quantity and price. */
  amount?: string;
  quantity?: string;
  price?: string;
  order?: string;
}

/** What `rfm sql` needs to write its query. */
export interface SqlOptions {
  dialect: DialectName;
  /** The table (or view), as the engine names it: `sales`, `shop.sales`, `project.dataset.sales`. */
  table: string;
  columns: SqlColumns;
  /** YYYY-MM-DD; default the day after the latest line not after today. */
  analysisDate?: string;
  bins?: number;
  /** The user's cut points per dimension (as --thresholds); quantiles where absent. */
  thresholds?: Thresholds;
  split?: SplitRule;
  zeroAmounts?: 'purchase' | 'skip';
  segmentRules?: readonly SegmentRule[];
}

/** The columns the query returns, in order: the CSV's first fifteen, then the model summary. */
export const SQL_RESULT_COLUMNS = [
  'customer', 'first_purchase', 'last_purchase', 'length_days', 'recency_days', 'frequency', 'monetary',
  'l_score', 'r_score', 'f_score', 'm_score', 'rfm_code', 'segment', 'value_quadrant', 'loyalty_quadrant',
  'repeat_purchases', 'repeat_span_days', 'age_days', 'mean_repeat_spend',
] as const;

/** Scale at which amounts are summed as integers: the engine's (engine/customers.ts REVENUE_SCALE). */
const REVENUE_SCALE = 10000;

/** The four scored dimensions: result column, metric column, scored upward or reversed. */
const DIMENSIONS = [
  { key: 'length', score: 'l_score', metric: 'length_days', reverse: false },
  { key: 'recency', score: 'r_score', metric: 'recency_days', reverse: true },
  { key: 'frequency', score: 'f_score', metric: 'frequency', reverse: false },
  { key: 'monetary', score: 'm_score', metric: 'monetary', reverse: false },
] as const;

/** A table reference is names joined by dots, each plain or quoted: nothing that could end the query. */
const TABLE_NAME = /^(?:[A-Za-z_][\w$-]*|"[^"]+"|`[^`]+`)(?:\.(?:[A-Za-z_][\w$-]*|"[^"]+"|`[^`]+`))*$/;

/**
 * Writes the query.
 * @param options dialect, table, columns and the analysis settings
 * @returns one SELECT statement (with CTEs), ending in a newline
 * @throws UsageError naming the option when the table name or a column is unusable
 */
export function customerTableSql(options: SqlOptions): string {
  const d = dialectOf(options.dialect);
  if (!TABLE_NAME.test(options.table)) throw new UsageError(`--table: '${options.table}' is not a table name (letters, digits, _ and dots, or quoted names)`);
  const bins = options.bins ?? 5;
  const ctes = [
    `src AS (\n${sourceSelect(d, options)}\n)`,
    `bounds AS (\n${boundsSelect(d, options.analysisDate)}\n)`,
    `lines AS (\n  SELECT s.customer, s.d, s.order_id, s.units, s.is_purchase, b.analysis_date\n  FROM src s CROSS JOIN bounds b\n  WHERE s.d < b.analysis_date\n)`,
    `per_customer AS (\n${perCustomerSelect(d)}\n)`,
    `purchase_days AS (\n${purchaseDaysSelect()}\n)`,
    `history AS (\n${historySelect(d)}\n)`,
    `metrics AS (\n${metricsSelect(d)}\n)`,
    ...DIMENSIONS.flatMap((dim) => cutCtes(d, dim.key, dim.metric, bins, options.thresholds?.[dim.key])),
    `splits AS (\n${splitsSelect(d, options.split ?? 'mean', bins)}\n)`,
    `scored AS (\n${scoredSelect(d, bins)}\n)`,
  ];
  const rules = options.segmentRules ?? defaultSegmentRules();
  return `WITH\n${ctes.join(',\n')}\n${finalSelect(d, rules, options.split ?? 'mean')}\n`;
}

/** One string literal, quotes doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A double literal that reads back as exactly the same double (17 significant digits). */
function doubleLiteral(d: Dialect, value: number): string {
  return `CAST(${value.toPrecision(17)} AS ${d.double})`;
}

/** The source lines: normalised id, day, order id, amount in ten-thousandths, purchase flag. */
function sourceSelect(d: Dialect, o: SqlOptions): string {
  const c = o.columns;
  const col = (name: string): string => `t.${d.ident(name)}`;
  if (c.amount === undefined && (c.quantity === undefined || c.price === undefined)) {
    throw new UsageError('--amount, or both --quantity and --price, must name columns');
  }
  const amount = c.amount !== undefined ? `CAST(${col(c.amount)} AS ${d.double})` : `CAST(${col(c.quantity!)} AS ${d.double}) * CAST(${col(c.price!)} AS ${d.double})`;
  const quantity = c.quantity !== undefined ? `CAST(${col(c.quantity)} AS ${d.double})` : `CAST(NULL AS ${d.double})`;
  const zeroIsPurchase = (o.zeroAmounts ?? 'purchase') === 'purchase';
  const trimmed = `NULLIF(TRIM(CAST(${col(c.customer)} AS ${d.text})), '')`;
  const id = `TRANSLATE(${d.stripZeroDecimals(trimmed)}, '${PERSIAN_FROM}', '${PERSIAN_TO}')`;
  const order = c.order !== undefined ? `NULLIF(TRIM(CAST(${col(c.order)} AS ${d.text})), '')` : `CAST(NULL AS ${d.text})`;
  const raw = [
    '    SELECT',
    `      ${id} AS customer,`,
    `      CAST(${col(c.date)} AS DATE) AS d,`,
    `      ${order} AS order_id,`,
    `      ${amount} AS amount,`,
    `      ${quantity} AS quantity`,
    `    FROM ${o.table} t`,
    `    WHERE ${col(c.customer)} IS NOT NULL AND ${col(c.date)} IS NOT NULL`,
  ];
  return [
    '  SELECT customer, d, order_id,',
    `    CAST(ROUND(amount * ${REVENUE_SCALE}) AS ${d.bigint}) AS units,`,
    `    CASE WHEN amount > 0 THEN 1${zeroIsPurchase ? ' WHEN amount = 0 AND COALESCE(quantity, 0) >= 0 THEN 1' : ''} ELSE 0 END AS is_purchase`,
    '  FROM (',
    ...raw,
    '  ) raw',
    '  WHERE amount IS NOT NULL',
  ].join('\n');
}

/** Persian and Arabic-Indic digits and Arabic yeh/kaf, written as the engine writes them in ids. */
const PERSIAN_FROM = '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يىك';
const PERSIAN_TO = '01234567890123456789ییک';

/** The analysis date: given, or the day after the latest line that is not after today. */
function boundsSelect(d: Dialect, analysisDate?: string): string {
  if (analysisDate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(analysisDate)) throw new UsageError(`--analysis-date: '${analysisDate}' is not a date (YYYY-MM-DD)`);
    return `  SELECT DATE ${literal(analysisDate)} AS analysis_date`;
  }
  return `  SELECT ${d.addDays('MAX(d)', 1)} AS analysis_date\n  FROM src\n  WHERE d <= ${d.today} AND customer IS NOT NULL`;
}

/** First and last purchase, orders among purchases, net revenue. */
function perCustomerSelect(d: Dialect): string {
  return [
    '  SELECT customer, MAX(analysis_date) AS analysis_date,',
    '    MIN(CASE WHEN is_purchase = 1 THEN d END) AS first_purchase,',
    '    MAX(CASE WHEN is_purchase = 1 THEN d END) AS last_purchase,',
    '    COUNT(DISTINCT CASE WHEN is_purchase = 1 THEN order_id END)',
    '      + SUM(CASE WHEN is_purchase = 1 AND order_id IS NULL THEN 1 ELSE 0 END) AS frequency,',
    `    CAST(SUM(units) AS ${d.double}) / ${REVENUE_SCALE} AS monetary`,
    '  FROM lines',
    '  WHERE customer IS NOT NULL',
    '  GROUP BY customer',
  ].join('\n');
}

/** Each customer's days with a purchase, the day's net amount (same-day returns included), numbered. */
function purchaseDaysSelect(): string {
  return [
    '  SELECT customer, d, day_units, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY d) AS day_index',
    '  FROM (',
    '    SELECT customer, d, SUM(units) AS day_units, MAX(is_purchase) AS bought',
    '    FROM lines',
    '    WHERE customer IS NOT NULL',
    '    GROUP BY customer, d',
    '  ) days',
    '  WHERE bought = 1',
  ].join('\n');
}

/** The purchase-model summary per customer, in days (engine/clv/summary.ts). */
function historySelect(d: Dialect): string {
  return [
    '  SELECT customer,',
    '    COUNT(*) - 1 AS repeat_purchases,',
    `    ${d.daysBetween('MIN(d)', 'MAX(d)')} AS repeat_span_days,`,
    `    CASE WHEN COUNT(*) > 1 THEN CAST(SUM(CASE WHEN day_index > 1 THEN day_units ELSE 0 END) AS ${d.double}) / ${REVENUE_SCALE} / (COUNT(*) - 1) ELSE 0 END AS mean_repeat_spend`,
    '  FROM purchase_days',
    '  GROUP BY customer',
  ].join('\n');
}

/** L, R, F, M of customers with at least one purchase. */
function metricsSelect(d: Dialect): string {
  return [
    '  SELECT p.customer, p.first_purchase, p.last_purchase,',
    `    ${d.daysBetween('p.first_purchase', 'p.analysis_date')} AS length_days,`,
    `    ${d.daysBetween('p.last_purchase', 'p.analysis_date')} AS recency_days,`,
    '    p.frequency, p.monetary,',
    '    h.repeat_purchases, h.repeat_span_days,',
    `    ${d.daysBetween('p.first_purchase', 'p.analysis_date')} - 1 AS age_days,`,
    '    h.mean_repeat_spend',
    '  FROM per_customer p',
    '  JOIN history h ON h.customer = p.customer',
    '  WHERE p.frequency > 0',
  ].join('\n');
}

/**
 * The cut points of one dimension as a one-row CTE `cuts_<key>` with columns c1 … c(bins−1):
 * the user's thresholds as given, else R's type-7 quantiles plus one, with R's floating-point steps.
 */
function cutCtes(d: Dialect, key: string, metric: string, bins: number, own?: readonly number[]): string[] {
  const names = Array.from({ length: bins - 1 }, (_, i) => `c${i + 1}`);
  if (own) return [`cuts_${key} AS (\n  SELECT ${own.map((v, i) => `${doubleLiteral(d, v)} AS ${names[i]}`).join(', ')}\n)`];
  return [
    `ranked_${key} AS (\n  SELECT CAST(${metric} AS ${d.double}) AS v, ROW_NUMBER() OVER (ORDER BY ${metric}) AS rn, COUNT(*) OVER () AS n\n  FROM metrics\n)`,
    `quantiles_${key} AS (\n${quantileSelect(d, key, bins)}\n)`,
    `cuts_${key} AS (\n  SELECT ${names.map((n, i) => `MAX(CASE WHEN k = ${i + 1} THEN q + 1 END) AS ${n}`).join(', ')}\n  FROM quantiles_${key}\n)`,
  ];
}

/** R's `quantile(type = 7)` at p = k · (1 / bins) for k = 1 … bins − 1, one row per k. */
function quantileSelect(d: Dialect, key: string, bins: number): string {
  const step = 1 / bins;
  const probabilities = Array.from({ length: bins - 1 }, (_, i) => `SELECT ${i + 1} AS k, ${doubleLiteral(d, (i + 1) * step)} AS p`).join(' UNION ALL ');
  return [
    '  SELECT k, CASE WHEN i.idx > i.lo AND hi.v <> lo.v THEN (1 - (i.idx - i.lo)) * lo.v + (i.idx - i.lo) * hi.v ELSE lo.v END AS q',
    '  FROM (',
    `    SELECT k, idx, CAST(FLOOR(idx) AS ${d.bigint}) AS lo, CAST(CEIL(idx) AS ${d.bigint}) AS hi`,
    `    FROM (SELECT k, 1 + CAST(n - 1 AS ${d.double}) * p AS idx FROM (${probabilities}) probs CROSS JOIN (SELECT MAX(n) AS n FROM ranked_${key}) counts) indexes`,
    '  ) i',
    `  JOIN ranked_${key} lo ON lo.rn = i.lo`,
    `  JOIN ranked_${key} hi ON hi.rn = i.hi`,
  ].join('\n');
}

/** The split of each matrix metric: mean, type-7 median, or the middle score. */
function splitsSelect(d: Dialect, rule: SplitRule, bins: number): string {
  const metrics = ['frequency', 'monetary', 'length_days', 'recency_days'];
  if (rule === 'score') return `  SELECT ${metrics.map((m) => `${doubleLiteral(d, (bins + 1) / 2)} AS ${m}`).join(', ')}`;
  if (rule === 'mean') {
    // the engine sums in one pass and divides once: for whole numbers (F, L, R) that is exact, then one rounding
    return `  SELECT ${metrics.map((m) => `CAST(SUM(${m}) AS ${d.double}) / COUNT(*) AS ${m}`).join(', ')}\n  FROM metrics`;
  }
  const medians = metrics.map((m) => [
    `(SELECT CASE WHEN i.idx > i.lo AND hi.v <> lo.v THEN (1 - (i.idx - i.lo)) * lo.v + (i.idx - i.lo) * hi.v ELSE lo.v END`,
    ` FROM (SELECT idx, CAST(FLOOR(idx) AS ${d.bigint}) AS lo, CAST(CEIL(idx) AS ${d.bigint}) AS hi FROM (SELECT 1 + CAST(COUNT(*) - 1 AS ${d.double}) * 0.5 AS idx FROM metrics) x) i`,
    ` JOIN (SELECT CAST(${m} AS ${d.double}) AS v, ROW_NUMBER() OVER (ORDER BY ${m}) AS rn FROM metrics) lo ON lo.rn = i.lo`,
    ` JOIN (SELECT CAST(${m} AS ${d.double}) AS v, ROW_NUMBER() OVER (ORDER BY ${m}) AS rn FROM metrics) hi ON hi.rn = i.hi) AS ${m}`,
  ].join('\n    '));
  return `  SELECT\n    ${medians.join(',\n    ')}`;
}

/** 1 + #(cuts ≤ value), or bins − #(cuts ≤ value) for recency. */
function scoreExpression(key: string, metric: string, bins: number, reverse: boolean): string {
  const below = Array.from({ length: bins - 1 }, (_, i) => `CASE WHEN m.${metric} >= cuts_${key}.c${i + 1} THEN 1 ELSE 0 END`).join(' + ');
  return reverse ? `${bins} - (${below})` : `1 + ${below}`;
}

/** Metrics with their four scores. */
function scoredSelect(d: Dialect, bins: number): string {
  void d;
  return [
    '  SELECT m.*,',
    ...DIMENSIONS.map((dim, i) => `    ${scoreExpression(dim.key, dim.metric, bins, dim.reverse)} AS ${dim.score}${i < DIMENSIONS.length - 1 ? ',' : ''}`),
    '  FROM metrics m',
    ...DIMENSIONS.map((dim) => `  CROSS JOIN cuts_${dim.key}`),
  ].join('\n');
}

/** The segment CASE: the rules in order, first match wins, else Others. */
function segmentCase(rules: readonly SegmentRule[]): string {
  const within = (col: string, [lo, hi]: readonly [number, number]): string => `${col} BETWEEN ${lo} AND ${hi}`;
  const whens = rules.map((r) => `WHEN ${within('s.r_score', r.recency)} AND ${within('s.f_score', r.frequency)} AND ${within('s.m_score', r.monetary)} THEN ${literal(r.name)}`);
  return `CASE\n      ${whens.join('\n      ')}\n      ELSE 'Others'\n    END`;
}

/** The result rows, in the CSV's column order. */
function finalSelect(_d: Dialect, rules: readonly SegmentRule[], split: SplitRule): string {
  // the score split compares scores with the middle score; mean and median compare the metrics
  const [f, m, l, r] = split === 'score' ? ['s.f_score', 's.m_score', 's.l_score', 's.r_score'] : ['s.frequency', 's.monetary', 's.length_days', 's.recency_days'];
  const highR = split === 'score' ? `${r} > x.recency_days` : `${r} < x.recency_days`;
  return [
    'SELECT',
    '  s.customer, s.first_purchase, s.last_purchase, s.length_days, s.recency_days, s.frequency, s.monetary,',
    '  s.l_score, s.r_score, s.f_score, s.m_score,',
    '  100 * s.r_score + 10 * s.f_score + s.m_score AS rfm_code,',
    `  ${segmentCase(rules)} AS segment,`,
    `  CASE WHEN ${f} > x.frequency AND ${m} > x.monetary THEN 'Best' WHEN ${m} > x.monetary THEN 'High-spending' WHEN ${f} > x.frequency THEN 'Frequent' ELSE 'Uncertain' END AS value_quadrant,`,
    `  CASE WHEN ${l} > x.length_days AND ${highR} THEN 'Loyal' WHEN ${l} > x.length_days THEN 'Potential' WHEN ${highR} THEN 'New' ELSE 'Uncertain' END AS loyalty_quadrant,`,
    '  s.repeat_purchases, s.repeat_span_days, s.age_days, s.mean_repeat_spend',
    'FROM scored s',
    'CROSS JOIN splits x',
    `ORDER BY s.customer`,
  ].join('\n');
}
