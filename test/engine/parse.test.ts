import * as fs from 'fs';
import fc from 'fast-check';
import { detectColumns, toColumnMapping } from '../../src/engine/columns';
import { formatIsoDate } from '../../src/engine/dates';
import { normalizeTransactions } from '../../src/engine/parse';
import type { Cell, InputTable, Transaction } from '../../src/engine/types';
import { InputError } from '../../src/engine/types';
import { requireSharedData } from '../support/sharedData';
import { RFM_ORDERS } from '../support/rfmPackage';

const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;

describe('normalizeTransactions: the usable rows', () => {
  test('amount column, order ids, returns kept as negative amounts', () => {
    const t: InputTable = {
      header: ['customer', 'date', 'amount', 'order'],
      rows: [
        ['A', '2020-01-05', '12.50', '1001'],
        [17850.0, 43836, 7, 1002.0],
        ['A', '2020-01-07', '-2.50', '1003.0'],
      ],
    };
    const r = normalizeTransactions(t, { customer: 0, date: 1, amount: 2, order: 3 });
    expect(r.transactions).toEqual([
      { customerId: 'A', day: day('2020-01-05'), amount: 12.5, orderId: '1001', rowNumber: 2 },
      // serial 43836 = 25569 + day('2020-01-06')
      { customerId: '17850', day: day('2020-01-06'), amount: 7, orderId: '1002', rowNumber: 3 },
      { customerId: 'A', day: day('2020-01-07'), amount: -2.5, orderId: '1003', rowNumber: 4 },
    ]);
    expect(r.skipped).toEqual({ total: 0, byReason: {}, examples: [], returnsOnlyCustomers: { count: 0, examples: [] } });
    expect(r.dayMonthOrder).toBeUndefined();
  });

  test('quantity × unit price, also where the amount cell is empty; costs', () => {
    const t: InputTable = {
      header: ['customer', 'date', 'qty', 'price', 'amount', 'cost'],
      rows: [
        ['A', '2020-01-05', '3', '2.5', '', '1'],
        ['B', '2020-01-05', '3', '2.5', '100', ''],
      ],
    };
    const r = normalizeTransactions(t, { customer: 0, date: 1, quantity: 2, price: 3, amount: 4, cost: 5 });
    expect(r.transactions.map((x) => [x.customerId, x.amount, x.cost])).toEqual([['A', 7.5, 1], ['B', 100, undefined]]);
    const noAmount = normalizeTransactions(t, { customer: 0, date: 1, quantity: 2, price: 3 });
    const zero = normalizeTransactions({ header: t.header, rows: [['A', '2020-01-05', '0', '2.5']] }, { customer: 0, date: 1, quantity: 2, price: 3 }, { zeroAmounts: 'skip' });
    expect(zero.skipped.examples).toMatchObject([{ rowNumber: 2, reason: 'zero-amount', detail: 'quantity × unit price is zero' }]);
    const huge = normalizeTransactions({ header: t.header, rows: [['A', '2020-01-05', 1e200, 1e200]] }, { customer: 0, date: 1, quantity: 2, price: 3 });
    expect(huge.skipped.examples).toMatchObject([{ rowNumber: 2, reason: 'bad-amount', detail: 'quantity × unit price is too large' }]);
    expect(noAmount.transactions.map((x) => x.amount)).toEqual([7.5, 7.5]);
    expect(noAmount.transactions[0]).not.toHaveProperty('orderId');
  });

  test('Persian input: Jalali dates, Persian digits and separators, rial amounts', () => {
    const t: InputTable = {
      header: ['مشتری', 'تاریخ', 'مبلغ'],
      rows: [['علی', '۱۴۰۴/۰۱/۱۵', '۱۲٬۵۰۰ ریال'], ['۱۲۳', '1403/12/30', '٨٬٠٠٠٫٥']],
    };
    const r = normalizeTransactions(t, toColumnMapping(detectColumns(t, 'transactions')));
    expect(r.transactions.map((x) => [x.customerId, formatIsoDate(x.day), x.amount])).toEqual([
      ['علی', '2025-04-04', 12500],
      ['123', '2025-03-20', 8000.5],
    ]);
  });

  test('European decimals decided for the whole column', () => {
    const t: InputTable = { header: ['c', 'd', 'a'], rows: [['x', '2020-01-01', '1.234,50'], ['y', '2020-01-01', '2.000']] };
    expect(normalizeTransactions(t, { customer: 0, date: 1, amount: 2 }).transactions.map((x) => x.amount)).toEqual([1234.5, 2000]);
  });

  test('d/m/y resolved from the column and reported', () => {
    const t: InputTable = { header: ['c', 'd', 'a'], rows: [['x', '03/04/2020', 1], ['y', '25/12/2020', 2]] };
    const r = normalizeTransactions(t, { customer: 0, date: 1, amount: 2 }, { dayMonthOrder: 'mdy' });
    expect(r.dayMonthOrder).toBe('dmy');
    expect(r.transactions.map((x) => formatIsoDate(x.day))).toEqual(['2020-04-03', '2020-12-25']);
    const ambiguous: InputTable = { header: ['c', 'd', 'a'], rows: [['x', '03/04/2020', 1]] };
    expect(normalizeTransactions(ambiguous, { customer: 0, date: 1, amount: 2 }, { dayMonthOrder: 'mdy' }).transactions[0].day).toBe(day('2020-03-04'));
    expect(normalizeTransactions(ambiguous, { customer: 0, date: 1, amount: 2 }).dayMonthOrder).toBe('dmy');
  });

  test('mixed date forms: each cell still reads in its own form, and the mix is flagged', () => {
    const t: InputTable = { header: ['c', 'd', 'a'], rows: [['x', '2020-01-01', 1], ['y', 43831, 2], ['z', '1398/10/11', 3]] };
    const r = normalizeTransactions(t, { customer: 0, date: 1, amount: 2 });
    // 1398/10/11 = 2020-01-01 (11 Dey is 1 January in years after a non-leap Esfand)
    expect(r.transactions.map((x) => x.day)).toEqual([day('2020-01-01'), day('2020-01-01'), day('2020-01-01')]);
    expect(r.dateColumn.mixed).toBe(true);
    expect(r.dateColumn.note).toBe('the column mixes date forms: Excel date numbers, year-month-day, Jalali');
  });
});

