/**
 * The widest value of a column (src/report/displayWidth.ts widestChars): the same as measuring
 * every cell with valueChars, for any values in any of the report's formats, though it measures
 * only the largest and the most negative number in a fixed number format.
 */
import fc from 'fast-check';
import { valueChars, widestChars } from '../../src/report/displayWidth';
import type { PlanValue } from '../../src/report/plan';

const FORMATS = [null, 'General', '@', '#,##0', '#,##0.00', '#,##0 "ریال"', '0', '0.0%', '0.00', '0.000', '0.0000', 'yyyy-mm-dd', '#,##0.00;[Red]-#,##0.00', '"$"#,##0.0'];

const value: fc.Arbitrary<PlanValue | undefined> = fc.oneof(
  fc.double(), fc.double({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -0, 9.995, 99.9999, -9.995, 0.00049, 999999.995, NaN, Infinity, -Infinity),
  fc.string(), fc.constantFrom('a\nlonger line', ''), fc.boolean(), fc.constant(null), fc.constant(undefined),
);

describe('widestChars', () => {
  it('equals the largest valueChars of the column', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 30 }), fc.constantFrom(...FORMATS), (column, format) => {
      const rows = column.map((v) => ['x', v] as PlanValue[]);
      const naive = column.reduce<number>((max, v) => Math.max(max, valueChars(v, format)), 0);
      expect(widestChars(rows, 1, format)).toBe(naive);
    }), { numRuns: 3000 });
  });

  it('measures a negative column by its most negative number', () => {
    expect(widestChars([[5], [-12.5], [300]], 0, '#,##0.00')).toBe(6);
    expect(widestChars([[Infinity], [-Infinity], [NaN]], 0, '#,##0')).toBe(0);
  });
});
