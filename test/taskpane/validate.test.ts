import { checkMapping, parseOptionFields } from '../../src/taskpane/validate';

const roleName = (role: string) => role.toUpperCase();

describe('checkMapping', () => {
  const header = ['Customer', 'Date', 'Amount', 'Qty', 'Price'];
  test('customer and date are required', () => {
    expect(checkMapping({ date: 1, amount: 2 }, header, roleName)).toEqual({ key: 'pane.error.missingRole', params: { role: 'CUSTOMER' } });
    expect(checkMapping({ customer: 0, amount: 2 }, header, roleName)).toEqual({ key: 'pane.error.missingRole', params: { role: 'DATE' } });
  });
  test('an amount, or quantity and unit price', () => {
    expect(checkMapping({ customer: 0, date: 1 }, header, roleName)).toEqual({ key: 'pane.error.missingRole', params: { role: 'AMOUNT' } });
    expect(checkMapping({ customer: 0, date: 1, quantity: 3 }, header, roleName)?.key).toBe('pane.error.missingRole');
    expect(checkMapping({ customer: 0, date: 1, quantity: 3, price: 4 }, header, roleName)).toBeUndefined();
  });
  test('one column cannot play two roles', () => {
    expect(checkMapping({ customer: 0, date: 1, amount: 1 }, header, roleName)).toEqual({ key: 'pane.error.sameColumn', params: { column: 'Date' } });
  });
});

describe('checkMapping for customer-level input', () => {
  const header = ['id', 'recency_days', 'last_visit', 'orders', 'revenue'];
  test('customer, number of orders, revenue, and recency days or the last purchase', () => {
    expect(checkMapping({ customer: 0, recencyDays: 1, frequency: 3, monetary: 4 }, header, roleName, 'customers')).toBeUndefined();
    expect(checkMapping({ customer: 0, lastPurchase: 2, frequency: 3, monetary: 4 }, header, roleName, 'customers')).toBeUndefined();
    expect(checkMapping({ customer: 0, frequency: 3, monetary: 4 }, header, roleName, 'customers')).toEqual({ key: 'pane.error.missingRole', params: { role: 'RECENCYDAYS' } });
    expect(checkMapping({ customer: 0, recencyDays: 1, monetary: 4 }, header, roleName, 'customers')).toEqual({ key: 'pane.error.missingRole', params: { role: 'FREQUENCY' } });
    expect(checkMapping({ customer: 0, recencyDays: 1, frequency: 3, monetary: 3 }, header, roleName, 'customers')).toEqual({ key: 'pane.error.sameColumn', params: { column: 'orders' } });
  });
});

describe('parseOptionFields', () => {
  test('bins must be a whole number 2..10', () => {
    expect(parseOptionFields('5', '')).toEqual({ bins: 5 });
    for (const bad of ['1', '11', '2.5', 'x', '']) expect(parseOptionFields(bad, '')).toEqual({ key: 'pane.error.bins' });
  });
  test('the analysis date becomes a day number (days since 1970-01-01)', () => {
    // 2006-12-31 is day 13513: 36 years * 365 + 9 leap days (1972..2004) + 364 days into 2006.
    expect(parseOptionFields('5', '2006-12-31')).toEqual({ bins: 5, analysisDate: 36 * 365 + 9 + 364 });
    expect(parseOptionFields('5', '1970-01-01')).toEqual({ bins: 5, analysisDate: 0 });
    expect(parseOptionFields('5', '2023-02-30')).toEqual({ key: 'pane.error.date' });
    expect(parseOptionFields('5', '31/12/2006')).toEqual({ key: 'pane.error.date' });
  });
});
