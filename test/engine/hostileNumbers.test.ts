/**
 * Numbers from hostile files (issue 11): hex text is not an amount, and amounts that each fit a
 * double but add up past one (two of 1e308) are refused with the customer named, never shown as
 * an empty monetary with the top score.
 */
import { analyze } from '../../src/engine/analyze';
import { parseNumberCell } from '../../src/engine/numbers';
import { InputError } from '../../src/engine/types';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('amount text', () => {
  test('hex, octal and binary literals are not amounts (Number() would read 0xDEAD as 57005)', () => {
    for (const text of ['0xDEAD', '0x10', '0o17', '0b101', '-0x1']) expect(parseNumberCell(text)).toBeUndefined();
  });

  test('decimal scientific notation still reads; past the largest double it does not', () => {
    expect(parseNumberCell('1.5E+3')).toBe(1500);
    expect(parseNumberCell('-2e-1')).toBe(-0.2);
    expect(parseNumberCell('1e308')).toBe(1e308);
    expect(parseNumberCell('1e400')).toBeUndefined();
  });

  test('a row with 0xDEAD is skipped as bad-amount, not counted as 57005', () => {
    const a = analyze({ header: ['customer', 'date', 'amount'], rows: [['A', '2024-01-05', '0xDEAD'], ['B', '2024-01-06', '5']] }, { model: 'off', clusters: 'off' });
    expect(a.customers.map((c) => c.id)).toEqual(['B']);
    expect(a.skipped.byReason['bad-amount']).toBe(1);
  });
});

describe('sums past the largest double', () => {
  test('two amounts of 1e308 for one customer: InputError naming the customer', () => {
    const table = { header: ['customer', 'date', 'amount'], rows: [['A', '2024-01-05', '1e308'], ['A', '2024-01-06', '1e308'], ['B', '2024-01-06', '5']] };
    expect(refusal(() => analyze(table, { model: 'off', clusters: 'off' })))
      .toBe('The amounts of customer A add up to more than a number can hold (about 1.8e308); check the amount column.');
  });

  test('two customers of 1e308 each: the total overflows, refused too', () => {
    const table = { header: ['customer', 'date', 'amount'], rows: [['A', '2024-01-05', '1e308'], ['B', '2024-01-06', '1e308']] };
    expect(refusal(() => analyze(table, { model: 'off', clusters: 'off' })))
      .toBe('The amounts of all customers add up to more than a number can hold (about 1.8e308); check the amount column.');
  });

  test('customer-level input: revenues merged past the largest double are refused', () => {
    const table = { header: ['customer_id', 'recency_days', 'number_of_orders', 'revenue'], rows: [['x', '3', '2', '1e308'], ['x', '4', '1', '1e308']] };
    expect(refusal(() => analyze(table, { model: 'off', clusters: 'off' }))).toMatch(/^The amounts of customer x add up to more than a number can hold/);
  });

  test('one amount of 1e308 alone is a number and is kept', () => {
    const a = analyze({ header: ['customer', 'date', 'amount'], rows: [['A', '2024-01-05', '1e308'], ['B', '2024-01-06', '5']] }, { model: 'off', clusters: 'off' });
    expect(a.customers.find((c) => c.id === 'A')?.monetary).toBe(1e308);
  });
});
