/**
 * A Persian sentence written into a cell must start with a Persian letter: spreadsheets (LibreOffice,
 * and Excel's "context" direction) take a cell's text direction from its first strong character, so
 * a sentence starting "k-means …" ran left-to-right off the printed page of the Persian Clusters
 * sheet, only "k-means …دهٔ" showing. Placeholders may lead (they are filled with Persian digits
 * or words); short labels such as "BG/NBD" or "AUC" fit their cells and are left alone.
 */
import { STRINGS } from '../../src/i18n';

/** Longer than this, a cell's text runs over its neighbours, so its direction shows. */
const SENTENCE_CHARS = 40;

/** The first letter of the text outside `{placeholders}`: Latin or not. */
function startsLatin(text: string): boolean {
  const letter = text.replace(/\{\w+\}/g, '').match(/\p{L}/u);
  return letter !== null && /[A-Za-z]/.test(letter[0]);
}

describe('Persian sentences of the workbook start right-to-left', () => {
  it('no report.* sentence in Persian starts with a Latin letter', () => {
    const latinFirst = Object.entries(STRINGS.fa)
      .filter(([key, text]) => key.startsWith('report.') && text.length > SENTENCE_CHARS && startsLatin(text))
      .map(([key]) => key);
    expect(latinFirst).toEqual([]);
  });

  it('the rule sees a Latin start (the Clusters sentence as it was)', () => {
    expect(startsLatin('k-means روی لگاریتم استانداردشدهٔ {features}')).toBe(true);
    expect(startsLatin('{count} مشتری در خطرند')).toBe(false);
  });
});
