/** Test data: 60 customers who all keep buying every 7 to 19 days for a year, so nobody drops out. */
import type { Transaction } from '../../../src/engine/types';

/** First day of the data. */
export const STEADY_DAY0 = 10000;

/**
 * The steady buyers' purchases (a purchase model finds almost no dropout on them).
 * @returns one line per purchase day
 */
export function steadyBuyers(): Transaction[] {
  const rows: Transaction[] = [];
  for (let i = 0; i < 60; i++) {
    const gapDays = 7 + (i % 5) * 3;
    for (let d = STEADY_DAY0 + (i % 9); d < STEADY_DAY0 + 364; d += gapDays) rows.push({ customerId: `c${i}`, day: d, amount: 10 + (i % 7), rowNumber: rows.length + 2 });
  }
  return rows;
}
