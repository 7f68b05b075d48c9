/**
 * Fuzzing the number, date and option parsers: any text gives a number, undefined or NaN (cells)
 * or a command or a UsageError (options), never another exception and never a non-finite number.
 */
import fc from 'fast-check';
import { parseCommandLine } from '../../src/cli/args';
import { UsageError } from '../../src/cli/optionValues';
import { parseDateCell, resolveDateColumn } from '../../src/engine/dates';
import { makeNumberParser, normalizeId, parseNumberCell, resolveNumberColumn } from '../../src/engine/numbers';
import { FUZZ_RUNS, HOSTILE_TEXT } from '../support/fuzz';

/** Text built from hostile pieces, digits, separators and any Unicode. */
const cellText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom('0', '9', '.', ',', '-', '+', 'e', 'E', 'x', ' ', '/', '(', ')', '٬', '٫', '۵')), { maxLength: 12 }).map((parts) => parts.join('')),
);
const cell = fc.oneof(cellText, fc.double(), fc.boolean(), fc.constant(null));

describe('number parsing (fuzz)', () => {
  test('any cell: a finite number, undefined, or NaN from the column parser; never a throw', () => {
    fc.assert(fc.property(cell, fc.constantFrom('.' as const, ',' as const), (c, decimalSeparator) => {
      const v = parseNumberCell(c, { decimalSeparator });
      expect(v === undefined || Number.isFinite(v)).toBe(true);
      const raw = makeNumberParser({ decimalSeparator })(c);
      expect(raw === undefined || Number.isNaN(raw) || Number.isFinite(raw)).toBe(true);
      const id = normalizeId(c);
      expect(id === undefined || typeof id === 'string').toBe(true);
    }), { numRuns: FUZZ_RUNS * 3 });
  });

  test('a column of any cells resolves to a decimal separator', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 30 }), (cells) => {
      expect(['.', ',']).toContain(resolveNumberColumn(cells).decimalSeparator);
    }), { numRuns: FUZZ_RUNS });
  });
});

describe('date parsing (fuzz)', () => {
  test('any cell: a whole day number or undefined; a column of any cells resolves with every cell counted once', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 20 }), fc.constantFrom('dmy' as const, 'mdy' as const), (cells, order) => {
      for (const c of cells) {
        const day = parseDateCell(c, order);
        expect(day === undefined || Number.isInteger(day)).toBe(true);
      }
      const resolution = resolveDateColumn(cells);
      const counted = Object.values(resolution.formCounts).reduce((sum, n) => sum + (n ?? 0), resolution.blank + resolution.invalid);
      expect(counted).toBe(cells.length);
    }), { numRuns: FUZZ_RUNS });
  });
});

describe('option parsing (fuzz)', () => {
  const flag = fc.constantFrom('--bins', '--thresholds', '--horizon-months', '--discount-rate', '--margin', '--clusters', '--churn-thresholds', '--analysis-date', '--delimiter', '--out', '--lang', '--scoring');
  const value = fc.oneof(cellText, fc.constantFrom('r=1,2;f=1,2;m=1,2', 'r=1,2;r=1,2', '0x5', '5', '0.5', 'auto', '2024-01-01', 'tab'));
  test('any flags and values: a command or a UsageError', () => {
    fc.assert(fc.property(fc.array(fc.tuple(flag, value), { maxLength: 4 }), (pairs) => {
      const argv = ['analyze', 'x.csv', ...pairs.map(([f, v]) => `${f}=${v}`)];
      try {
        expect(parseCommandLine(argv).kind).toBe('analyze');
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        expect(err.message).not.toContain('\n');
      }
    }), { numRuns: FUZZ_RUNS });
  });
});
