/**
 * Errors the user can act on, with a string key so the task pane can show them in its language.
 */
import { t, type Lang } from '../i18n';

/** A refusal or a problem with the user's workbook: `message` is ready to show. */
export class ExcelInputError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}, lang: Lang = 'en') {
    super(t(lang, key, params));
    this.name = 'ExcelInputError';
  }

  /** The message in another language. */
  messageIn(lang: Lang): string {
    return t(lang, this.key, this.params);
  }
}
