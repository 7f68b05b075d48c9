/**
 * The preview viewer's cell text as Excel shows it for the formats our workbooks write
 * (report/formats.ts). Expected texts written by hand from Excel's documented format codes; the
 * Jalali dates from the calendar (1402/10/01 is 2023-12-22, Nowruz 1403 is 2024-03-20).
 */
import { formatCellText } from '../../src/preview/cellFormat';
import { DATE_FORMAT_EN, DATE_FORMAT_FA, INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, PROBABILITY_FORMAT, localizeFormat } from '../../src/report/formats';

/** Excel serial of 2024-01-05 (2024-01-01 is 45292). */
const JAN_5_2024 = 45296;

describe('formatCellText', () => {
  test('thousands separators and decimals', () => {
    expect(formatCellText(2_527_200_000, INTEGER_FORMAT)).toBe('2,527,200,000');
    expect(formatCellText(1234.5, MONEY_FORMAT)).toBe('1,234.50');
    expect(formatCellText(0.12345, PROBABILITY_FORMAT)).toBe('0.123');
    expect(formatCellText(0.459, PERCENT_FORMAT)).toBe('45.9%');
    expect(formatCellText(-3.5, '#,##0.00;[Red]-#,##0.00')).toBe('-3.50');
    expect(formatCellText(-3.5, '#,##0.00')).toBe('-3.50');
    expect(formatCellText(1500, '#,##0 "ریال"')).toBe('1,500 ریال');
    expect(formatCellText(12, '[$$-409]#,##0.00')).toBe('$12.00');
  });

  test('Persian workbooks: Persian digits and separators', () => {
    expect(formatCellText(2_527_200_000, localizeFormat(INTEGER_FORMAT, 'fa')!)).toBe('۲٬۵۲۷٬۲۰۰٬۰۰۰');
    expect(formatCellText(1234.5, localizeFormat(MONEY_FORMAT, 'fa')!)).toBe('۱٬۲۳۴٫۵۰');
    expect(formatCellText(0.459, localizeFormat(PERCENT_FORMAT, 'fa')!)).toBe('۴۵٫۹٪');
  });

  test('dates: ISO in English, Jalali with Persian digits in Persian', () => {
    expect(formatCellText(JAN_5_2024, DATE_FORMAT_EN)).toBe('2024-01-05');
    expect(formatCellText(JAN_5_2024, DATE_FORMAT_FA)).toBe('۱۴۰۲/۱۰/۱۵');
    expect(formatCellText(JAN_5_2024 + 75, DATE_FORMAT_FA)).toBe('۱۴۰۳/۰۱/۰۱');
    expect(formatCellText(JAN_5_2024, 'd/m/yy')).toBe('5/1/24');
  });

  test('General, text and booleans', () => {
    expect(formatCellText(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatCellText(42, '@')).toBe('42');
    expect(formatCellText('=1+1', INTEGER_FORMAT)).toBe('=1+1');
    expect(formatCellText(true, 'General')).toBe('TRUE');
  });
});
