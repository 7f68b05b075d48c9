/**
 * What the pane shows when an action fails. A cancelled run is a status, not an error; a check the
 * pane made (PaneError) shows its own message; an input problem the engine, the worker or the Excel
 * layer found shows "check the data" with its text; anything else shows "unexpected" with its text.
 * Messages are functions of the language (messages.ts), so a language switch redraws them.
 */
import { t } from '../i18n';
import { localText, type LocalText } from './messages';
import { CancelledError, WorkerError } from './runner';
import type { PaneMessage } from './validate';

/** A user-facing failure: the message is shown, nothing is written. */
export class PaneError extends Error {
  constructor(readonly pane: PaneMessage, readonly text?: LocalText) {
    super(pane.key);
  }
}

/**
 * A message (its `{message}` filled by `text`), optionally followed by "Nothing was written."
 * @param message the key and placeholders
 * @param nothingWritten whether to add that nothing was written
 * @param text the `{message}` placeholder's text, when the message has one
 * @returns the message in any language
 * @example messageText({ key: 'pane.error.noTable' }, true)('en')
 */
export function messageText(message: PaneMessage, nothingWritten: boolean, text?: LocalText): LocalText {
  return (lang) => `${t(lang, message.key, text ? { ...message.params, message: text(lang) } : message.params)}${nothingWritten ? ` ${t(lang, 'pane.nothingWritten')}` : ''}`;
}

/**
 * Whether an error is the user's input (an InputError of the engine, in the pane or from the worker,
 * or the Excel layer's ExcelInputError) rather than a fault.
 * @param error anything thrown
 */
function isInputError(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExcelInputError' || name === 'InputError' || (error instanceof WorkerError && error.inputError);
}

/**
 * The state change that shows a failure.
 * @param error anything an action threw
 * @param nothingWritten whether to say that nothing was written
 * @returns `{ status }` for a cancelled run, else `{ error }`
 */
export function failureShown(error: unknown, nothingWritten: boolean): { status: LocalText } | { error: LocalText } {
  if (error instanceof CancelledError) return { status: (lang) => t(lang, 'pane.cancelled') };
  if (error instanceof PaneError) return { error: messageText(error.pane, nothingWritten, error.text) };
  return { error: messageText({ key: isInputError(error) ? 'pane.error.input' : 'pane.error.unexpected' }, nothingWritten, localText(error)) };
}
