import { checkMapping, parseAnalysisDate, parseOptionFields } from '../../src/taskpane/validate';

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
    for (const bad of ['1', '11', '2.5', 'x', '', '0x5', '5e0', 'Infinity']) expect(parseOptionFields(bad, '')).toEqual({ key: 'pane.error.bins', params: { min: 2, max: 10 } });
    expect(parseOptionFields('۴', '')).toEqual({ bins: 4 });
  });
  test('the analysis date becomes a day number (days since 1970-01-01)', () => {
    // 2006-12-31 is day 13513: 36 years * 365 + 9 leap days (1972..2004) + 364 days into 2006.
    expect(parseOptionFields('5', '2006-12-31')).toEqual({ bins: 5, analysisDate: 36 * 365 + 9 + 364 });
    expect(parseOptionFields('5', '1970-01-01')).toEqual({ bins: 5, analysisDate: 0 });
    expect(parseOptionFields('5', '2023-02-30')).toEqual({ key: 'pane.error.date' });
    expect(parseOptionFields('5', '31/12/2006')).toEqual({ key: 'pane.error.date' });
  });
});

describe('parseAnalysisDate', () => {
  // Day numbers count from 1970-01-01: 2025-03-21 is 55*365 + 14 leap days (1972..2024) + 31 + 28 + 20.
  const MARCH_21_2025 = 55 * 365 + 14 + 31 + 28 + 20;
  test('Persian: a Jalali date with Persian, Arabic-Indic or Latin digits', () => {
    // 1404/01/01 (Nowruz) is 2025-03-21.
    expect(parseAnalysisDate('۱۴۰۴/۰۱/۰۱', 'fa')).toBe(MARCH_21_2025);
    expect(parseAnalysisDate('١٤٠٤/١/١', 'fa')).toBe(MARCH_21_2025);
    expect(parseAnalysisDate(' 1404-01-01 ', 'fa')).toBe(MARCH_21_2025);
    // 1403 is a leap year: 1403/12/30 exists and is the day before Nowruz 1404.
    expect(parseAnalysisDate('1403/12/30', 'fa')).toBe(MARCH_21_2025 - 1);
    expect(parseAnalysisDate('1404/12/30', 'fa')).toBeUndefined();
    expect(parseAnalysisDate('1404/13/01', 'fa')).toBeUndefined();
    expect(parseAnalysisDate('۱۴۰۴/۰۱', 'fa')).toBeUndefined();
  });
  test('Persian: a year from 1700 on is Gregorian', () => {
    expect(parseAnalysisDate('2025-03-21', 'fa')).toBe(MARCH_21_2025);
  });
  test("English: only the date picker's YYYY-MM-DD", () => {
    expect(parseAnalysisDate('2025-03-21', 'en')).toBe(MARCH_21_2025);
    expect(parseAnalysisDate('2025/03/21', 'en')).toBeUndefined();
    expect(parseAnalysisDate('2025-02-29', 'en')).toBeUndefined();
  });
  test('parseOptionFields names the Jalali form in Persian', () => {
    expect(parseOptionFields('5', 'x', 'fa')).toEqual({ key: 'pane.error.dateJalali' });
    expect(parseOptionFields('5', '۱۴۰۴/۰۱/۰۱', 'fa')).toEqual({ bins: 5, analysisDate: MARCH_21_2025 });
  });
});
