import * as fs from 'fs';
import { detectColumns, detectInputKind, normalizeHeader, toColumnMapping } from '../../src/engine/columns';
import type { Cell, DetectedColumn, InputTable } from '../../src/engine/types';
import { InputError } from '../../src/engine/types';
import { requireSharedData } from '../support/sharedData';

const table = (header: string[], rows: Cell[][] = []): InputTable => ({ header, rows });
const roles = (cols: DetectedColumn[]): Record<string, [number, string]> =>
  Object.fromEntries(cols.map((c) => [c.role, [c.index, c.source]]));

/** The InputError a call throws (fails the test when it throws something else or nothing). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('normalizeHeader', () => {
  test('case, spaces, underscores, Arabic letters and zero-width non-joiners', () => {
    expect(normalizeHeader(' Customer_ID ')).toBe('customerid');
    expect(normalizeHeader('Invoice-No.')).toBe('invoiceno');
    expect(normalizeHeader('كد مشتري')).toBe('کدمشتری');
    expect(normalizeHeader('شناسه\u200cمشتری')).toBe('شناسهمشتری');
  });
});

describe('detectColumns from English headers', () => {
  test('the Online Retail header: quantity × unit price, no amount', () => {
    const t = table(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({
      customer: [6, 'header'], date: [4, 'header'], order: [0, 'header'], quantity: [3, 'header'], price: [5, 'header'],
    });
  });

  test("the rfm package's order data: customer_id, order_date, revenue; names are not customers", () => {
    const t = table(['customer_id', 'order_date', 'revenue', 'first_name', 'last_name', 'email']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({ customer: [0, 'header'], date: [1, 'header'], amount: [2, 'header'] });
  });

  test('CDNOW master: customer_id date number_of_cds dollar_value', () => {
    const t = table(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({
      customer: [0, 'header'], date: [1, 'header'], quantity: [2, 'header'], amount: [3, 'header'],
    });
  });

  test('headers that contain keywords: "Order Date" is a date, "Order Total" an amount, cost and margin', () => {
    const t = table(['Client Name', 'Order Date', 'Order Total', 'Order Number', 'Gross Margin']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({
      customer: [0, 'header'], date: [1, 'header'], amount: [2, 'header'], order: [3, 'header'], cost: [4, 'header'],
    });
  });

  test('an exact name beats a keyword match', () => {
    const t = table(['customer', 'date', 'sales total', 'amount']);
    expect(roles(detectColumns(t, 'transactions')).amount).toEqual([3, 'header']);
  });
});

describe('detectColumns from Persian headers', () => {
  test('کد مشتری، تاریخ، مبلغ، شماره فاکتور', () => {
    const t = table(['کد مشتری', 'تاریخ', 'مبلغ', 'شماره فاکتور']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({
      customer: [0, 'header'], date: [1, 'header'], amount: [2, 'header'], order: [3, 'header'],
    });
  });

  test('مشتری، تاریخ خرید، تعداد، قیمت واحد، هزینه، سفارش (Arabic yeh and kaf too)', () => {
    const t = table(['سفارش', 'مشتري', 'تاریخ خرید', 'تعداد', 'قیمت واحد', 'هزینه']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({
      order: [0, 'header'], customer: [1, 'header'], date: [2, 'header'], quantity: [3, 'header'], price: [4, 'header'], cost: [5, 'header'],
    });
  });

  test('شناسه مشتری and فروش', () => {
    const t = table(['فروش', 'شناسه مشتری', 'تاریخ فاکتور']);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({ amount: [0, 'header'], customer: [1, 'header'], date: [2, 'header'] });
  });

  test('customer-level in Persian', () => {
    const t = table(['مشتری', 'تاریخ آخرین خرید', 'تعداد سفارش', 'مبلغ کل']);
    expect(roles(detectColumns(t, 'customers'))).toEqual({
      customer: [0, 'header'], lastPurchase: [1, 'header'], frequency: [2, 'header'], monetary: [3, 'header'],
    });
  });
});

describe('customer-level input', () => {
  const header = ['customer_id', 'revenue', 'most_recent_visit', 'number_of_orders', 'recency_days', 'first_name', 'last_name', 'email'];

  test("the rfm package's customer data", () => {
    expect(roles(detectColumns(table(header), 'customers'))).toEqual({
      customer: [0, 'header'], monetary: [1, 'header'], lastPurchase: [2, 'header'], frequency: [3, 'header'], recencyDays: [4, 'header'],
    });
  });

  test('detectInputKind tells customer-level from transaction input', () => {
    expect(detectInputKind(table(header))).toBe('customers');
    expect(detectInputKind(table(['customer', 'recency', 'frequency', 'monetary']))).toBe('customers');
    expect(detectInputKind(table(['customer_id', 'order_date', 'revenue']))).toBe('transactions');
    expect(detectInputKind(table(['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID']))).toBe('transactions');
    expect(detectInputKind(table(['مشتری', 'آخرین خرید', 'دفعات خرید', 'مبلغ']))).toBe('customers');
    expect(detectInputKind(table([]))).toBe('transactions');
  });

  test('missing roles are named', () => {
    const e = inputError(() => detectColumns(table(['customer_id', 'revenue']), 'customers'));
    expect(e.message).toContain('recency days (or last purchase date)');
    expect(e.message).toContain('number of orders (frequency)');
    expect(e.message).toContain('"customer_id", "revenue"');
  });
});

describe('overrides', () => {
  const t = table(['id', 'when', 'paid', 'amount', 'customer'], [['a', '2020-01-01', '1', '2', 'x']]);

  test('by index and by header name; they always win', () => {
    const cols = detectColumns(t, 'transactions', { customer: 0, date: 'when', amount: 'PAID' });
    expect(roles(cols)).toEqual({ customer: [0, 'override'], date: [1, 'override'], amount: [2, 'override'] });
  });

  test('an override naming a missing header is an InputError naming it and the headers seen', () => {
    const e = inputError(() => detectColumns(t, 'transactions', { date: 'Datum' }));
    expect(e.message).toContain('"Datum"');
    expect(e.message).toContain('date');
    expect(e.message).toContain('"id", "when", "paid", "amount", "customer"');
  });

  test('an index past the last column is an InputError', () => {
    expect(inputError(() => detectColumns(t, 'transactions', { amount: 9 })).message).toContain('has 5 columns');
    expect(inputError(() => detectColumns(t, 'transactions', { amount: -1 })).message).toContain('has 5 columns');
  });

  test('toColumnMapping', () => {
    expect(toColumnMapping(detectColumns(t, 'transactions', { customer: 0, date: 1 }))).toEqual({ customer: 0, date: 1, amount: 2 });
  });
});

describe('duplicate headers', () => {
  test('the first of two equal headers is used and the note says so', () => {
    const cols = detectColumns(table(['customer', 'date', 'amount', 'Amount']), 'transactions');
    const amount = cols.find((c) => c.role === 'amount') as DetectedColumn;
    expect(amount.index).toBe(2);
    expect(amount.note).toBe('2 columns are named "amount" (columns 3 (C), 4 (D)); using column 3 (C)');
    expect(cols.find((c) => c.role === 'customer')?.note).toBeUndefined();
  });

  test('an override by a duplicated name takes the first and notes it', () => {
    const cols = detectColumns(table(['customer', 'date', 'x', 'x']), 'transactions', { amount: 'x' });
    const amount = cols.find((c) => c.role === 'amount') as DetectedColumn;
    expect(amount.index).toBe(2);
    expect(amount.note).toContain('using column 3 (C)');
  });
});

describe('detection from values when names fail', () => {
  test('dates, amounts and ids in columns with meaningless names', () => {
    const t = table(['a', 'b', 'c', 'd'], [
      ['X1', '2020-01-05', '3', '12.50'],
      ['X2', '2020-01-06', '1', '7.25'],
      ['X1', '2020-02-01', '2', '1,200.00'],
    ]);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({ customer: [0, 'values'], date: [1, 'values'], amount: [3, 'values'] });
  });

  test('headerless CDNOW sample: YYYYMMDD numbers are dates; serial-looking numbers only when Excel says so', () => {
    const rows: Cell[][] = [
      [4, 1, 19970101, 2, 29.33],
      [4, 1, 19970118, 2, 29.73],
      [18, 2, 19970102, 2, 28.04],
    ];
    expect(roles(detectColumns(table(['c1', 'c2', 'c3', 'c4', 'c5'], rows), 'transactions'))).toEqual({
      date: [2, 'values'], amount: [4, 'values'], customer: [0, 'values'],
    });
    const serials: InputTable = { header: ['who', 'n', 'when'], rows: [['a', 10, 43831], ['b', 20, 43832]], dateFormattedColumns: [false, false, true] };
    expect(roles(detectColumns(serials, 'transactions'))).toEqual({ customer: [0, 'values'], amount: [1, 'values'], date: [2, 'values'] });
  });

  test('Jalali dates with Persian digits are found', () => {
    const t = table(['ستون۱', 'ستون۲', 'ستون۳'], [['علی', '۱۴۰۴/۰۱/۱۵', '۱۲٬۵۰۰'], ['رضا', '۱۴۰۴/۰۲/۰۱', '۸٬۰۰۰٫۵']]);
    expect(roles(detectColumns(t, 'transactions'))).toEqual({ customer: [0, 'values'], date: [1, 'values'], amount: [2, 'values'] });
  });

  test('no usable date column: an InputError naming the role and the headers seen', () => {
    const t = table(['customer', 'amount', 'note'], [['a', '1', 'x'], ['b', '2', 'y']]);
    const e = inputError(() => detectColumns(t, 'transactions'));
    expect(e.message).toBe('No date column was found. Columns seen: "customer", "amount", "note". Name the column explicitly.');
  });

  test('an empty header and no rows: every missing role is listed', () => {
    const e = inputError(() => detectColumns(table([]), 'transactions'));
    expect(e.message).toContain('customer, date, amount (or quantity and unit price)');
    expect(e.message).toContain('Columns seen: (none)');
  });
});

describe('real headers from ../shared/data', () => {
  test.each([
    ['rfm-r/rfm_data_orders.csv', 'transactions', { customer: 0, date: 1, amount: 2 }],
    ['rfm-r/rfm_data_customer.csv', 'customers', { customer: 0, monetary: 1, lastPurchase: 2, frequency: 3, recencyDays: 4 }],
  ] as const)('%s', (file, kind, expected) => {
    const text = fs.readFileSync(requireSharedData(file), 'utf8');
    const header = text.slice(0, text.indexOf('\n')).trim().split(',');
    const t = table(header);
    expect(detectInputKind(t)).toBe(kind);
    expect(toColumnMapping(detectColumns(t, kind))).toEqual(expected);
  });

  test('CDNOW_master.txt (whitespace-separated)', () => {
    const text = fs.readFileSync(requireSharedData('cdnow/CDNOW_master.txt'), 'utf8');
    const header = text.slice(0, text.indexOf('\n')).trim().split(/\s+/);
    expect(toColumnMapping(detectColumns(table(header), 'transactions'))).toEqual({ customer: 0, date: 1, quantity: 2, amount: 3 });
  });
});

describe('keyword traps', () => {
  test('"lifetime_value" is not a date; "account" is a customer, not a count', () => {
    const t = table(['account', 'order_date', 'lifetime_value', 'sales']);
    expect(toColumnMapping(detectColumns(t, 'transactions'))).toEqual({ customer: 0, date: 1, amount: 3 });
  });
});

describe('ids before names', () => {
  test('"Customer ID" wins over "Customer Name" wherever it stands; a name column alone still works', () => {
    expect(toColumnMapping(detectColumns(table(['Customer Name', 'Customer ID', 'Date', 'Amount']), 'transactions')).customer).toBe(1);
    expect(toColumnMapping(detectColumns(table(['نام مشتری', 'کد مشتری', 'تاریخ', 'مبلغ']), 'transactions')).customer).toBe(1);
    expect(toColumnMapping(detectColumns(table(['Customer Name', 'Date', 'Amount']), 'transactions')).customer).toBe(0);
  });
});
