/**
 * Persian digits in numbers and labels: every Latin digit becomes its Persian form (U+06F0 +
 * value) and, in numbers, the point becomes the Persian decimal separator (U+066B); nothing else
 * changes. Expected texts are written out by hand.
 */
import { localDigits, numberText } from '../../src/i18n';

describe('Persian digits', () => {
  it('writes numbers with Persian digits and decimal separator', () => {
    expect(numberText('fa', 0.001)).toBe('۰٫۰۰۱');
    expect(numberText('fa', -1234.5)).toBe('-۱۲۳۴٫۵');
    expect(numberText('fa', 1e21)).toBe('۱e+۲۱');
    expect(numberText('fa', 7)).toBe('۷');
    expect(numberText('fa', NaN)).toBe('NaN');
  });

  it('leaves English numbers as JavaScript writes them', () => {
    expect(numberText('en', -1234.5)).toBe('-1234.5');
    expect(numberText('en', 0.001)).toBe('0.001');
  });

  it('changes only the digits of a label, never its point or other text', () => {
    expect(localDigits('fa', '7+')).toBe('۷+');
    expect(localDigits('fa', '1404/01/15')).toBe('۱۴۰۴/۰۱/۱۵');
    expect(localDigits('fa', 'v1.2 x')).toBe('v۱.۲ x');
    expect(localDigits('fa', 'بدون رقم')).toBe('بدون رقم');
    expect(localDigits('fa', '')).toBe('');
    expect(localDigits('en', '1404/01/15')).toBe('1404/01/15');
  });
});
