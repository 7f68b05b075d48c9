/**
 * The pane's one way to show a message that came from elsewhere (the engine, the Excel layer, the
 * worker, Refresh) in the pane's language: an ExcelInputError through its `messageIn(lang)`, a keyed
 * engine error or skipped-row detail through the string tables (i18n `messageIn`), anything else as
 * its own text (an unexpected error has no translation).
 */
import { messageIn, type Lang, type MessageParams } from '../i18n';

/** A message to show in whatever language the pane has when it is drawn. */
export type LocalText = (lang: Lang) => string;

/** What errors and notices may carry. */
interface Carried {
  key?: unknown;
  params?: MessageParams;
  message?: string;
  messageIn?: (lang: Lang) => string;
}

/**
 * The text of an error (or a plain `{ key, params, message }`) in any language.
 * @param error anything thrown or reported
 * @returns a function of the language
 * @example localText(new InputError('No rows', 'engine.error.emptyInput'))('fa')
 */
export function localText(error: unknown): LocalText {
  const err = (error ?? {}) as Carried;
  if (typeof err.messageIn === 'function') return (lang) => err.messageIn!(lang);
  const message = typeof err.message === 'string' ? err.message : String(error);
  if (typeof err.key === 'string') {
    const keyed = { key: err.key, params: err.params, message };
    return (lang) => messageIn(keyed, lang);
  }
  return () => message;
}

/** The key and placeholder values of an error, to carry across a postMessage or an event. */
export function keyOf(error: unknown): { key?: string; params?: MessageParams } {
  const err = (error ?? {}) as Carried;
  return typeof err.key === 'string' ? { key: err.key, params: err.params } : {};
}
