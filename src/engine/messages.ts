/**
 * The engine's user-facing messages come from the string tables (src/i18n/<lang>/engine*.ts):
 * errors and notes carry their key and placeholder values, with the English text for logs and
 * the CLI. Hosts show them in their language with messageIn (src/i18n).
 */
import { messageText, type MessageParams } from '../i18n';
import { InputError, type Note } from './types';

/**
 * An InputError whose message is the English text of a key.
 * @param key the string key, e.g. `engine.error.bins`
 * @param params placeholder values (`…Key` values are keys themselves, see localParams)
 * @returns the error, to throw
 */
export function inputError(key: string, params?: MessageParams): InputError {
  return new InputError(messageText('en', key, params), key, params);
}

/**
 * A note for the user with its English text.
 * @param key the string key
 * @param params placeholder values
 * @returns the note
 */
export function note(key: string, params?: MessageParams): Note {
  return params ? { key, params, text: messageText('en', key, params) } : { key, text: messageText('en', key) };
}
