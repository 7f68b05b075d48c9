/** CDNOW sample reader for the model tests: a few lines, independent of the CLI reader. */
import * as fs from 'fs';
import { requireSharedData } from '../../support/sharedData';
import type { Transaction } from '../../../src/engine/types';

/** 1997-09-30, the calibration end of the published CDNOW fits, as a day number. */
export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30) / 86400000;

/**
 * Reads CDNOW_sample.txt into transactions keyed by sample_id (the ID of the published summaries).
 * @returns one transaction per line
 */
export function readCdnowSample(): Transaction[] {
  const text = fs.readFileSync(requireSharedData('cdnow/CDNOW_sample.txt'), 'utf8');
  const out: Transaction[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) return;
    const d = f[2];
    const day = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8)) / 86400000;
    out.push({ customerId: String(+f[1]), day, amount: +f[4], rowNumber: i + 1 });
  });
  return out;
}

/**
 * Reads cdnow_customers_summary_with_transactions.csv.
 * @returns rows keyed by ID
 */
export function readCdnowSummary(): Map<string, { x: number; tx: number; T: number; zbar: number }> {
  const text = fs.readFileSync(requireSharedData('cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8');
  const rows = new Map<string, { x: number; tx: number; T: number; zbar: number }>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [id, x, tx, T, zbar] = line.split(',');
    rows.set(String(+id), { x: +x, tx: +tx, T: +T, zbar: +zbar });
  }
  return rows;
}
