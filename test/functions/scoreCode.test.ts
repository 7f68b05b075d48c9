/** RFM.SCORE and RFM.RFMCODE on hand-computed cases, shapes, and their error paths. */
import { code, score } from '../../src/functions/functions';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

beforeAll(installCustomFunctionsStub);

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
const ONE_TO_TEN = column([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

describe('RFM.SCORE', () => {
  // R: quantile(1:10, c(.2,.4,.6,.8)) = 2.8 4.6 6.4 8.2, cut points + 1 = 3.8 5.6 7.4 9.2
  const expectedUp = [1, 1, 1, 2, 2, 3, 3, 4, 4, 5];

  it('scores each value by R rfm quantile bins, the result spilling in the shape of value', () => {
    expect(score(ONE_TO_TEN, ONE_TO_TEN, null as unknown as number, null as unknown as boolean)).toEqual(column(expectedUp));
    expect(score([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], ONE_TO_TEN)).toEqual([expectedUp]);
  });

  it('reverses for recency: the smallest values get the top score', () => {
    expect(score(ONE_TO_TEN, ONE_TO_TEN, 5, true)).toEqual(column(expectedUp.map((s) => 6 - s)));
  });

  it('takes the number of bins (2 bins: one cut at the median + 1 = 6.5)', () => {
    expect(score([[6], [7]], ONE_TO_TEN, 2)).toEqual([[1], [2]]);
  });

  it('never splits ties and skips blank cells of values', () => {
    const values = column([5, 5, 5, 5, '', null, 1]);
    const result = score(column([5, 5]), values, 2);
    expect(result[0][0]).toBe(result[1][0]);
  });

  it('scores values outside the range of values into the end bins', () => {
    expect(score([[-100, 1000]], ONE_TO_TEN)).toEqual([[1, 5]]);
  });

  it('keeps blank positions of value blank and accepts numeric text', () => {
    expect(score(column(['', ' 10 ', null]), ONE_TO_TEN)).toEqual(column(['', 5, '']));
  });

  it('a range call equals the cell-by-cell calls', () => {
    const cells = ONE_TO_TEN.map((row) => score([row], ONE_TO_TEN, 4, true)[0]);
    expect(score(ONE_TO_TEN, ONE_TO_TEN, 4, true)).toEqual(cells);
  });

  it.each([
    ['bins not whole', () => score([[1]], ONE_TO_TEN, 2.5), '#VALUE!', 'bins'],
    ['bins too many', () => score([[1]], ONE_TO_TEN, 11), '#VALUE!', 'bins'],
    ['bins too few', () => score([[1]], ONE_TO_TEN, 1), '#VALUE!', 'bins'],
    ['reverse not a flag', () => score([[1]], ONE_TO_TEN, 5, 'yes' as unknown as boolean), '#VALUE!', 'reverse'],
    ['text in values', () => score([[1]], column([1, 'abc', 3])), '#VALUE!', 'values: is not a number (abc) (row 2)'],
    ['values all blank', () => score([[1]], column(['', null])), '#N/A', 'values'],
  ])('%s gives the right Excel error', (_label, call, code, mention) => {
    const error = errorOf(call());
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(mention);
  });

  it('a bad value is an error at its own position only', () => {
    const result = score(column([1, 'x', 10]), ONE_TO_TEN);
    expect(result[0][0]).toBe(1);
    expect(errorOf([[result[1][0]]])).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('value') });
    expect(errorOf([[result[1][0]]])?.message).toContain('row 2');
    expect(result[2][0]).toBe(5);
  });
});

describe('RFM.RFMCODE', () => {
  it('is 100·R + 10·F + M, position by position, a single cell repeated over ranges', () => {
    expect(code([[3]], [[4]], [[3]])).toEqual([[343]]);
    expect(code(column([4, 5]), column([1, 4]), [[2]])).toEqual(column([412, 542]));
  });

  it('a range call equals the cell-by-cell calls', () => {
    const r = column([1, 2, 3]);
    const f = column([5, 4, 3]);
    const m = column([2, 2, 1]);
    expect(code(r, f, m)).toEqual([0, 1, 2].map((i) => code([r[i]], [f[i]], [m[i]])[0]));
  });

  it('leaves all-blank positions blank and gives #N/A where one score is missing', () => {
    const result = code(column(['', 3]), column(['', '']), column(['', 2]));
    expect(result[0][0]).toBe('');
    expect(errorOf([[result[1][0]]])).toMatchObject({ code: '#N/A', message: expect.stringContaining('f') });
  });

  it.each([
    ['a score of 0', () => code([[0]], [[1]], [[1]]), 'r'],
    ['a fractional score', () => code([[1]], [[1.5]], [[1]]), 'f'],
    ['text', () => code([[1]], [[1]], [['high']]), 'm'],
    ['sizes that differ', () => code(column([1, 2]), column([1, 2, 3]), [[1]]), 'f'],
  ])('%s gives #VALUE! naming the argument', (_label, call, name) => {
    const error = errorOf(call());
    expect(error?.code).toBe('#VALUE!');
    expect(error?.message).toMatch(new RegExp(`^${name}:`));
  });
});
