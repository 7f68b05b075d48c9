import * as fs from 'fs';
import { detectColumns, toColumnMapping } from '../../src/engine/columns';
import { normalizeCustomers } from '../../src/engine/parseCustomers';
import type { InputTable } from '../../src/engine/types';
import { InputError } from '../../src/engine/types';
import { requireSharedData } from '../support/sharedData';
import { RFM_CUSTOMERS } from '../support/rfmPackage';

const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;

describe('normalizeCustomers', () => {
  const table: InputTable = {
    header: ['customer', 'recency_days', 'last_purchase', 'orders', 'revenue'],
    rows: [
      ['A', '10', '2006-12-22', '3', '$120.00'], // row 2
      ['B', '', '2006-11-01', 2, 50], // row 3: recency blank, last purchase given
      ['C', 5, '', 1, 0], // row 4: zero revenue is still a customer
      ['', 5, '', 1, 10], // row 5: missing customer
      ['D', 'x', '', 1, 10], // row 6: bad recency
      ['E', -1, '', 1, 10], // row 7: negative recency
      ['F', '', 'soon', 1, 10], // row 8: bad last purchase
      ['G', '', '', 1, 10], // row 9: neither
      ['H', 1, '', 'many', 10], // row 10: bad frequency
      ['I', 1, '', 2, ''], // row 11: missing revenue
      ['J', 1, '', 2, 'lots'], // row 12: bad revenue
      ['K', 1, '', '#VALUE!', 3], // row 13: error cell
      ['', '', '', '', ''], // row 14: blank, ignored
    ],
  };
  const r = normalizeCustomers(table, { customer: 0, recencyDays: 1, lastPurchase: 2, frequency: 3, monetary: 4 });

  test('usable rows keep whichever of recency and last purchase they have', () => {
    expect(r.customers).toEqual([
      { customerId: 'A', recencyDays: 10, lastPurchase: day('2006-12-22'), frequency: 3, monetary: 120, rowNumber: 2 },
      { customerId: 'B', lastPurchase: day('2006-11-01'), frequency: 2, monetary: 50, rowNumber: 3 },
      { customerId: 'C', recencyDays: 5, frequency: 1, monetary: 0, rowNumber: 4 },
    ]);
  });

  test('every skip reason with its row number', () => {
    expect(r.skipped.examples.map((e) => [e.rowNumber, e.reason])).toEqual([
      [5, 'missing-customer'], [6, 'bad-number'], [7, 'bad-number'], [8, 'bad-date'], [9, 'missing-date'],
      [10, 'bad-number'], [11, 'missing-amount'], [12, 'bad-amount'], [13, 'error-cell'],
    ]);
    expect(r.skipped.examples[3].detail).toBe('last_purchase: "soon" is not a date');
    expect(r.skipped.examples[4].detail).toBe('no date (recency_days is empty)');
    expect(r.skipped.total).toBe(9);
  });

  test('a mapping without the required columns is an InputError', () => {
    expect(() => normalizeCustomers(table, { customer: 0, frequency: 3, monetary: 4 })).toThrow(InputError);
  });
});

describe("the rfm package's customer data", () => {
  test('39,999 customers, total frequency 393,223, recency_days = 2007-01-01 − most_recent_visit', () => {
    const lines = fs.readFileSync(requireSharedData('rfm-r/rfm_data_customer.csv'), 'utf8').trim().split(/\r?\n/);
    const table: InputTable = { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
    const r = normalizeCustomers(table, toColumnMapping(detectColumns(table, 'customers')));
    expect(r.skipped.total).toBe(0);
    expect(r.customers.length).toBe(RFM_CUSTOMERS.customers);
    expect(r.customers.reduce((s, c) => s + c.frequency, 0)).toBe(RFM_CUSTOMERS.totalOrders);
    const analysisDay = day('2007-01-01');
    expect(r.customers.every((c) => c.recencyDays === analysisDay - (c.lastPurchase as number))).toBe(true);
  });
});
