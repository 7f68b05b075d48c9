/**
 * `rfm sql`: its options (parsed and checked here, so args.ts only dispatches) and its help.
 * The query itself is sql/query.ts.
 */
import { parseArgs } from 'util';
import { BINS_LIMIT } from '../engine';
import { UsageError, limitedOption, lowerFirst, oneOf, parseThresholds } from './optionValues';
import { DIALECTS, type DialectName } from './sql/dialects';
import type { SqlOptions } from './sql/query';

/** `rfm sql` after parsing. */
export interface SqlCommand {
  kind: 'sql';
  options: SqlOptions;
  /** Output path; undefined = stdout. */
  out?: string;
}

const SQL_OPTIONS = {
  dialect: { type: 'string' },
  table: { type: 'string' },
  customer: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  quantity: { type: 'string' },
  price: { type: 'string' },
  order: { type: 'string' },
  'analysis-date': { type: 'string' },
  bins: { type: 'string' },
  thresholds: { type: 'string' },
  split: { type: 'string' },
  'zero-amounts': { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Help of `rfm sql`. */
export const SQL_HELP = `Usage: rfm sql --dialect ENGINE --table NAME --customer COL --date COL (--amount COL | --quantity COL --price COL) [options]

Prints one SQL query that computes, inside your own engine, the customer table of rfm analyze:
first and last purchase, length, recency, frequency, monetary, the L/R/F/M scores (R rfm's rule),
the RFM code, the segment, the value and loyalty quadrants, and the purchase-model summary
(repeat_purchases, repeat_span_days, age_days, mean_repeat_spend). Save its result as CSV or
Parquet and run  rfm analyze result.csv --input-kind customers  for the models, CLV and the workbook.

      --dialect duckdb|postgres|spark|bigquery|snowflake
      --table NAME           the table or view of order lines (schema.table allowed)
      --customer --date --amount --quantity --price --order   column names in that table
      --analysis-date YYYY-MM-DD   default: the day after the latest line not after today
      --bins N               2..10 (default 5)
      --thresholds "r=...;f=...;m=..."   your own cut points (as rfm analyze)
      --split mean|median|score    quadrant split (default mean)
      --zero-amounts purchase|skip    (default purchase: a free item is a purchase)
  -o, --out FILE             write the query to FILE instead of stdout
See docs/scale.md.
`;

/**
 * Parses the arguments after `rfm sql`.
 * @returns the command, or null when --help was asked
 * @throws UsageError naming the option
 */
export function parseSqlCommand(args: readonly string[]): SqlCommand | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({ args: [...args], options: SQL_OPTIONS, strict: true, allowPositionals: false });
    values = parsed.values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError(`${lowerFirst((err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/^\w*Error \[\w+\]: /, ''))} (see rfm sql --help)`);
  }
  if (values.help) return null;
  const text = (name: keyof typeof SQL_OPTIONS): string | undefined => {
    const v = values[name];
    if (typeof v === 'string' && v.trim() === '') throw new UsageError(`--${name} needs a value`);
    return typeof v === 'string' ? v : undefined;
  };
  const dialect = oneOf('dialect', text('dialect'), DIALECTS) as DialectName | undefined;
  if (!dialect) throw new UsageError(`rfm sql needs --dialect ${DIALECTS.join('|')}`);
  const table = text('table');
  if (!table) throw new UsageError('rfm sql needs --table NAME');
  const customer = text('customer');
  const date = text('date');
  if (!customer || !date) throw new UsageError('rfm sql needs --customer COL and --date COL');
  const amount = text('amount');
  const quantity = text('quantity');
  const price = text('price');
  if (!amount && !(quantity && price)) throw new UsageError('rfm sql needs --amount COL, or --quantity COL and --price COL');
  const analysisDate = text('analysis-date');
  if (analysisDate !== undefined && !isIsoDate(analysisDate)) throw new UsageError(`--analysis-date must be YYYY-MM-DD, got '${analysisDate}'`);
  const bins = values.bins === undefined ? undefined : limitedOption('bins', String(values.bins), BINS_LIMIT);
  const options: SqlOptions = {
    dialect,
    table,
    columns: { customer, date, amount, quantity, price, order: text('order') },
    analysisDate,
    bins,
    thresholds: values.thresholds === undefined ? undefined : parseThresholds(String(values.thresholds), bins ?? 5),
    split: oneOf('split', text('split'), ['mean', 'median', 'score'] as const),
    zeroAmounts: oneOf('zero-amounts', text('zero-amounts'), ['purchase', 'skip'] as const),
  };
  return { kind: 'sql', options, out: text('out') };
}

/** A real calendar day written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
