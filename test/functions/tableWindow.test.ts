/**
 * =RFM.CUSTOMERTABLE follows the same row rules as the analysis: zero amounts are purchases, rows on or
 * after analysis_date are not used, and a date on or before the first purchase is refused.
 * Hand-built: serial 43831 is 2020-01-01.
 */
// RFM.CUSTOMERTABLE and RFM.FIT computed synchronously (the registered functions run them in a worker: offThread.ts)
import { tableNow as table } from '../../src/functions/heavy';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

beforeAll(() => installCustomFunctionsStub());

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
// a: 2020-01-01 (10), 2020-01-05 (0, a free item), 2020-01-20 (30); b: 2020-01-03 (0)
const ids = column(['a', 'a', 'a', 'b']);
const dates = column([43831, 43835, 43850, 43833]);
const amounts = column([10, 0, 30, 0]);

test('zero amounts count and the window holds: analysis date 2020-01-10', () => {
  const [header, ...rows] = table(ids, dates, amounts, 43840, 5, false);
  const at = (name: string) => (header as string[]).indexOf(name);
  expect(rows.map((r) => [r[at('customer')], r[at('frequency')], r[at('monetary')], r[at('recency_days')], r[at('last_purchase')]])).toEqual([
    ['a', 2, 10, 5, 43835],
    ['b', 1, 0, 7, 43833],
  ]);
});

test('an analysis date on or before the first purchase is #VALUE! naming the analysis date', () => {
  const error = errorOf(table(ids, dates, amounts, 43831, 5, false));
  expect(error?.code).toBe('#VALUE!');
  expect(error?.message).toBe('The analysis date 2020-01-01 is on or before the first purchase (2020-01-01): no purchase comes before it. Choose a later analysis date.');
});
