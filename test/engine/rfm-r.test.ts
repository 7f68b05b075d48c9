/**
 * The R package rfm 0.3.0 on its own sample data: the documented results (shared/data/README.md,
 * the package's vignette and tests) must come out exactly.
 */
import * as fs from 'fs';
import { analyze, analyzeCustomers, analyzeTransactions } from '../../src/engine/analyze';
import type { CustomerInput, InputTable, Transaction } from '../../src/engine/types';
import { requireSharedData } from '../support/sharedData';
import { RFM_ORDERS } from '../support/rfmPackage';

/** The R package has no clusters or CLV: the core alone is compared. */
const CORE = { model: 'off', clusters: 'off' } as const;

/** Day number of an ISO date (test-side, independent of the engine's date parsing). */
const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** The sample files have no quoted fields: a plain split is an exact reader. */
function readTable(relative: string): InputTable {
  const lines = fs.readFileSync(requireSharedData(relative), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  return { header: lines[0].split(','), rows: lines.slice(1).map((line) => line.split(',')) };
}

function readCsv(relative: string): Record<string, string>[] {
  const { header, rows } = readTable(relative);
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, String(cells[i])])));
}

describe('rfm_data_orders (rfm_table_order, analysis date 2006-12-31)', () => {
  const transactions: Transaction[] = readCsv('rfm-r/rfm_data_orders.csv').map((r, i) => ({
    customerId: r.customer_id,
    day: day(r.order_date),
    amount: Number(r.revenue),
    rowNumber: i + 2,
  }));
  const analysis = analyzeTransactions(transactions, { ...CORE, analysisDate: day('2006-12-31') });
  const byId = new Map(analysis.customers.map((c) => [c.id, c]));

  test('995 customers and total frequency 4,906', () => {
    expect(analysis.customers).toHaveLength(RFM_ORDERS.customers);
    expect(analysis.totals.orders).toBe(RFM_ORDERS.orders);
  });

  test.each(RFM_ORDERS.documentedCustomers)('%s: %i days, %i orders, %i → RFM %i', (id, recency, frequency, monetary, code) => {
    const c = byId.get(id)!;
    expect([c.recencyDays, c.frequency, c.monetary, c.rfmCode]).toEqual([recency, frequency, monetary, code]);
  });

  test('segment counts with the default rules', () => {
    const counts = Object.fromEntries(analysis.segments.map((s) => [s.segment, s.customers]));
    expect(counts).toEqual({ ...RFM_ORDERS.segmentCounts, Others: 0 });
  });

  test("the package's documented custom thresholds give the same five codes", () => {
    // rfm_table_order's example: recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
    // monetary_bins = c(256, 382, 506, 666) (the rounded quantile cuts of this data).
    const custom = analyzeTransactions(transactions, {
      ...CORE,
      analysisDate: day('2006-12-31'),
      scoring: 'thresholds',
      thresholds: { recency: [115, 181, 297, 482], frequency: [4, 5, 6, 8], monetary: [256, 382, 506, 666] },
    });
    const codes = new Map(custom.customers.map((c) => [c.id, c.rfmCode]));
    expect(RFM_ORDERS.documentedCustomers.map(([id]) => codes.get(id))).toEqual(RFM_ORDERS.documentedCustomers.map((c) => c[4]));
  });

  test('the same from the raw CSV table (column detection and normalisation in front)', () => {
    const raw = analyze(readTable('rfm-r/rfm_data_orders.csv'), { ...CORE, analysisDate: day('2006-12-31') });
    expect(raw.customers.map((c) => [c.id, c.rfmCode, c.segment])).toEqual(analysis.customers.map((c) => [c.id, c.rfmCode, c.segment]));
    expect(raw.totals.orders).toBe(RFM_ORDERS.orders);
  });

  test('the default analysis date is the day after the latest order (2006-12-31 here)', () => {
    expect(analyzeTransactions(transactions, CORE).settings.analysisDate).toBe(day('2006-12-31'));
  });
});

describe('rfm_data_customer (rfm_table_customer, analysis date 2007-01-01)', () => {
  const rows = readCsv('rfm-r/rfm_data_customer.csv');
  const inputs: CustomerInput[] = rows.map((r, i) => ({
    customerId: r.customer_id,
    recencyDays: Number(r.recency_days),
    frequency: Number(r.number_of_orders),
    monetary: Number(r.revenue),
    rowNumber: i + 2,
  }));
  const analysis = analyzeCustomers(inputs, { ...CORE, analysisDate: day('2007-01-01') });

  test('39,999 customers and total frequency 393,223', () => {
    expect(analysis.customers).toHaveLength(39_999);
    expect(analysis.totals.orders).toBe(393_223);
  });

  test('score counts by the same rule (cuts R 77/126/177/266, F 8/10/11/13, M 641/827/1003/1226)', () => {
    // Counts computed outside the engine with a literal transcription of R's bins()/bins_lower()/bins_upper().
    const count = (pick: (c: (typeof analysis.customers)[number]) => number): number[] =>
      [1, 2, 3, 4, 5].map((s) => analysis.customers.filter((c) => pick(c) === s).length);
    expect(count((c) => c.recencyScore)).toEqual([7994, 7957, 7889, 8108, 8051]);
    expect(count((c) => c.frequencyScore)).toEqual([9427, 9764, 4945, 8204, 7659]);
    expect(count((c) => c.monetaryScore)).toEqual([8016, 7998, 8008, 7997, 7980]);
  });

  test('the same from the raw CSV table, detected as customer-level input', () => {
    const raw = analyze(readTable('rfm-r/rfm_data_customer.csv'), { ...CORE, analysisDate: day('2007-01-01') });
    expect(raw.settings.inputKind).toBe('customers');
    expect(raw.totals.orders).toBe(393_223);
    expect(raw.customers.map((c) => c.rfmCode)).toEqual(analysis.customers.map((c) => c.rfmCode));
  });

  test('last purchase follows from the analysis date and recency, as most_recent_visit', () => {
    const first = analysis.customers.find((c) => c.id === '22086')!;
    expect(first.lastPurchase).toBe(day('2006-05-14'));
    expect([first.recencyScore, first.frequencyScore, first.monetaryScore]).toEqual([2, 2, 2]);
    expect(first.lengthDays).toBeNull();
    expect(first.loyaltyQuadrant).toBeNull();
  });
});
