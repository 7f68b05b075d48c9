/**
 * RFM.CUSTOMERTABLE's shape and error paths on small hand-made inputs, and a property over every function:
 * whatever Excel hands over, a function returns a matrix and never throws.
 */
import fc from 'fast-check';
import * as registered from '../../src/functions/functions';
import { fitNow, tableNow } from '../../src/functions/heavy';
import { errorOf, installCustomFunctionsStub, StubError } from './support/customFunctionsStub';

beforeAll(installCustomFunctionsStub);

// RFM.CUSTOMERTABLE and RFM.FIT computed synchronously (the registered ones run them in a worker: offThread.ts)
const functions = { ...registered, table: tableNow, fit: fitNow };

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
// 2020-01-01 = serial 43831; three customers, one return.
const ids = column(['a', 'a', 'b', 'c', 'c']);
const days = column([43831, 43841, 43851, 43836, 43861]);
const money = column([10, 30, 25, 40, -5]);

describe('RFM.CUSTOMERTABLE', () => {
  it('computes the customer rows: dates as serials, analysis date defaulting to the day after the last', () => {
    const result = functions.table(ids, days, money);
    const header = result[0] as string[];
    const a = result[1];
    expect(result.map((row) => row[0])).toEqual(['customer', 'a', 'b', 'c']);
    expect(a[header.indexOf('first_purchase')]).toBe(43831);
    expect(a[header.indexOf('last_purchase')]).toBe(43841);
    expect(a[header.indexOf('recency_days')]).toBe(43862 - 43841);
    expect(a[header.indexOf('length_days')]).toBe(43862 - 43831);
    expect(a[header.indexOf('frequency')]).toBe(2);
    expect(a[header.indexOf('monetary')]).toBe(40);
    expect(result[3][header.indexOf('monetary')]).toBe(35);
  });

  it('takes an analysis date and ignores blank rows at the end (whole-column references)', () => {
    const pad = (c: unknown[][]) => [...c, ...column(['', '', null])];
    const result = functions.table(pad(ids), pad(days), pad(money), 43900);
    expect(result).toHaveLength(4);
    expect(result[1][(result[0] as string[]).indexOf('recency_days')]).toBe(43900 - 43841);
  });

  it('reads an analysis date given as text, ISO or Jalali (1398/10/21 = 2020-01-11 = serial 43841)', () => {
    const bySerial = functions.table(ids, days, money, 43841);
    expect(functions.table(ids, days, money, '2020-01-11')).toEqual(bySerial);
    expect(functions.table(ids, days, money, '1398/10/21')).toEqual(bySerial);
  });

  it('with predictions FALSE leaves the cluster to churn columns blank and the rest unchanged', () => {
    const full = functions.table(ids, days, money);
    const fast = functions.table(ids, days, money, null, null as unknown as number, false);
    const firstPredicted = (full[0] as string[]).indexOf('cluster');
    expect(fast.map((row) => row.slice(0, firstPredicted))).toEqual(full.map((row) => row.slice(0, firstPredicted)));
    expect(fast.slice(1).every((row) => row.slice(firstPredicted).every((v) => v === ''))).toBe(true);
  });

  it('accepts the three ranges as rows', () => {
    const asRow = (c: unknown[][]) => [c.map((r) => r[0])];
    expect(functions.table(asRow(ids), asRow(days), asRow(money))).toEqual(functions.table(ids, days, money));
  });

  it.each([
    ['ranges of different lengths', () => functions.table(ids, days.slice(1), money), '#VALUE!', 'dates:'],
    ['a two-column range', () => functions.table([['a', 'b']].concat([['c', 'd']]), days.slice(0, 2), money.slice(0, 2)), '#VALUE!', 'customers:'],
    ['bins of 12', () => functions.table(ids, days, money, undefined, 12), '#VALUE!', 'bins:'],
    ['predictions that is not a flag', () => functions.table(ids, days, money, undefined, 5, 'no' as unknown as boolean), '#VALUE!', 'predictions:'],
    ['an analysis date that is text', () => functions.table(ids, days, money, 'soon' as unknown as number), '#VALUE!', 'analysis_date:'],
    ['a date cell with text', () => functions.table(ids, column([43831, 'yesterday', 43851, 43836, 43861]), money), '#VALUE!', 'dates: row 2'],
    ['an amount cell with text', () => functions.table(ids, days, column([10, 30, 'lots', 40, -5])), '#VALUE!', 'amounts: row 3'],
    ['only blank cells', () => functions.table(column(['', '']), column(['', '']), column(['', ''])), '#N/A', 'customers:'],
  ])('%s gives %s naming the argument', (_label, call, code, start) => {
    const error = errorOf(call());
    expect(error?.code).toBe(code);
    expect(error?.message?.startsWith(start)).toBe(true);
  });
});

describe('every function, whatever it is given', () => {
  const cell = fc.oneof(fc.constant(''), fc.constant(null), fc.integer({ min: -5, max: 50000 }), fc.double({ noNaN: false }), fc.string({ maxLength: 4 }), fc.boolean());
  const matrix = fc.oneof(
    cell.map((v) => [[v]]),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 4 }),
    cell,
  );
  const arg = fc.oneof(matrix, cell, fc.constant(undefined));
  const calls: [string, number][] = [
    ['score', 4], ['segment', 4], ['code', 3], ['valueQuadrant', 5], ['loyaltyQuadrant', 5],
    ['table', 6], ['fit', 5], ['palive', 5], ['clv', 10],
  ];

  it.each(calls)('%s returns a matrix of values or errors and never throws', (name, arity) => {
    const fn = (functions as unknown as Record<string, (...args: unknown[]) => unknown[][]>)[name];
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        const result = fn(...args);
        expect(Array.isArray(result)).toBe(true);
        for (const row of result) {
          expect(Array.isArray(row)).toBe(true);
          for (const value of row) {
            const ok = value instanceof StubError || ['string', 'number'].includes(typeof value);
            expect(ok).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000); // a generous limit: the runs include whole TABLE analyses on a shared, busy machine
});
