import fc from 'fast-check';
import {
  isErrorCell,
  makeNumberParser,
  normalizeId,
  parseNumberCell,
  resolveNumberColumn,
} from '../../src/engine/numbers';

const comma = { decimalSeparator: ',' } as const;

describe('parseNumberCell', () => {
  test.each([
    [12, 12],
    [-3.5, -3.5],
    ['12', 12],
    ['  12.50 ', 12.5],
    ['1,234.50', 1234.5],
    ['1,234,567.891', 1234567.891],
    ["1'234.50", 1234.5],
    ['$1,234.50', 1234.5],
    ['$ 1,234.50', 1234.5],
    ['£12', 12],
    ['¥1000', 1000],
    ['12 USD', 12],
    ['USD 12', 12],
    ['12 usd', 12],
    ['IRR 1,500,000', 1500000],
    ['﷼ ۱۲٬۵۰۰', 12500],
    ['۱۲٬۵۰۰ ریال', 12500],
    ['١٢٬٥٠٠٫٧٥ تومان', 12500.75],
    ['۱۲۵۰۰', 12500],
    ['(1,234.50)', -1234.5],
    ['($12)', -12],
    ['1234-', -1234],
    ['-1234', -1234],
    ['−12', -12],
    ['-$12', -12],
    ['$-12', -12],
    ['+12', 12],
    ['.5', 0.5],
    ['0.1', 0.1],
    ['1.5E+3', 1500],
    ['2e-2', 0.02],
  ])('%j → %d', (cell, expected) => {
    expect(parseNumberCell(cell)).toBe(expected);
  });

  test.each([
    ['1.234,50', 1234.5],
    ['€ 12,50', 12.5],
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['-1.234.567,5', -1234567.5],
    ['12', 12],
  ])('European style %j → %d', (cell, expected) => {
    expect(parseNumberCell(cell, comma)).toBe(expected);
  });

  test.each([
    'abc', '12abc', '1,2', '1,23,4', '12,34.5', '1.2.3', '--1', '(12', '12)', '(-12)', '$', '-', '1 2',
    '12%', '=1+2', '9'.repeat(400), '1e400', true, false,
  ])('%j is not a number', (cell) => {
    expect(parseNumberCell(cell)).toBeUndefined();
    expect(Number.isNaN(makeNumberParser()(cell))).toBe(true);
  });

  test('blank cells are undefined (not NaN) in the column parser', () => {
    const parse = makeNumberParser();
    for (const v of ['', '   ', null, undefined]) expect(parse(v)).toBeUndefined();
    expect(Number.isNaN(parse(NaN))).toBe(true);
    expect(Number.isNaN(parse(Infinity))).toBe(true);
  });
});

describe('resolveNumberColumn', () => {
  test('a comma after the last point, a lone comma with 1–2 decimals, or several points → comma', () => {
    expect(resolveNumberColumn(['1.234,50', '12']).decimalSeparator).toBe(',');
    expect(resolveNumberColumn(['12,5', '7']).decimalSeparator).toBe(',');
    expect(resolveNumberColumn(['1.234.567', '7']).decimalSeparator).toBe(',');
  });

  test('otherwise a point, including when nothing decides (1,234 or numbers only)', () => {
    expect(resolveNumberColumn(['1,234.50']).decimalSeparator).toBe('.');
    expect(resolveNumberColumn(['1,234,567']).decimalSeparator).toBe('.');
    expect(resolveNumberColumn(['1,234', '2,000']).decimalSeparator).toBe('.');
    expect(resolveNumberColumn([12.5, 3, null]).decimalSeparator).toBe('.');
    expect(resolveNumberColumn(['12.5', '1.234,5', '3.25']).decimalSeparator).toBe('.');
  });
});

describe('isErrorCell', () => {
  test.each(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', ' #N/A ', '#n/a'])('%j is an Excel error', (v) => {
    expect(isErrorCell(v)).toBe(true);
  });
  test.each(['#12', 'N/A', '#', '', 12, null, 'order #N/A'])('%j is not', (v) => {
    expect(isErrorCell(v)).toBe(false);
  });
});

describe('normalizeId', () => {
  test.each([
    [17850, '17850'],
    [17850.0, '17850'],
    ['17850', '17850'],
    ['17850.0', '17850'],
    [' 17850.00 ', '17850'],
    ['-12.0', '-12'],
    ['0.0', '0'],
    ['00123', '00123'],
    ['17850.5', '17850.5'],
    [17850.5, '17850.5'],
    ['C536365', 'C536365'],
    ['A.0', 'A.0'],
    ['1.2.0', '1.2.0'],
    ['Abbey O\'Reilly ', "Abbey O'Reilly"],
    ['۱۲۳', '123'],
    ['۱۲۳٫۰', '123'],
    ['علي', 'علی'],
    ['كريم ۱۲', 'کریم 12'],
    ['شركت ۱۲۰٫۰', 'شرکت 120٫0'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['@cmd', '@cmd'],
    [true, 'TRUE'],
  ])('%j → %j', (cell, expected) => {
    expect(normalizeId(cell)).toBe(expected);
  });

  test('blank is undefined', () => {
    for (const v of ['', '  ', null, undefined, NaN]) expect(normalizeId(v)).toBeUndefined();
  });
});

describe('properties', () => {
  const groups = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  test('an amount written with either separator style parses back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.boolean(), fc.constantFrom('', '$', '€', ' ریال'), (cents, european, currency) => {
        const negative = cents < 0;
        const abs = Math.abs(cents);
        const whole = groups(String(Math.floor(abs / 100)), european ? '.' : ',');
        const frac = String(abs % 100).padStart(2, '0');
        const body = `${whole}${european ? ',' : '.'}${frac}`;
        const text = `${negative ? '-' : ''}${currency.trim() === 'ریال' ? body + currency : currency + body}`;
        const style = resolveNumberColumn([text]);
        const value = makeNumberParser(european ? { decimalSeparator: ',' } : style)(text) as number;
        expect(Math.round(value * 100)).toBe(cents);
      }),
    );
  });

  test('plain decimal text parses exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        const text = v.toFixed(4);
        expect(parseNumberCell(text)).toBe(Number(text));
      }),
    );
  });
});

describe('arbitrary text', () => {
  test('parseNumberCell gives a finite number or undefined, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...'0123456789,.() -−$€٬٫۱۲eE'.split('')) })), (text) => {
        for (const style of [{ decimalSeparator: '.' }, { decimalSeparator: ',' }] as const) {
          const v = parseNumberCell(text, style);
          if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
        }
      }),
    );
  });
});
