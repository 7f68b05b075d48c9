import { prepareInput } from '../../src/engine/input';
import { InputError } from '../../src/engine/types';

describe('prepareInput', () => {
  test('transactions: detection, normalisation and the date note in one call', () => {
    const r = prepareInput({
      header: ['Customer', 'Date', 'Amount'],
      rows: [['a', '2020-01-01', '5'], ['b', 43831, '7'], ['', '2020-01-02', '1']],
    });
    expect(r.kind).toBe('transactions');
    if (r.kind !== 'transactions') throw new Error('kind');
    expect(r.transactions.map((t) => [t.customerId, t.amount])).toEqual([['a', 5], ['b', 7]]);
    expect(r.skipped.byReason).toEqual({ 'missing-customer': 1 });
    expect(r.dateNote).toBe('the column mixes date forms: Excel date numbers, year-month-day');
    expect(r.columns.map((c) => c.role)).toEqual(['customer', 'date', 'amount']);
  });

  test('customer-level input detected from its headers, dayMonthOrder from the option', () => {
    const r = prepareInput(
      { header: ['customer', 'last_purchase', 'orders', 'revenue'], rows: [['a', '03/04/2006', 2, 10]] },
      { dayMonthOrder: 'mdy' },
    );
    expect(r.kind).toBe('customers');
    if (r.kind !== 'customers') throw new Error('kind');
    // 2006-03-04 = 36*365 + 9 leap days + 31 + 28 + 3 = 13211
    expect(r.customers).toEqual([{ customerId: 'a', lastPurchase: 13211, frequency: 2, monetary: 10, rowNumber: 2 }]);
    expect(r.dayMonthOrder).toBe('mdy');
  });

  test('an explicit input kind and column overrides win', () => {
    const r = prepareInput({ header: ['x', 'y', 'z'], rows: [['a', '2020-01-01', 3]] }, { inputKind: 'transactions', columns: { customer: 'x', date: 1, amount: 'z' } });
    expect(r.columns.every((c) => c.source === 'override')).toBe(true);
  });

  test('empty input and a header only', () => {
    expect(() => prepareInput({ header: [], rows: [] })).toThrow(new InputError('The input is empty: there is no header row.'));
    const headerOnly = prepareInput({ header: ['customer', 'date', 'amount'], rows: [] });
    expect(headerOnly.kind === 'transactions' && headerOnly.transactions).toEqual([]);
    expect(headerOnly.skipped.total).toBe(0);
  });
});