describe('skipped rows: every reason, with 1-based row numbers and a detail', () => {
  const t: InputTable = {
    header: ['customer', 'date', 'amount', 'qty', 'price', 'cost'],
    rows: [
      ['A', '2020-01-05', 10, '', '', ''], // row 2: fine
      ['', '2020-01-05', 10, '', '', ''], // row 3: missing customer
      ['B', '2021-02-30', 10, '', '', ''], // row 4: bad date
      ['B', '', 10, '', '', ''], // row 5: missing date
      ['B', '2020-01-05', 'ten', '', '', ''], // row 6: bad amount
      ['B', '2020-01-05', '', '', '', ''], // row 7: missing amount (no quantity either)
      ['B', '2020-01-05', '0.00', '', '', ''], // row 8: zero amount
      ['B', '#N/A', 10, '', '', ''], // row 9: error cell
      ['B', '2020-01-05', '', 'two', '3', ''], // row 10: bad number (quantity)
      ['B', '2020-01-05', 10, '', '', 'x'], // row 11: bad number (cost)
      ['', '', '', '', '', ''], // row 12: blank, ignored silently
      ['B', '2020-01-05', -4, '', '', ''], // row 13: a return, kept
      ['B', '2020-01-05', '', '2', '', ''], // row 14: missing amount (price empty)
    ],
  };
  // zero amounts skipped by choice here, so that every reason shows (by default they are purchases)
  const r = normalizeTransactions(t, { customer: 0, date: 1, amount: 2, quantity: 3, price: 4, cost: 5 }, { zeroAmounts: 'skip' });

  test('kept rows', () => {
    expect(r.transactions.map((x: Transaction) => [x.rowNumber, x.amount])).toEqual([[2, 10], [13, -4]]);
  });

  test('counts per reason', () => {
    expect(r.skipped.total).toBe(10);
    expect(r.skipped.byReason).toEqual({
      'missing-customer': 1, 'bad-date': 1, 'missing-date': 1, 'bad-amount': 1, 'missing-amount': 2,
      'zero-amount': 1, 'error-cell': 1, 'bad-number': 2,
    });
  });

  test('examples name the column and the value', () => {
    expect(r.skipped.examples).toMatchObject([
      { rowNumber: 3, reason: 'missing-customer', detail: 'no customer id (customer is empty)' },
      { rowNumber: 4, reason: 'bad-date', detail: 'date: "2021-02-30" is not a date' },
      { rowNumber: 5, reason: 'missing-date', detail: 'no date (date is empty)' },
      { rowNumber: 6, reason: 'bad-amount', detail: 'amount: "ten" is not an amount' },
      { rowNumber: 7, reason: 'missing-amount', detail: 'no amount (qty is empty)' },
      { rowNumber: 8, reason: 'zero-amount', detail: 'amount: "0.00" is zero' },
      { rowNumber: 9, reason: 'error-cell', detail: 'date: "#N/A" is an Excel error' },
      { rowNumber: 10, reason: 'bad-number', detail: 'qty: "two" is not a number' },
      { rowNumber: 11, reason: 'bad-number', detail: 'cost: "x" is not a number' },
      { rowNumber: 14, reason: 'missing-amount', detail: 'no amount (price is empty)' },
    ]);
  });

  test('returnsOnlyCustomers is left for the core', () => {
    expect(r.skipped.returnsOnlyCustomers).toEqual({ count: 0, examples: [] });
  });

  test('firstRowNumber shifts row numbers (e.g. a range starting lower in the sheet)', () => {
    const shifted = normalizeTransactions({ ...t, firstRowNumber: 11 }, { customer: 0, date: 1, amount: 2 });
    expect(shifted.skipped.examples[0].rowNumber).toBe(12);
    expect(shifted.transactions[0].rowNumber).toBe(11);
  });

  test('a bad d/m/y date says how the column was read', () => {
    const dm: InputTable = { header: ['c', 'Datum', 'a'], rows: [['x', '13/01/2020', 1], ['y', '01/13/2020', 2], ['z', '14/01/2020', 3]] };
    const out = normalizeTransactions(dm, { customer: 0, date: 1, amount: 2 });
    expect(out.skipped.examples).toMatchObject([
      { rowNumber: 3, reason: 'bad-date', detail: 'Datum: "01/13/2020" is not a date (read as day/month/year)' },
    ]);
    expect(out.dateColumn.mixed).toBe(true);
  });

  test('only the first ten examples are kept; counts cover all', () => {
    const rows: Cell[][] = Array.from({ length: 25 }, (_, i) => [`c${i}`, 'bad', 1]);
    const out = normalizeTransactions({ header: ['c', 'd', 'a'], rows }, { customer: 0, date: 1, amount: 2 });
    expect(out.transactions).toEqual([]);
    expect(out.skipped.total).toBe(25);
    expect(out.skipped.byReason).toEqual({ 'bad-date': 25 });
    expect(out.skipped.examples.map((e) => e.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('a header with no name is shown as its column letter', () => {
    const out = normalizeTransactions({ header: ['c', '', 'a'], rows: [['x', 'no', 1]] }, { customer: 0, date: 1, amount: 2 });
    expect(out.skipped.examples[0].detail).toBe('column B: "no" is not a date');
  });

  test('formula-like ids stay text', () => {
    const out = normalizeTransactions({ header: ['c', 'd', 'a'], rows: [['=HYPERLINK("x")', '2020-01-01', 1]] }, { customer: 0, date: 1, amount: 2 });
    expect(out.transactions[0].customerId).toBe('=HYPERLINK("x")');
  });

  test('short rows and missing rows count as blank cells', () => {
    const out = normalizeTransactions({ header: ['c', 'd', 'a'], rows: [['x', '2020-01-01'], [] as Cell[]] }, { customer: 0, date: 1, amount: 2 });
    expect(out.skipped.examples).toMatchObject([{ rowNumber: 2, reason: 'missing-amount', detail: 'no amount (a is empty)' }]);
  });

  test('a mapping without the required columns is an InputError', () => {
    expect(() => normalizeTransactions({ header: ['c'], rows: [] }, { customer: 0 })).toThrow(InputError);
    expect(() => normalizeTransactions({ header: ['c', 'd', 'q'], rows: [] }, { customer: 0, date: 1, quantity: 2 })).toThrow(InputError);
  });
});

describe('properties', () => {
  const rowArb = fc.tuple(
    fc.constantFrom('A', 'B', 'C', ' A ', '17850.0', ''),
    fc.oneof(fc.integer({ min: 36526, max: 47483 }), fc.constantFrom('2020-02-29', '13/01/2021', 'bad', '')),
    fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom('1,234.50', '$12', '(3)', 'x', '')),
  );

  test('row order changes neither the set of transactions nor the skip counts', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), fc.nat(), (rows, seed) => {
        const shuffled = rows.map((r, i) => ({ r, i, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k || a.i - b.i);
        const a = normalizeTransactions({ header: ['c', 'd', 'a'], rows }, { customer: 0, date: 1, amount: 2 });
        const b = normalizeTransactions({ header: ['c', 'd', 'a'], rows: shuffled.map((s) => s.r) }, { customer: 0, date: 1, amount: 2 });
        const key = (x: Transaction): string => `${x.customerId}|${x.day}|${x.amount}`;
        expect(b.transactions.map(key).sort()).toEqual(a.transactions.map(key).sort());
        expect(b.skipped.byReason).toEqual(a.skipped.byReason);
        expect(a.transactions.length + a.skipped.total).toBeLessThanOrEqual(rows.length);
      }),
    );
  });

  test('the sum of amounts equals the sum of the usable numeric cells', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B'), fc.integer({ min: -1000, max: 1000 })), { maxLength: 50 }), (rows) => {
        const table: InputTable = { header: ['c', 'd', 'a'], rows: rows.map(([c, v]) => [c, '2020-01-01', v]) };
        const out = normalizeTransactions(table, { customer: 0, date: 1, amount: 2 });
        expect(out.transactions.reduce((s, x) => s + x.amount, 0)).toBe(rows.reduce((s, [, v]) => s + v, 0));
        // zero amounts are purchases by default: every row is kept
        expect(out.transactions.length).toBe(rows.length);
        const skipping = normalizeTransactions(table, { customer: 0, date: 1, amount: 2 }, { zeroAmounts: 'skip' });
        expect(skipping.skipped.byReason['zero-amount'] ?? 0).toBe(rows.filter(([, v]) => v === 0).length);
      }),
    );
  });
});

