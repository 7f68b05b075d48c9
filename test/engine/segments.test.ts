import { assertValidRules, assignSegments, defaultSegmentRules, matchRule, othersSegment, validateRules } from '../../src/engine/segments';
import { InputError, type SegmentRule } from '../../src/engine/types';

const rules = defaultSegmentRules();

describe('the rfm package default table (rfm_segment example, 0.3.0)', () => {
  test('names in order and their score ranges', () => {
    // From the package source: segment_names and recency/frequency/monetary lower/upper vectors.
    const lower = { r: [5, 3, 2, 3, 4, 1, 1, 1, 2, 1], f: [5, 3, 2, 1, 1, 3, 2, 3, 1, 1], m: [5, 2, 2, 3, 1, 4, 4, 3, 1, 1] };
    const upper = { r: [5, 5, 4, 4, 5, 2, 2, 3, 3, 1], f: [5, 5, 4, 3, 3, 4, 5, 5, 3, 5], m: [5, 5, 4, 5, 5, 5, 5, 5, 4, 5] };
    expect(rules.map((r) => r.name)).toEqual([
      'Champions',
      'Potential Loyalist',
      'Loyal Customers',
      'Promising',
      'New Customers',
      "Can't Lose Them",
      'At Risk',
      'Need Attention',
      'About To Sleep',
      'Lost',
    ]);
    rules.forEach((rule, i) => {
      expect(rule.recency).toEqual([lower.r[i], upper.r[i]]);
      expect(rule.frequency).toEqual([lower.f[i], upper.f[i]]);
      expect(rule.monetary).toEqual([lower.m[i], upper.m[i]]);
    });
  });

  test('every segment has a Persian name and actions in both languages', () => {
    for (const rule of [...rules, othersSegment()]) {
      expect(rule.nameFa).toMatch(/[\u0600-\u06FF]/);
      expect(rule.actionFa).toMatch(/[\u0600-\u06FF]/);
      expect(rule.actionEn.length).toBeGreaterThan(10);
    }
  });

  test('a fresh copy each call', () => {
    const copy = defaultSegmentRules();
    copy[0].recency[0] = 1;
    expect(defaultSegmentRules()[0].recency[0]).toBe(5);
  });
});

describe('matching: first match wins, unmatched = Others', () => {
  test.each([
    [5, 5, 5, 'Champions'],
    [1, 1, 1, 'Lost'],
    [5, 1, 1, 'New Customers'],
    [1, 5, 5, 'At Risk'], // Can't Lose Them needs F 3–4
    [1, 4, 4, "Can't Lose Them"],
    [4, 4, 4, 'Potential Loyalist'], // also inside Loyal Customers: the earlier rule wins
    [2, 2, 2, 'Loyal Customers'],
    [5, 4, 1, 'Others'],
  ])('R%i F%i M%i → %s', (r, f, m, name) => {
    expect(matchRule(r, f, m, rules)).toBe(name);
  });

  test('assignSegments agrees with matchRule for every 5-bin combination', () => {
    const rs: number[] = [];
    const fs: number[] = [];
    const ms: number[] = [];
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          rs.push(r);
          fs.push(f);
          ms.push(m);
        }
      }
    }
    expect(assignSegments(rs, fs, ms, rules)).toEqual(rs.map((r, i) => matchRule(r, fs[i], ms[i], rules)));
  });

  test('custom overlapping rules: order decides; scores up to 10', () => {
    const custom: SegmentRule[] = [
      { name: 'Top', recency: [8, 10], frequency: [8, 10], monetary: [1, 10], actionEn: '', actionFa: '' },
      { name: 'Any', recency: [1, 10], frequency: [1, 10], monetary: [1, 10], actionEn: '', actionFa: '' },
    ];
    expect(assignSegments([10, 9, 7], [10, 8, 10], [1, 1, 1], custom)).toEqual(['Top', 'Top', 'Any']);
  });
});

describe('validateRules', () => {
  const rule = (name: string, recency: [number, number] = [1, 5]): SegmentRule => ({
    name,
    recency,
    frequency: [1, 5],
    monetary: [1, 5],
    actionEn: '',
    actionFa: '',
  });

  test('the default table is valid', () => expect(validateRules(rules)).toEqual([]));

  test('each problem names the rule row', () => {
    expect(validateRules([rule('A', [4, 2]), rule(''), rule('A'), rule('Others'), rule('B', [0, 11])])).toEqual([
      'Rule 1 (A): recency: lower score 4 is above upper score 2.',
      'Rule 2: the segment needs a name.',
      'Rule 3 (A): the name is already used by rule 1.',
      'Rule 4 (Others): "Others" is reserved for customers no rule matches.',
      'Rule 5 (B): recency: scores must be between 1 and 10; got 0 to 11.',
    ]);
  });

  test('non-numeric or missing ranges (as a sheet may give)', () => {
    const bad = { ...rule('C'), frequency: ['x', 2] } as unknown as SegmentRule;
    const missing = { ...rule('D'), monetary: undefined } as unknown as SegmentRule;
    expect(validateRules([bad, missing])).toEqual([
      'Rule 1 (C): frequency: scores must be whole numbers.',
      'Rule 2 (D): monetary: needs a lower and an upper score.',
    ]);
  });

  test('an empty table', () => expect(validateRules([])).toEqual(['The segment rule table is empty: add at least one rule.']));

  test('assertValidRules throws one line with the first problem and a count', () => {
    expect(() => assertValidRules([rule('A', [4, 2]), rule('')])).toThrow(InputError);
    expect(() => assertValidRules([rule('A', [4, 2]), rule('')])).toThrow(
      'Segment rules: Rule 1 (A): recency: lower score 4 is above upper score 2. (and 1 more problem)',
    );
  });
});
