/** Error messages follow Office's display language: Persian in a fa-IR Excel, English otherwise. */
import { STRINGS } from '../../src/i18n';
import { code, score } from '../../src/functions/functions';
// RFM.CUSTOMERTABLE and RFM.FIT computed synchronously (the registered functions run them in a worker: offThread.ts)
import { fitNow as fit, tableNow as table } from '../../src/functions/heavy';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

const PERSIAN = /[\u0600-\u06FF]/;
const office = globalThis as unknown as { Office?: unknown };

beforeAll(installCustomFunctionsStub);
afterEach(() => {
  delete office.Office;
});

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

it('every functions message exists in English and Persian', () => {
  const keys = (lang: 'en' | 'fa') => Object.keys(STRINGS[lang]).filter((k) => k.startsWith('fn.')).sort();
  expect(keys('fa')).toEqual(keys('en'));
  for (const key of keys('fa')) expect(STRINGS.fa[key].trim()).not.toBe('');
});

describe('in a Persian Excel (displayLanguage fa-IR)', () => {
  beforeEach(() => {
    office.Office = { context: { displayLanguage: 'fa-IR' } };
  });

  it.each([
    ['bins out of range', () => score([[1]], [[1], [2]], 11), 'bins:'],
    ['a text cell in values, with its row', () => score([[1]], column([1, 'x'])), 'values:'],
    ['a bad score at a position', () => [[code(column([1, 0]), [[1]], [[1]])[1][0]]], 'r:'],
    ['ranges of different lengths', () => table(column(['a', 'b']), column([43831]), column([1, 2])), 'dates:'],
    ['an invalid history row', () => fit(column([1, 1]), column([1, 5]), column([2, 2])), 'T:'],
  ])('%s: the message is Persian and still starts with the argument name', (_label, call, start) => {
    const error = errorOf(call());
    expect(error?.message?.startsWith(start)).toBe(true);
    expect(error?.message).toMatch(PERSIAN);
  });

  it('positions are Persian too', () => {
    expect(errorOf(score([[1]], column([1, 'x'])))?.message).toContain('سطر ۲');
  });
});

it("the engine's errors follow the display language too (a table of returns only)", () => {
  const returnsOnly = () => table(column(['a']), column([43831]), column([-5]));
  office.Office = { context: { displayLanguage: 'fa-IR' } };
  expect(errorOf(returnsOnly())).toMatchObject({ code: '#VALUE!', message: 'هیچ مشتری خریدی برای تحلیل ندارد (۱ مشتری فقط مرجوعی دارند).' });
  office.Office = { context: { displayLanguage: 'en-GB' } };
  expect(errorOf(returnsOnly())?.message).toBe('No customer has a purchase to analyse (customers with only returns: 1).');
});

it('an English Excel keeps English messages', () => {
  office.Office = { context: { displayLanguage: 'en-US' } };
  expect(errorOf(score([[1]], [[1], [2]], 11))?.message).toBe('bins: must be from 2 to 10 (got 11)');
});
