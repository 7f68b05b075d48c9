/**
 * Reasons and notes of the prediction stages (purchase models, spend model, holdout, clusters)
 * from the string tables (src/i18n/<lang>/predict.ts): each carries its key and placeholder values
 * beside the English text, so the JSON and the CLI stay readable and hosts show it in their
 * language with messageIn.
 */
import { note } from '../messages';
import type { Note } from '../types';
import type { KeyedReason } from './types';

/** Placeholder values of a reason (`…Key` values are keys themselves, see localParams in src/i18n). */
export type ReasonParams = Record<string, string | number>;

/**
 * A reason with its English text.
 * @param key the string key, e.g. `predict.reason.oneDay`
 * @param params placeholder values
 * @returns `{ reason, key, params }`
 */
export function keyedReason(key: string, params?: ReasonParams): KeyedReason {
  return asReason(note(key, params));
}

/**
 * A note as a reason (same key and params; its text becomes `reason`).
 * @param n the note
 * @returns the reason
 */
export function asReason(n: Note): KeyedReason {
  return n.params ? { reason: n.text, key: n.key, params: n.params } : { reason: n.text, key: n.key };
}

/**
 * A message that wraps another one (`… because {reason}`): the inner key goes in as `reasonKey`
 * with the inner placeholder values beside it, so every language fills it in its own words.
 * @param key the outer key, whose text has `{reason}`
 * @param inner the inner message
 * @param params more placeholder values of the outer key
 * @returns the note
 */
export function wrapping(key: string, inner: Note, params?: ReasonParams): Note {
  return note(key, { ...inner.params, ...params, reasonKey: inner.key });
}

/**
 * The placeholder values that name an error: its key when it has one (an InputError), else its text.
 * @param error anything thrown
 * @returns params with `error` (English text) and, when keyed, `errorKey` and the error's own params
 */
export function errorParams(error: unknown): ReasonParams {
  const message = error instanceof Error ? error.message : String(error);
  const keyed = error as { key?: unknown; params?: ReasonParams } | null;
  if (keyed && typeof keyed.key === 'string') return { ...keyed.params, error: message, errorKey: keyed.key };
  return { error: message };
}

export { note };
