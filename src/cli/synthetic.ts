/**
 * A seeded generator of realistic transaction data for benchmarks, demos and tests: every customer
 * appears at least once, purchase counts are skewed (a few customers buy often), orders have one
 * or more lines on one day, amounts are log-normal and about 2 % of lines are returns.
 * The same options always give the same data (the engine's seeded PRNG), in Node and in the browser.
 */
import { seededRandom } from '../engine';
import type { Cell, InputTable } from '../engine';
import { EXCEL_EPOCH_OFFSET } from '../engine';
import { formatDay } from './format';

/** What to generate. */
export interface SyntheticOptions {
  /** Transaction lines (rows). */
  rows: number;
  /** Distinct customers (at most rows). */
  customers: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** First day of the period as a day number (default 2022-01-01). */
  startDay?: number;
  /** Length of the period in days (default 730). */
  days?: number;
  /**
   * 'text' (default): every cell a string, as a CSV parser hands it over;
   * 'values': numbers as Excel gives them (customer number, date serial, amount).
   */
  cells?: 'text' | 'values';
}

/** Header of the generated table. */
export const SYNTHETIC_HEADER = ['customer_id', 'order_id', 'order_date', 'amount'];

/** 2022-01-01 as a day number. */
const DEFAULT_START_DAY = 18993;
/** Share of lines that continue the customer's previous order. */
const SAME_ORDER_SHARE = 0.4;
/** Share of lines that are returns. */
const RETURN_SHARE = 0.02;

/** One generated line before it is turned into cells. */
interface Line {
  customer: number;
  order: number;
  day: number;
  cents: number;
}

/**
 * Generates the lines one by one and hands each to `emit`, so callers build rows or text
 * without an intermediate array of objects.
 */
function generateLines(options: SyntheticOptions, emit: (line: Line, index: number) => void): void {
  const { rows, seed = 1, days = 730 } = options;
  const customers = Math.max(1, Math.min(options.customers, rows));
  const random = seededRandom(seed);
  const firstDay = new Int32Array(customers);
  const lastOrder = new Int32Array(customers).fill(-1);
  const lastOrderDay = new Int32Array(customers);
  for (let c = 0; c < customers; c++) firstDay[c] = Math.floor(random() * days * 0.8);
  let nextOrder = 100000;
  const line: Line = { customer: 0, order: 0, day: 0, cents: 0 };
  for (let i = 0; i < rows; i++) {
    const u = random();
    const c = i < customers ? i : Math.floor(customers * u * u);
    const isReturn = i >= customers && random() < RETURN_SHARE;
    if (!isReturn && lastOrder[c] >= 0 && random() < SAME_ORDER_SHARE) {
      line.order = lastOrder[c];
      line.day = lastOrderDay[c];
    } else {
      line.order = nextOrder++;
      line.day = firstDay[c] + Math.floor(random() * (days - firstDay[c]));
      if (!isReturn) {
        lastOrder[c] = line.order;
        lastOrderDay[c] = line.day;
      }
    }
    const cents = Math.max(50, Math.round(Math.exp(3 + 0.8 * normal(random)) * 100));
    line.customer = c;
    line.cents = isReturn ? -cents : cents;
    emit(line, i);
  }
}

/** A standard normal draw (Box-Muller, one of the pair). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Day-number → ISO text for the period, computed once. */
function dayTexts(startDay: number, days: number): string[] {
  return Array.from({ length: days + 1 }, (_, d) => formatDay(startDay + d));
}

/**
 * Generates an InputTable in memory (header row separate, rows as a CSV parser or Excel gives them).
 * @param options rows, customers, seed, period and cell form
 * @returns the table
 * @example generateTransactions({ rows: 1_048_576, customers: 100_000 })
 */
export function generateTransactions(options: SyntheticOptions): InputTable {
  const startDay = options.startDay ?? DEFAULT_START_DAY;
  const texts = dayTexts(startDay, options.days ?? 730);
  const rows: Cell[][] = new Array(options.rows);
  const asValues = options.cells === 'values';
  generateLines(options, (line, i) => {
    rows[i] = asValues
      ? [100000 + line.customer, line.order, startDay + line.day + EXCEL_EPOCH_OFFSET, line.cents / 100]
      : ['C' + (100000 + line.customer), String(line.order), texts[line.day], (line.cents / 100).toFixed(2)];
  });
  const table: InputTable = { header: [...SYNTHETIC_HEADER], rows, firstRowNumber: 2 };
  if (asValues) table.dateFormattedColumns = [false, false, true, false];
  return table;
}

/**
 * Generates the same data as CSV text (header, `\n` line ends), e.g. for the CLI benchmark.
 * @param options as for generateTransactions (cells is ignored)
 * @returns the CSV text
 */
export function syntheticCsv(options: SyntheticOptions): string {
  const texts = dayTexts(options.startDay ?? DEFAULT_START_DAY, options.days ?? 730);
  const lines: string[] = new Array(options.rows + 1);
  lines[0] = SYNTHETIC_HEADER.join(',');
  generateLines(options, (line, i) => {
    lines[i + 1] = `C${100000 + line.customer},${line.order},${texts[line.day]},${(line.cents / 100).toFixed(2)}`;
  });
  return lines.join('\n') + '\n';
}
