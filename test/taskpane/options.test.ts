/**
 * The pane's option fields → the engine's options (src/taskpane/options.ts). Day numbers are
 * worked out here from UTC dates: 1403/01/01 (Nowruz) is 2024-03-20 and 1385/04/10 is 2006-07-01.
 */
import { analysisOptionsOf, type TypedOptions } from '../../src/taskpane/options';

const DAY = 86_400_000;
const BLANK: TypedOptions = { bins: '5', analysisDate: '', split: 'mean', dayMonth: '', zeroAmounts: 'purchase', writeBack: false };
const MAPPING = { customer: 0, date: 1, amount: 2 };

test('blank fields: bins, split, the input kind and a copy of the mapping, nothing else', () => {
  const run = analysisOptionsOf(BLANK, 'transactions', MAPPING, 'en');
  expect(run).toEqual({ options: { inputKind: 'transactions', columns: MAPPING, bins: 5, split: 'mean' }, writeBack: false });
  expect('options' in run && run.options.columns).not.toBe(MAPPING);
});

test('every field filled in the Persian pane: Persian digits, Jalali dates', () => {
  const typed: TypedOptions = {
    bins: '۴', analysisDate: '۱۴۰۳/۰۱/۰۱', split: 'median', dayMonth: 'dmy', zeroAmounts: 'skip', currency: 'IRT', writeBack: true,
    churnHorizon: '60', compareDate: '۱۳۸۵/۰۴/۱۰', cohorts: true,
  };
  expect(analysisOptionsOf(typed, 'customers', MAPPING, 'fa')).toEqual({
    options: {
      inputKind: 'customers', columns: MAPPING, bins: 4, split: 'median', analysisDate: Date.UTC(2024, 2, 20) / DAY, dayMonthOrder: 'dmy',
      zeroAmounts: 'skip', currency: 'IRT', churnHorizonDays: 60, compareTo: Date.UTC(2006, 6, 1) / DAY, cohorts: true,
    },
    writeBack: true,
  });
});

test('values the engine does not know are left out', () => {
  for (const odd of [{ currency: 'XYZ' }, { currency: '' }, { churnHorizon: '0' }, { churnHorizon: '1.5' }, { churnHorizon: 'soon' }, { dayMonth: 'ymd' }, { compareDate: '  ' }]) {
    const run = analysisOptionsOf({ ...BLANK, ...odd }, 'transactions', MAPPING, 'en');
    expect(run).toEqual({ options: { inputKind: 'transactions', columns: MAPPING, bins: 5, split: 'mean' }, writeBack: false });
  }
  const none = analysisOptionsOf({ ...BLANK, currency: 'none' }, 'transactions', MAPPING, 'en');
  expect('options' in none && none.options.currency).toBe('none');
});

test('the churn horizon left at the default 90 days is not sent, so the run may advise another', () => {
  const run = analysisOptionsOf({ ...BLANK, churnHorizon: '90' }, 'transactions', MAPPING, 'en');
  expect(run).toEqual({ options: { inputKind: 'transactions', columns: MAPPING, bins: 5, split: 'mean' }, writeBack: false });
});

test('the first wrong field is the message: bins, then the analysis date, then the compare date', () => {
  const wrong = { ...BLANK, bins: '11', analysisDate: '2024-13-01', compareDate: 'soon' };
  expect(analysisOptionsOf(wrong, 'transactions', MAPPING, 'en')).toEqual({ key: 'pane.error.bins', params: { min: 2, max: 10 } });
  expect(analysisOptionsOf({ ...wrong, bins: '5' }, 'transactions', MAPPING, 'en')).toEqual({ key: 'pane.error.date' });
  expect(analysisOptionsOf({ ...wrong, bins: '5', analysisDate: '' }, 'transactions', MAPPING, 'en')).toEqual({ key: 'pane.error.compareDate' });
  expect(analysisOptionsOf({ ...BLANK, compareDate: '1385/13/01' }, 'transactions', MAPPING, 'fa')).toEqual({ key: 'pane.error.compareDateJalali' });
});
