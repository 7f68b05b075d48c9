/** RFM.SEGMENT, RFM.VALUEQUADRANT and RFM.LOYALTYQUADRANT on hand-checked cases and error paths. */
import { loyaltyQuadrant, segment, valueQuadrant } from '../../src/functions/functions';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

beforeAll(installCustomFunctionsStub);

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

describe('RFM.SEGMENT', () => {
  // The rfm package's default table, checked by hand: first match wins, no match = Others.
  const cases: [number, number, number, string][] = [
    [5, 5, 5, 'Champions'],
    [3, 4, 3, 'Potential Loyalist'],
    [2, 2, 2, 'Loyal Customers'],
    [4, 1, 2, 'New Customers'],
    [1, 3, 4, "Can't Lose Them"],
    [1, 1, 1, 'Lost'],
    [2, 1, 5, 'Others'],
  ];

  it.each(cases)('R%i F%i M%i is %s under the default rules', (r, f, m, name) => {
    expect(segment([[r]], [[f]], [[m]])).toEqual([[name]]);
  });

  it('spills over ranges, and a range call equals the cell-by-cell calls', () => {
    const r = column(cases.map((c) => c[0]));
    const f = column(cases.map((c) => c[1]));
    const m = column(cases.map((c) => c[2]));
    const spilled = segment(r, f, m, null as unknown as unknown[][]);
    expect(spilled).toEqual(column(cases.map((c) => c[3])));
    expect(spilled).toEqual(cases.map((_, i) => segment([r[i]], [f[i]], [m[i]])[0]));
  });

  it('takes rules from a range in the Segment rules sheet layout', () => {
    const rules = [
      ['Segment', 'R min', 'R max', 'F min', 'F max', 'M min', 'M max'],
      ['Top', 4, 5, 4, 5, 1, 5],
      ['Rest', 1, 5, 1, 5, 1, 3],
    ];
    expect(segment(column([5, 5, 1]), column([4, 1, 1]), column([1, 5, 3]), rules)).toEqual(column(['Top', 'Others', 'Rest']));
  });

  it.each([
    ['a rules range without the score columns', () => segment([[1]], [[1]], [[1]], [['Segment'], ['Top']]), 'rules:'],
    ['a rule with a score of 11', () => segment([[1]], [[1]], [[1]], [['Segment', 'R min', 'R max', 'F min', 'F max', 'M min', 'M max'], ['Top', 1, 11, 1, 5, 1, 5]]), 'rules:'],
    ['a score of 0', () => segment([[0]], [[1]], [[1]]), 'r:'],
    ['a text score', () => segment([[1]], [['x']], [[1]]), 'f:'],
    ['ranges of different sizes', () => segment(column([1, 2]), [[1]], column([1, 2, 3])), 'm:'],
  ])('%s gives #VALUE! naming the argument', (_label, call, start) => {
    const error = errorOf(call());
    expect(error?.code).toBe('#VALUE!');
    expect(error?.message?.startsWith(start)).toBe(true);
  });
});

describe('RFM.VALUEQUADRANT', () => {
  // Frequencies 1, 2, 3, 10: mean 4, median 2.5. Monetary 10, 20, 30, 100: mean 40, median 25.
  const allF = column([1, 2, 3, 10]);
  const allM = column([10, 20, 30, 100]);

  it('splits at the mean by default: high is strictly above it', () => {
    const result = valueQuadrant(column([10, 10, 1, 4]), column([100, 10, 100, 40]), allF, allM);
    expect(result).toEqual(column(['Best', 'Frequent', 'High-spending', 'Uncertain']));
  });

  it('splits at the median when asked, and a range call equals cell-by-cell calls', () => {
    const f = column([3, 2, 3]);
    const m = column([30, 30, 20]);
    const result = valueQuadrant(f, m, allF, allM, 'median');
    expect(result).toEqual(column(['Best', 'High-spending', 'Frequent']));
    expect(result).toEqual([0, 1, 2].map((i) => valueQuadrant([f[i]], [m[i]], allF, allM, 'MEDIAN')[0]));
  });

  it.each([
    ['an unknown split', () => valueQuadrant([[1]], [[1]], allF, allM, 'mode'), '#VALUE!', 'split:'],
    ['text among all_monetaries', () => valueQuadrant([[1]], [[1]], allF, column([1, 'n/a'])), '#VALUE!', 'all_monetaries:'],
    ['an empty all_frequencies', () => valueQuadrant([[1]], [[1]], column(['', '']), allM), '#N/A', 'all_frequencies:'],
  ])('%s gives %s', (_label, call, code, start) => {
    const error = errorOf(call());
    expect(error?.code).toBe(code);
    expect(error?.message?.startsWith(start)).toBe(true);
  });
});

describe('RFM.LOYALTYQUADRANT', () => {
  // Lengths 100, 200, 300, 400: mean 250. Recencies 10, 20, 30, 60: mean 30 (recent = below).
  const allL = column([100, 200, 300, 400]);
  const allR = column([10, 20, 30, 60]);

  it('is Loyal for long and recent, Potential for long only, New for recent only, else Uncertain', () => {
    const result = loyaltyQuadrant(column([400, 300, 100, 250]), column([10, 30, 20, 30]), allL, allR);
    expect(result).toEqual(column(['Loyal', 'Potential', 'New', 'Uncertain']));
  });

  it('blank positions stay blank; one missing metric is #N/A there', () => {
    const result = loyaltyQuadrant(column(['', 400]), column(['', '']), allL, allR);
    expect(result[0][0]).toBe('');
    expect(errorOf([[result[1][0]]])?.code).toBe('#N/A');
  });

  it('a text length is #VALUE! at its position, naming length', () => {
    const result = loyaltyQuadrant(column([400, 'long']), column([10, 10]), allL, allR);
    expect(result[0][0]).toBe('Loyal');
    expect(errorOf([[result[1][0]]])).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^length:.*row 2/) });
  });
});
