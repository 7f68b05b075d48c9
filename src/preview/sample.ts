/**
 * A deterministic sample of sales transactions for the preview: a few hundred customers of a
 * made-up shop over two years, with loyal, lapsing and new customers, so every segment shows up.
 * Dates are Excel serial numbers (the preview formats the column as dates).
 */
import { seededRandom } from '../engine';

/** One sample row: customer, date (Excel serial), amount, order id. */
export type SampleRow = [string, number, number, string];

/** The sample's header row. */
export const SAMPLE_HEADER = ['Customer', 'Date', 'Amount', 'Order'];

/** Excel serial of 2024-01-01. */
const START_SERIAL = 45292;
const DAYS = 730;

/**
 * Makes the sample rows, sorted by date.
 * @param customers how many customers (default 300)
 * @param seed random seed; another seed gives "more rows" for the preview's paste button
 * @param firstOrder number of the first order id
 * @returns rows of [customer, date serial, amount, order id]
 */
export function sampleRows(customers = 300, seed = 7, firstOrder = 1): SampleRow[] {
  const next = seededRandom(seed);
  const rows: SampleRow[] = [];
  let order = firstOrder;
  for (let c = 1; c <= customers; c++) {
    const id = `C${String(c).padStart(4, '0')}`;
    const first = Math.floor(next() * DAYS * 0.9);
    const lifeDays = Math.floor(next() ** 0.7 * (DAYS - first));
    const purchases = 1 + Math.floor(next() ** 2 * 14);
    const basket = 20 + next() * 180;
    for (let p = 0; p < purchases; p++) {
      const day = first + Math.floor((lifeDays * p) / Math.max(1, purchases - 1 || 1));
      const amount = Math.round(basket * (0.5 + next()) * 100) / 100;
      rows.push([id, START_SERIAL + Math.min(day, DAYS - 1), amount, `S${String(order++).padStart(6, '0')}`]);
    }
  }
  return rows.sort((a, b) => a[1] - b[1] || (a[3] < b[3] ? -1 : 1));
}
