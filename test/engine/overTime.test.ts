/**
 * Segment migration, cohorts, contacts and share of wallet on small hand-made histories, every
 * expected value worked out by hand in the comments.
 */
import { analyzeTransactions } from '../../src/engine';
import { cohortTable } from '../../src/engine/cohorts';
import { addContactRows, contactColumns, contactsByCustomer, normalizeIranianMobile, type ContactColumn } from '../../src/engine/contacts';
import { compareSegments, largestMoveDown } from '../../src/engine/migration';
import { addShareOfWallet, addWalletRows, walletByCustomer } from '../../src/engine/wallet';
import type { Cell, SegmentRule, Transaction } from '../../src/engine/types';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
let row = 2;
const line = (customerId: string, iso: string, amount: number): Transaction => ({ customerId, day: day(iso), amount, rowNumber: row++ });

// Two bins and two rules keep the scores easy to follow: with 2 bins the cut point is the median + 1.
const RULES: SegmentRule[] = [
  { name: 'Top', recency: [2, 2], frequency: [2, 2], monetary: [1, 2], actionEn: '', actionFa: '' },
  { name: 'Rest', recency: [1, 2], frequency: [1, 2], monetary: [1, 2], actionEn: '', actionFa: '' },
];

describe('segment migration', () => {
  // Before 2024-03-01 (the comparison date): a bought on 01-10 and 02-20 (F 2, recency 10 days),
  // b on 01-05 only (F 1, recency 56), c not yet a customer. Recency values {10, 56}: type-7 median
  // 33, cut 34; a (10 < 34) gets R 2, b gets R 1. F {2, 1}: median 1.5, cut 2.5, so a (F 2)
  // and b both get F 1. Then a: R2 F1 → Rest; b: R1 F1 → Rest.
  // At 2024-06-01: a bought again on 05-30 (F 3, recency 2), b nothing (recency 148), c on 04-01
  // and 05-01 (F 2, recency 31). Recency {2, 148, 31}: median 31, cut 32 → a R2, c R2, b R1.
  // F {3, 1, 2}: median 2, cut 3 → a F2, b F1, c F1. So a: Top (was Rest); b: Rest; c: Rest (new).
  const transactions = [
    line('a', '2024-01-10', 10), line('a', '2024-02-20', 10), line('a', '2024-05-30', 10),
    line('b', '2024-01-05', 50),
    line('c', '2024-04-01', 20), line('c', '2024-05-01', 20),
  ];
  const analysis = analyzeTransactions(transactions, {
    analysisDate: day('2024-06-01'), compareTo: day('2024-03-01'), bins: 2, segmentRules: RULES, clusters: 'off', model: 'off',
  });
  const byId = new Map(analysis.customers.map((c) => [c.id, c]));

  it('records each customer\'s earlier segment, null for customers new since then', () => {
    expect(byId.get('a')?.segment).toBe('Top');
    expect(byId.get('a')?.previousSegment).toBe('Rest');
    expect(byId.get('b')?.previousSegment).toBe('Rest');
    expect(byId.get('c')?.previousSegment).toBeNull();
  });

  it('counts customers and revenue from each earlier segment (rows) to each segment now (columns)', () => {
    const m = analysis.migration!;
    expect(m.segments).toEqual(['Top', 'Rest', 'Others']);
    // rows Top, Rest, Others, new; columns Top, Rest, Others
    expect(m.customers).toEqual([[0, 0, 0], [1, 1, 0], [0, 0, 0], [0, 1, 0]]);
    expect(m.revenue).toEqual([[0, 0, 0], [30, 50, 0], [0, 0, 0], [0, 40, 0]]);
    expect(m.newCustomers).toBe(1);
  });

  it('lists nobody as moved down when nobody lost score points (a moved up, b stayed)', () => {
    expect(analysis.migration!.movedDown).toEqual([]);
    expect(largestMoveDown(analysis.migration!)).toBeNull();
  });

  it('refuses a comparison date outside the history, naming the date', () => {
    expect(() => analyzeTransactions(transactions, { analysisDate: day('2024-06-01'), compareTo: day('2024-06-01'), clusters: 'off', model: 'off' }))
      .toThrow('The comparison date (2024-06-01) must be after the first purchase and before the analysis date.');
    expect(() => analyzeTransactions(transactions, { analysisDate: day('2024-06-01'), compareTo: day('2024-01-05'), clusters: 'off', model: 'off' }))
      .toThrow(/comparison date \(2024-01-05\)/);
  });
});

