/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and the input is large
 * (small files finish before a bar would help). Stages: reading, parsing, analysing, writing.
 */

/** Inputs at least this large (bytes) get a bar. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
/** Minimum time between redraws. */
const REDRAW_MS = 80;
const BAR_WIDTH = 30;

/** The stream the bar draws on (process.stderr or a test double). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** A progress reporter: `update` for each step, `done` to clear the line. */
export interface Progress {
  /** @param fraction overall progress 0..1 @param stage a short stage name */
  update(fraction: number, stage: string): void;
  /** Clears the bar (call before printing anything else to the stream). */
  done(): void;
}

/** A reporter that does nothing. */
export const NO_PROGRESS: Progress = { update() {}, done() {} };

/**
 * Whether to draw a bar.
 * @param stream the stream (stderr)
 * @param inputBytes the input file's size
 * @param quiet the user's --quiet
 * @returns true for a large input on a terminal
 */
export function wantsProgress(stream: ProgressStream, inputBytes: number, quiet: boolean): boolean {
  return !quiet && stream.isTTY === true && inputBytes >= PROGRESS_MIN_BYTES;
}

/**
 * Renders one bar line (without the leading carriage return).
 * @param fraction 0..1 (clamped)
 * @param stage stage name
 * @returns e.g. `[#########.....................]  30% parsing`
 */
export function renderBar(fraction: number, stage: string): string {
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * BAR_WIDTH);
  const percent = String(Math.round(f * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}% ${stage}`;
}

/**
 * A bar drawn with `\r` on the stream, at most every 80 ms, and always on a stage change.
 * @param stream the terminal stream
 * @param now clock in ms (for tests)
 * @returns the reporter
 */
export function createProgress(stream: ProgressStream, now: () => number = () => Date.now()): Progress {
  let lastDraw = -Infinity;
  let lastStage = '';
  let drawn = false;
  return {
    update(fraction, stage) {
      const t = now();
      if (stage === lastStage && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      lastStage = stage;
      drawn = true;
      stream.write(`\r${renderBar(fraction, stage)}\x1b[K`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/**
 * Maps a stage's own 0..1 progress into a slice [from, to] of the overall bar.
 * @param progress the overall reporter
 * @param from the slice start 0..1
 * @param to the slice end 0..1
 * @param prefix optional text before the stage name, e.g. `analysing: `
 * @returns a callback in the engine's ProgressFn shape
 */
export function stageSlice(progress: Progress, from: number, to: number, prefix = ''): (fraction: number, stage: string) => void {
  return (fraction, stage) => progress.update(from + (to - from) * Math.min(1, Math.max(0, fraction)), prefix + stage);
}
