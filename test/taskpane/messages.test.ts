/** localText: whatever the pane shows from the engine, the Excel layer or the worker, in the pane's language. */
import { ExcelInputError } from '../../src/excel/errors';
import { InputError } from '../../src/engine/types';
import { t } from '../../src/i18n';
import { keyOf, localText } from '../../src/taskpane/messages';
import { WorkerError } from '../../src/taskpane/runner';
import { handleMessage } from '../../src/taskpane/worker';
import { packTable } from '../../src/excel/packedTable';
import type { FromWorker } from '../../src/taskpane/protocol';

const BINS = { min: 2, max: 10, value: 11 };

describe('localText', () => {
  test('an ExcelInputError in either language, whatever language it was made in', () => {
    const error = new ExcelInputError('excel.oneCell', {}, 'en');
    expect(localText(error)('fa')).toBe(t('fa', 'excel.oneCell'));
    expect(localText(error)('en')).toBe(t('en', 'excel.oneCell'));
  });

  test('a keyed engine error and a WorkerError carrying its key: the Persian string', () => {
    const engine = new InputError('English text', 'engine.error.bins', BINS);
    expect(localText(engine)('fa')).toBe(t('fa', 'engine.error.bins', BINS));
    expect(localText(new WorkerError('English text', true, 'engine.error.bins', BINS))('fa')).toBe(t('fa', 'engine.error.bins', BINS));
    expect(localText({ key: 'engine.error.bins', params: BINS, message: 'English text' })('fa')).toBe(t('fa', 'engine.error.bins', BINS));
  });

  test('without a key, or with a key no table knows: the text as it is', () => {
    expect(localText(new Error('disk on fire'))('fa')).toBe('disk on fire');
    expect(localText(new InputError('old style'))('fa')).toBe('old style');
    expect(localText(new InputError('unknown', 'no.such.key'))('fa')).toBe('unknown');
    expect(localText('plain')('fa')).toBe('plain');
  });

  test('keyOf carries only a key and its values', () => {
    expect(keyOf(new InputError('x', 'engine.error.bins', BINS))).toEqual({ key: 'engine.error.bins', params: BINS });
    expect(keyOf(new Error('x'))).toEqual({});
    expect(keyOf(undefined)).toEqual({});
  });
});

test('the worker sends an input error with its key and values', () => {
  const out: FromWorker[] = [];
  const table = packTable({ header: ['Customer', 'Date', 'Amount'], rows: [['a', 45292, 10], ['b', 45293, 20]] });
  handleMessage({ type: 'run', table, options: { bins: 11 } }, (m) => out.push(m));
  const error = out.find((m) => m.type === 'error');
  expect(error).toMatchObject({ type: 'error', inputError: true, key: 'engine.error.bins' });
  expect(localText(error)('fa')).toMatch(/[\u0600-\u06FF]/);
});