describe('who moved down', () => {
  // p: Champions (R5 F5 M5 = 15 points) → At Risk (R1 F4 M5 = 10): down. q: Loyal (3+3+3) → Lost
  // (1+1+1): down, less revenue. r: At Risk (1+4+5) → Champions: up. s: Lost → Lost: same.
  const customer = (id: string, segment: string, r: number, f: number, m: number, revenue = 0) =>
    ({ id, segment, recencyScore: r, frequencyScore: f, monetaryScore: m, revenue, clv: null });
  const earlier = { customers: [customer('p', 'Champions', 5, 5, 5), customer('q', 'Loyal', 3, 3, 3), customer('r', 'At Risk', 1, 4, 5), customer('s', 'Lost', 1, 1, 1)] };
  const now = { customers: [customer('p', 'At Risk', 1, 4, 5, 900), customer('q', 'Lost', 1, 1, 1, 100), customer('r', 'Champions', 5, 5, 5, 50), customer('s', 'Lost', 1, 1, 1, 5)] };
  const m = compareSegments(earlier as never, now as never, 0, ['Champions', 'Loyal', 'At Risk', 'Lost', 'Others']);
  it('lists the customers who lost score points in another segment, highest revenue first', () => {
    expect(m.movedDown.map((d) => [d.id, d.from, d.to, d.revenue])).toEqual([['p', 'Champions', 'At Risk', 900], ['q', 'Loyal', 'Lost', 100]]);
  });
  it('names the largest move down (ties: the first found)', () => {
    expect(largestMoveDown(m)).toEqual({ from: 'Champions', to: 'At Risk', customers: 1 });
  });
});

describe('cohort table', () => {
  it('counts each cohort\'s customers with a purchase in each later month', () => {
    // x: Jan, Feb, Apr; y: Jan, Mar; z: Feb, Feb (twice in one month), Apr; w: a return only in Mar.
    const t = [
      line('x', '2024-01-15', 5), line('x', '2024-02-03', 5), line('x', '2024-04-30', 5),
      line('y', '2024-01-31', 5), line('y', '2024-03-01', 5),
      line('z', '2024-02-01', 5), line('z', '2024-02-29', 5), line('z', '2024-04-01', 5),
      line('w', '2024-03-10', -5),
      line('x', '2024-05-01', 5), // on the analysis date: outside the window
    ];
    expect(cohortTable(t, day('2024-05-01'), 'gregorian')).toEqual([
      { cohort: '2024-01', customers: 2, active: [2, 1, 1, 1] }, // Jan: x,y; Feb: x; Mar: y; Apr: x
      { cohort: '2024-02', customers: 1, active: [1, 0, 1] }, // z: Feb, -, Apr
    ]);
  });
  it('groups by Jalali month in the Jalali calendar (1403/01/01 = 2024-03-20)', () => {
    const t = [line('p', '2024-03-19', 5), line('q', '2024-03-20', 5), line('p', '2024-04-19', 5)];
    // 2024-03-19 is 1402/12/29 (Esfand), 2024-03-20 is 1403/01/01, 2024-04-19 is 1403/01/31
    expect(cohortTable(t, day('2024-05-01'), 'jalali')).toEqual([
      { cohort: '1402-12', customers: 1, active: [1, 1] },
      { cohort: '1403-01', customers: 1, active: [1] },
    ]);
  });
});