describe("the rfm package's order data", () => {
  test('4,906 transactions from 995 customers between 2001-10-29 and 2006-12-30, none skipped', () => {
    const lines = fs.readFileSync(requireSharedData('rfm-r/rfm_data_orders.csv'), 'utf8').trim().split(/\r?\n/);
    const table: InputTable = { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
    const r = normalizeTransactions(table, toColumnMapping(detectColumns(table, 'transactions')));
    expect(r.skipped.total).toBe(0);
    expect(r.transactions.length).toBe(RFM_ORDERS.orders);
    expect(new Set(r.transactions.map((x) => x.customerId)).size).toBe(RFM_ORDERS.customers);
    const days = r.transactions.map((x) => x.day);
    expect(formatIsoDate(Math.min(...days))).toBe(RFM_ORDERS.firstOrder);
    expect(formatIsoDate(Math.max(...days))).toBe(RFM_ORDERS.lastOrder);
  });
});

describe('Online Retail (541,909 order lines, amount = Quantity × UnitPrice)', () => {
  test('figures counted independently (Python csv + Decimal): 135,080 without customer, 406,829 used (40 of them zero-amount purchases) of which 8,905 returns', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Papa = require('papaparse') as typeof import('papaparse');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const zlib = require('zlib') as typeof import('zlib');
    const text = zlib.gunzipSync(fs.readFileSync(requireSharedData('online-retail/online_retail.csv.gz'))).toString('utf8');
    const [header, ...all] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const table: InputTable = { header, rows: all };
    expect(table.rows.length).toBe(541909);
    const mapping = toColumnMapping(detectColumns(table, 'transactions'));
    const r = normalizeTransactions(table, mapping);
    // counted here from the raw rows: lines with a customer whose Quantity × UnitPrice is zero (none
    // has a negative quantity), and the returns among the lines with a customer
    const col = (name: string): number => header.indexOf(name);
    const withCustomer = all.filter((row) => row[col('CustomerID')].trim() !== '');
    const zeroLines = withCustomer.filter((row) => Number(row[col('Quantity')]) * Number(row[col('UnitPrice')]) === 0);
    expect(zeroLines.length).toBe(40);
    expect(zeroLines.some((row) => Number(row[col('Quantity')]) < 0)).toBe(false);
    expect(r.skipped.byReason).toEqual({ 'missing-customer': 135080 });
    expect(r.transactions.length).toBe(withCustomer.length);
    expect(r.transactions.length).toBe(406829);
    expect(r.transactions.filter((x) => x.amount === 0).length).toBe(40);
    expect(r.transactions.filter((x) => x.amount < 0).length).toBe(8905);
    // 4,372 ids in the file, all with a line now (13256 had only a zero-amount line)
    expect(new Set(r.transactions.map((x) => x.customerId)).size).toBe(4372);
    const skipping = normalizeTransactions(table, mapping, { zeroAmounts: 'skip' });
    expect(skipping.skipped.byReason).toEqual({ 'missing-customer': 135080, 'zero-amount': 40 });
    expect(skipping.transactions.length).toBe(406789);
    expect(r.transactions[0]).toMatchObject({ customerId: '17850', orderId: '536365', day: day('2010-12-01'), rowNumber: 2 });
    expect(formatIsoDate(r.transactions.reduce((m, x) => Math.max(m, x.day), 0))).toBe('2011-12-09');
  });
});

describe('never throws on arbitrary cells', () => {
  const cellArb = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.constantFrom(1e200, -1e200, 1e308),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom('#N/A', '۱۴۰۴/۱۲/۳۰', '9 Dec 2011', '(1,2)', '1.234,5', '  ', '-', '$'),
  );

  test('every row is either used or reported', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 0, maxLength: 5 }), { maxLength: 30 }), (rows) => {
        const out = normalizeTransactions({ header: ['c', 'd', 'a', 'q', 'p'], rows }, { customer: 0, date: 1, amount: 2, quantity: 3, price: 4 });
        // Each row is used, skipped with a reason, or blank in every column (ignored without a report).
        const blank = rows.filter((row) => row.every((c) => c === null || c === undefined || (typeof c === 'string' && /^\s*$/.test(c)))).length;
        expect(out.transactions.length + out.skipped.total + blank).toBe(rows.length);
        for (const t of out.transactions) {
          expect(Number.isInteger(t.day)).toBe(true);
          expect(Number.isFinite(t.amount) && t.amount !== 0).toBe(true);
          expect(t.customerId.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
