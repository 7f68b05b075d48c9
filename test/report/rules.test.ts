import { buildWorkbookPlan } from '../../src/report/build';
import { parseRulesSheet, RULES_HEADER_ROW, RULES_TABLE } from '../../src/report/rulesSheet';
import { defaultSegmentRules } from '../../src/engine/segments';
import { InputError } from '../../src/engine/types';
import { smallAnalysis } from './fixtures';
import { tableOf } from './planHelpers';

const HEADER = ['Segment', 'R min', 'R max', 'F min', 'F max', 'M min', 'M max', 'Recommended action'];

function sheetValues(lang: 'en' | 'fa'): unknown[][] {
  const table = tableOf(buildWorkbookPlan(smallAnalysis(), { lang }), RULES_TABLE);
  return [table.header, ...table.rows];
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('Segment rules sheet', () => {
  test('the table lists the rules in order: name, R/F/M min and max, action', () => {
    const table = tableOf(buildWorkbookPlan(smallAnalysis(), { lang: 'en' }), RULES_TABLE);
    expect(table.header.slice(0, 8)).toEqual(HEADER);
    // The rfm package's first and last default rules: Champions 5-5/5-5/5-5, Lost 1-1/1-5/1-5.
    expect(table.rows[0].slice(0, 7)).toEqual(['Champions', 5, 5, 5, 5, 5, 5]);
    expect(table.rows[9].slice(0, 7)).toEqual(['Lost', 1, 1, 1, 5, 1, 5]);
    expect(table.row).toBe(RULES_HEADER_ROW);
  });

  test.each(['en', 'fa'] as const)('round trip through the %s sheet gives the same rules, both languages kept', (lang) => {
    expect(parseRulesSheet(sheetValues(lang))).toEqual(defaultSegmentRules());
  });

  test('reads a hand-typed table: numbers as text, Persian digits, blank rows, reordered columns', () => {
    const values = [
      ['R min', 'R max', 'Segment', 'F min', 'F max', 'M min', 'M max'],
      ['4', '5', 'Top', 4, 5, '۴', '۵'],
      [null, '', '  ', null, null, null, null],
      [1, 3, 'Rest', 1, 5, 1, 5],
    ];
    expect(parseRulesSheet(values)).toEqual([
      { name: 'Top', recency: [4, 5], frequency: [4, 5], monetary: [4, 5], actionEn: '', actionFa: '' },
      { name: 'Rest', recency: [1, 3], frequency: [1, 5], monetary: [1, 5], actionEn: '', actionFa: '' },
    ]);
  });

  test('errors name the sheet row and the column', () => {
    const base = () => [HEADER, ['Top', 5, 5, 5, 5, 5, 5, 'x'], ['Mid', 3, 4, 2, 4, 2, 4, 'y']];
    const bad = base();
    bad[2][3] = 'abc';
    const err = errorOf(() => parseRulesSheet(bad));
    expect(err).toBeInstanceOf(InputError);
    // Header on sheet row 4, so the second rule is row 6.
    expect(err.message).toBe('Segment rules, row 6: "F min" must be a whole number from 1 to 10, found "abc".');
    const reversed = base();
    reversed[1][1] = 5;
    reversed[1][2] = 2;
    expect(errorOf(() => parseRulesSheet(reversed, 1)).message).toBe('Segment rules, row 2: "R min" (5) is greater than "R max" (2).');
    const unnamed = base();
    unnamed[2][0] = '';
    expect(errorOf(() => parseRulesSheet(unnamed)).message).toBe('Segment rules, row 6: the segment name is empty.');
    const twice = base();
    twice[2][0] = 'Top';
    expect(errorOf(() => parseRulesSheet(twice)).message).toBe('Segment rules, row 6: the name "Top" is already used in row 5.');
    const eleven = base();
    eleven[1][6] = 11;
    expect(errorOf(() => parseRulesSheet(eleven)).message).toContain('row 5: "M max" must be a whole number from 1 to 10, found "11"');
  });

  test('a missing column or an empty table is named', () => {
    expect(errorOf(() => parseRulesSheet([['Segment', 'R min', 'R max']])).message).toBe(
      'Segment rules: the header row must name the columns Segment, R min, R max, F min, F max, M min, M max; missing: F min, F max, M min, M max.',
    );
    expect(errorOf(() => parseRulesSheet([HEADER, [null, null]])).message).toBe('Segment rules: the table has no rules.');
    expect(errorOf(() => parseRulesSheet([])).message).toContain('missing: Segment, R min');
    expect(errorOf(() => parseRulesSheet([HEADER, ['Others', 1, 5, 1, 5, 1, 5]])).message).toContain('reserved');
  });

  test('Persian messages when asked', () => {
    const values = [HEADER, ['Top', 0, 5, 5, 5, 5, 5]];
    expect(errorOf(() => parseRulesSheet(values, 4, 'fa')).message).toContain('قواعد بخش‌بندی، سطر ۵');
  });
});