describe('contacts', () => {
  it.each([
    ['09123456789', '09123456789'], ['+98 912 345 6789', '09123456789'], ['0098-912-345-6789', '09123456789'],
    ['989123456789', '09123456789'], ['9123456789', '09123456789'], ['۰۹۱۲۳۴۵۶۷۸۹', '09123456789'], ['(0912) 345 6789', '09123456789'],
  ])('reads the Iranian mobile %s as %s', (text, want) => {
    expect(normalizeIranianMobile(text)).toEqual({ ok: true, value: want });
  });
  it.each(['0912345678', '08123456789', '12345', 'call me'])('reports %s as not a mobile number, keeping it as written', (text) => {
    expect(normalizeIranianMobile(text)).toEqual({ ok: false, value: text });
  });
  it('keeps a number with another country code as written', () => {
    expect(normalizeIranianMobile('+44 7700 900123')).toEqual({ ok: true, value: '+447700900123' });
  });
  it('finds email, mobile, phone and name columns by English and Persian headers, never data columns', () => {
    const header = ['customer_id', 'Email', 'نام', 'تلفن همراه', 'Phone', 'amount', 'first_name'];
    expect(contactColumns(header, new Set([0, 5])).map((c) => [c.header, c.kind])).toEqual([
      ['Email', 'email'], ['نام', 'name'], ['تلفن همراه', 'mobile'], ['Phone', 'phone'], ['first_name', 'name'],
    ]);
    expect(() => contactColumns(header, new Set(), ['sms'])).toThrow("--contact: no column 'sms'");
  });

  // a's first row has no email and a blank mobile; its second row gives both; its third another
  // email, which comes too late. b has a blank id row between its rows (no customer: not counted).
  const header = ['customer', 'email', 'mobile'];
  const rows: Cell[][] = [['a', '', ' '], ['b', 'b@x.ir', 9123456789], ['a', ' a@x.ir ', '0912 000 0000'], [], [' ', 'nobody@x.ir', ''], ['a', 'late@x.ir', ''], ['b', '', '']];
  const columns: ContactColumn[] = [{ index: 1, header: 'email', kind: 'email' }, { index: 2, header: 'mobile', kind: 'mobile' }];
  const expected = new Map([['a', ['a@x.ir', '0912 000 0000']], ['b', ['b@x.ir', '9123456789']]]);
  it('keeps each customer\'s first non-blank value per column, trimmed, numbers without decimals', () => {
    expect(contactsByCustomer({ header, rows }, 0, columns)).toEqual(expected);
  });
  it.each([1, 2, 3, 7])('gives the same values folded %p rows at a time as from the whole table', (size) => {
    const into = new Map<string, string[]>();
    for (let i = 0; i < rows.length; i += size) addContactRows(into, rows.slice(i, i + size), 0, columns);
    expect(into).toEqual(expected);
  });
});

describe('share of wallet', () => {
  // a: 1,200 (thousands comma), then 900, then ۱۵۰۰ (Persian digits): the largest, 1500. b: only
  // 0 and text (no positive number): absent. c: 300 as a number.
  const rows: Cell[][] = [['a', '1,200'], ['b', '0'], ['a', '900'], ['c', 300], ['b', 'n/a'], ['a', '۱۵۰۰'], ['', '99']];
  const expected = new Map([['a', 1500], ['c', 300]]);
  it('takes each customer\'s largest positive number', () => {
    expect(walletByCustomer({ header: ['customer', 'wallet'], rows }, 0, 1)).toEqual(expected);
  });
  it.each([1, 2, 4])('gives the same wallets folded %p rows at a time as from the whole table', (size) => {
    const into = new Map<string, number>();
    for (let i = 0; i < rows.length; i += size) addWalletRows(into, rows.slice(i, i + size), 0, 1);
    expect(into).toEqual(expected);
  });
  it('is revenue ÷ wallet per customer and over the customers with a wallet', () => {
    const analysis = analyzeTransactions([line('a', '2024-01-01', 30), line('b', '2024-01-02', 10)], { clusters: 'off', model: 'off', analysisDate: day('2024-02-01') });
    const summary = addShareOfWallet(analysis, new Map([['a', 120]]));
    expect(analysis.customers.map((c) => [c.id, c.wallet, c.shareOfWallet])).toEqual([['a', 120, 0.25], ['b', null, null]]);
    expect(summary).toEqual({ customers: 1, revenue: 30, wallet: 120, share: 0.25, bySegment: [{ segment: analysis.customers[0].segment, customers: 1, revenue: 30, wallet: 120, share: 0.25 }] });
  });
  it('sums revenue and wallets per segment before dividing (a group\'s share, not a mean of shares)', () => {
    // a and b share a segment (both bought once, same day, same amount): (10 + 10) / (40 + 10) = 0.4,
    // while the mean of their own shares would be (0.25 + 1) / 2 = 0.625.
    const analysis = analyzeTransactions([line('a', '2024-01-01', 10), line('b', '2024-01-01', 10)], { clusters: 'off', model: 'off', analysisDate: day('2024-02-01') });
    const summary = addShareOfWallet(analysis, new Map([['a', 40], ['b', 10]]));
    expect(analysis.customers[0].segment).toBe(analysis.customers[1].segment);
    expect(summary?.bySegment).toEqual([{ segment: analysis.customers[0].segment, customers: 2, revenue: 20, wallet: 50, share: 0.4 }]);
  });
});
