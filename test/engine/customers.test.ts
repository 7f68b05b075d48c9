import fc from 'fast-check';
import { compareIds, customersFromInputs, customersFromTransactions, sortIds } from '../../src/engine/customers';
import { InputError, type Transaction } from '../../src/engine/types';

let row = 1;
const tx = (customerId: string, day: number, amount: number, orderId?: string): Transaction => ({ customerId, day, amount, orderId, rowNumber: ++row });

describe('customers from transactions', () => {
  const data: Transaction[] = [
    tx('A', 10, 100, 'o1'),
    tx('A', 10, 50, 'o1'), // same order: one order
    tx('A', 20, 30, 'o2'),
    tx('A', 25, -20, 'r1'), // a return: revenue only, not a purchase
    tx('B', 12, -5, 'r2'), // returns only: reported, not scored
    tx('C', 15, 40), // no order id: each row is an order
    tx('C', 18, 60),
  ];

  test('first/last purchase, length, recency, frequency, net revenue, AOV (hand-computed)', () => {
    const table = customersFromTransactions(data, { analysisDate: 30 });
    const a = table.customers.find((c) => c.id === 'A')!;
    expect(a).toEqual({
      id: 'A',
      firstPurchase: 10,
      lastPurchase: 20,
      lengthDays: 20,
      recencyDays: 10,
      frequency: 2,
      revenue: 160,
      averageOrderValue: 80,
      monetary: 160,
    });
    const c = table.customers.find((x) => x.id === 'C')!;
    expect([c.frequency, c.revenue, c.lengthDays, c.recencyDays]).toEqual([2, 100, 15, 12]);
  });

  test('order ids that read as the same number stay distinct: 1, 01, 001, and ids past nine digits', () => {
    const lines = ['1', '01', '1', '001', '999999999', '1000000000', '1000000000', ' 1'].map((o, i) => tx('N', 10 + i, 5, o));
    // distinct ids, counted by hand: 1, 01, 001, 999999999, 1000000000, " 1"
    expect(customersFromTransactions(lines, { analysisDate: 30 }).customers[0].frequency).toBe(6);
  });

  test('returns-only customers are reported, not scored', () => {
    const table = customersFromTransactions(data, { analysisDate: 30 });
    expect(table.customers.map((c) => c.id)).toEqual(['A', 'C']);
    expect(table.returnsOnlyCustomers).toEqual({ count: 1, examples: ['B'] });
    expect(table.transactionsUsed).toBe(6);
    expect([table.firstDay, table.lastDay]).toEqual([10, 20]);
  });

  test('default analysis date: the day after the latest transaction', () => {
    expect(customersFromTransactions(data).analysisDate).toBe(26);
  });

  test('monetary basis "average" = average order value', () => {
    const a = customersFromTransactions(data, { monetaryBasis: 'average' }).customers[0];
    expect([a.monetary, a.revenue]).toEqual([80, 160]);
  });

  test('an order id shared by two customers counts once for each', () => {
    const table = customersFromTransactions([tx('X', 1, 5, '7'), tx('Y', 1, 5, '7'), tx('Y', 2, 5, '7'), tx('X', 3, 5, '8')]);
    expect(table.customers.map((c) => [c.id, c.frequency])).toEqual([
      ['X', 2],
      ['Y', 1],
    ]);
  });

  test('an order with only a return line is not an order', () => {
    const table = customersFromTransactions([tx('X', 1, 5, 'a'), tx('X', 2, -5, 'b')]);
    expect(table.customers[0].frequency).toBe(1);
    expect(table.customers[0].revenue).toBe(0);
  });

  test('revenue sums do not depend on row order (0.1 + 0.2 + 0.7 = 1 exactly)', () => {
    const amounts = [0.1, 0.2, 0.7, 1e6 + 0.01, -0.3];
    const forward = customersFromTransactions(amounts.map((a, i) => tx('Z', i, a))).customers[0].revenue;
    const backward = customersFromTransactions(amounts.reverse().map((a, i) => tx('Z', i, a))).customers[0].revenue;
    expect(forward).toBe(1000000.71);
    expect(backward).toBe(forward);
  });

  test('a transaction with a broken day or amount is refused, naming the row', () => {
    expect(() => customersFromTransactions([{ customerId: 'a', day: NaN, amount: 1, rowNumber: 9 }])).toThrow('Row 9: the day NaN is not a whole day number.');
    expect(() => customersFromTransactions([{ customerId: 'a', day: 1, amount: Infinity, rowNumber: 4 }])).toThrow('Row 4: the amount Infinity is not a number.');
  });

  test('a fractional analysis date is refused', () => {
    expect(() => customersFromTransactions(data, { analysisDate: 1.5 })).toThrow(InputError);
  });
});

describe('compareIds', () => {
  test('digit ids in numeric order first, then others by code unit (locale-free)', () => {
    expect(['b', '10', 'A', '9', 'é', '100', 'a'].sort(compareIds)).toEqual(['9', '10', '100', 'A', 'a', 'b', 'é']);
  });
  test('sortIds (the fast path) gives the compareIds order', () => {
    const id = fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), fc.string({ maxLength: 5 }), fc.constantFrom('۱۲', 'A1', ''));
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 50 }), (ids) => {
        expect(sortIds(ids)).toEqual([...ids].sort(compareIds));
      }),
    );
  });
});

describe('customers from customer-level input', () => {
  test('recency from recency days, or analysis date − last purchase; no length', () => {
    const table = customersFromInputs(
      [
        { customerId: 'p', recencyDays: 5, frequency: 3, monetary: 90, rowNumber: 2 },
        { customerId: 'q', lastPurchase: 100, frequency: 1, monetary: 10, rowNumber: 3 },
      ],
      { analysisDate: 110 },
    );
    expect(table.customers).toEqual([
      { id: 'p', firstPurchase: null, lastPurchase: 105, lengthDays: null, recencyDays: 5, frequency: 3, revenue: 90, averageOrderValue: 30, monetary: 90 },
      { id: 'q', firstPurchase: null, lastPurchase: 100, lengthDays: null, recencyDays: 10, frequency: 1, revenue: 10, averageOrderValue: 10, monetary: 10 },
    ]);
  });

  test('default analysis date: the day after the latest last purchase', () => {
    const table = customersFromInputs([{ customerId: 'q', lastPurchase: 100, frequency: 1, monetary: 10, rowNumber: 2 }]);
    expect([table.analysisDate, table.customers[0].recencyDays]).toEqual([101, 1]);
  });

  test('rows of the same customer are merged', () => {
    const table = customersFromInputs(
      [
        { customerId: 'p', recencyDays: 9, frequency: 1, monetary: 10, rowNumber: 2 },
        { customerId: 'p', recencyDays: 4, frequency: 2, monetary: 20, rowNumber: 3 },
      ],
      { analysisDate: 50 },
    );
    expect(table.customers.map((c) => [c.recencyDays, c.frequency, c.revenue])).toEqual([[4, 3, 30]]);
  });

  test('a row without recency or last purchase is refused, naming the row', () => {
    expect(() => customersFromInputs([{ customerId: 'p', frequency: 1, monetary: 1, rowNumber: 7 }])).toThrow(/Row 7/);
  });
});
