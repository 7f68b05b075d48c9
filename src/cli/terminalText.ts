/**
 * Text bound for a terminal: control characters from user data (an id holding ESC `[31m`, a
 * backspace, a carriage return) are shown as `\xHH` escapes instead of being obeyed, so a file
 * cannot recolour, rewrite or hide what the CLI prints.
 */

/** C0 controls, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** C0 controls except line feed and tab, DEL and C1 controls (for multi-line output such as CSV). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escaped(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * A one-line message with every control character escaped.
 * @example escapeControls('id \u001b[31m') === 'id \\x1b[31m'
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * Output text for a terminal: control characters escaped, line feeds and tabs kept.
 * @example escapeControlsKeepingLines('a\r\nb') === 'a\\x0d\nb'
 */
export function escapeControlsKeepingLines(text: string): string {
  return text.replace(CONTROL_BUT_LINES, escaped);
}
