/** Headline figures at 320 px: six digits in full, larger ones rounded to three significant digits. */
import { figureText } from '../../src/taskpane/figures';

describe('figureText', () => {
  test('up to six digits: as they are', () => {
    expect(figureText('en', 999_999)).toEqual({ text: '999,999', full: '999,999', shortened: false });
    expect(figureText('fa', 1713)).toEqual({ text: '۱٬۷۱۳', full: '۱٬۷۱۳', shortened: false });
  });
  test('the rial revenue of the issue: 2,527,200,000 → 2.53 B / ۲٫۵۳ میلیارد, exact value kept', () => {
    expect(figureText('en', 2_527_200_000)).toEqual({ text: '2.53 B', full: '2,527,200,000', shortened: true });
    expect(figureText('fa', 2_527_200_000)).toEqual({ text: '۲٫۵۳ میلیارد', full: '۲٬۵۲۷٬۲۰۰٬۰۰۰', shortened: true });
  });
  test('three significant digits, rounded (not cut), rolling over to the next word', () => {
    expect(figureText('en', 1_000_000).text).toBe('1 M');
    expect(figureText('en', 15_226_000).text).toBe('15.2 M');
    expect(figureText('en', 152_260_000).text).toBe('152 M');
    expect(figureText('en', 1_996_000).text).toBe('2 M');
    expect(figureText('en', 999_999_999).text).toBe('1 B');
    expect(figureText('en', -2_500_000).text).toBe('-2.5 M');
    expect(figureText('en', 7_250_000_000_000).text).toBe('7.25 T');
    expect(figureText('en', 5e15).text).toBe('5,000 T');
    expect(figureText('fa', 3_400_000_000_000).text).toBe('۳٫۴ هزار میلیارد');
  });
});
