/**
 * What the pane shows for a failure (src/taskpane/failures.ts). Expected texts are the string
 * tables' templates with the values given here.
 */
import { t } from '../../src/i18n';
import { failureShown, messageText, PaneError } from '../../src/taskpane/failures';
import { CancelledError, WorkerError } from '../../src/taskpane/runner';

const NOTHING = ' Nothing was written.';
const shown = (error: unknown, nothingWritten = true) => {
  const state = failureShown(error, nothingWritten);
  return 'status' in state ? { status: state.status('en') } : { error: state.error('en') };
};

test('messageText fills {message} and adds "Nothing was written." when asked', () => {
  expect(messageText({ key: 'pane.error.unexpected' }, true, () => 'disk full')('en')).toBe(`Something went wrong: disk full${NOTHING}`);
  expect(messageText({ key: 'pane.error.bins', params: { min: 2, max: 10 } }, false)('en')).toBe('Score bins must be a whole number from 2 to 10.');
});

test('a cancelled run is a status, not an error', () => {
  expect(shown(new CancelledError())).toEqual({ status: 'Cancelled. Nothing was written.' });
});

test('a check of the pane shows its own message; input errors show their text; anything else is unexpected', () => {
  expect(shown(new PaneError({ key: 'pane.error.bins', params: { min: 2, max: 10 } }))).toEqual({ error: `Score bins must be a whole number from 2 to 10.${NOTHING}` });
  expect(shown(new PaneError({ key: 'pane.error.input' }, () => 'No customer column'), false)).toEqual({ error: 'No customer column' });
  expect(shown(new WorkerError('No usable rows', true))).toEqual({ error: `No usable rows${NOTHING}` });
  expect(shown(Object.assign(new Error('The selection is empty'), { name: 'ExcelInputError' }))).toEqual({ error: `The selection is empty${NOTHING}` });
  expect(shown(new WorkerError('NaN in the fit', false))).toEqual({ error: `Something went wrong: NaN in the fit${NOTHING}` });
  expect(shown(new TypeError('x is undefined'))).toEqual({ error: `Something went wrong: x is undefined${NOTHING}` });
});

test('the text follows the language it is drawn in', () => {
  const state = failureShown(new CancelledError(), true);
  expect('status' in state && state.status('fa')).toBe(t('fa', 'pane.cancelled'));
});
