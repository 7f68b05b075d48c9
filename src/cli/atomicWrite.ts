/**
 * The one way the CLI writes an output file: into a temporary file beside the target, renamed
 * over it when complete, so a failure never leaves a half-written output (or a stray temporary),
 * not even when the run is stopped by SIGINT (Ctrl+C) or SIGTERM while writing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../engine';

/** Temporary files being written now; removed if the process is stopped by a signal. */
const activeTemporaries = new Set<string>();

/** Exit codes after a signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/** Removes the temporaries and ends the process as the signal would have. */
function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  for (const tmp of activeTemporaries) fs.rmSync(tmp, { force: true });
  activeTemporaries.clear();
  process.exit(SIGNAL_EXIT_CODES[signal]);
}

/** Registers a temporary; the signal handlers are installed while any is active. */
function track(tmp: string): void {
  if (activeTemporaries.size === 0) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  activeTemporaries.add(tmp);
}

function untrack(tmp: string): void {
  activeTemporaries.delete(tmp);
  if (activeTemporaries.size === 0) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
}

/**
 * Checks an output path before any work: its folder exists and is a folder, and it is not the
 * input file (under any name: same device and inode), so the input is never overwritten.
 * @param target the --out path
 * @param input the input file
 * @throws InputError naming --out and the reason
 */
export function checkOutputPath(target: string, input: string): void {
  const folder = path.dirname(path.resolve(target));
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new InputError(`cannot write ${target}: no such folder`);
  }
  if (!folderStat.isDirectory()) throw new InputError(`cannot write ${target}: ${path.dirname(target)} is a file, not a folder`);
  const out = statOrUndefined(target);
  const source = statOrUndefined(input);
  if (out && source && out.dev === source.dev && out.ino === source.ino) {
    throw new InputError(`--out ${target} is the input file; write the output under another name`);
  }
  if (out?.isDirectory()) throw new InputError(`cannot write ${target}: it is a folder`);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `target` through a temporary file in the same folder, then renames it.
 * @param target the output file
 * @param write writes the whole output to the path it is given
 * @throws InputError `cannot write TARGET: ...` when the folder is missing or the file system
 *   refuses (ENOENT, ENOSPC, EACCES, ...); other errors pass through unchanged. The temporary
 *   file is removed in every case.
 */
export async function writeAtomically(target: string, write: (tmpPath: string) => Promise<void> | void): Promise<void> {
  // Checked first: a streaming writer reports a missing folder as a stream error, not a throw.
  const folder = statOrUndefined(path.dirname(path.resolve(target)));
  if (!folder?.isDirectory()) throw new InputError(`cannot write ${target}: ${folder ? `${path.dirname(target)} is a file, not a folder` : 'no such folder'}`);
  const tmp = temporaryPath(target);
  track(tmp);
  try {
    await write(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    removeQuietly(tmp);
    throw outputError(err, target);
  } finally {
    untrack(tmp);
  }
}

/** Removes a file if it is there; a failure to remove must not hide the error being reported. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // The original write error is the one to report; the folder may itself be unusable.
  }
}

/** A hidden temporary name beside the target, keeping its extension. */
function temporaryPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial${path.extname(target)}`);
}

/** Plain words for the file-system errors a user can cause. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such folder', ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', EACCES: 'permission denied',
  EPERM: 'permission denied', EROFS: 'read-only file system', ENOTDIR: 'a part of the path is a file, not a folder', EISDIR: 'it is a folder',
  EIO: 'input/output error', EFBIG: 'file too large',
};

/** File-system errors while writing become one-line InputErrors naming the target; others pass through. */
function outputError(err: unknown, target: string): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new InputError(`cannot write ${target}: ${REASONS[code] ? `${REASONS[code]} (${code})` : code}`);
  return err;
}

/**
 * The one-line reason for a failed write to a stream, in the words used for files.
 * @param err the stream's error
 * @returns e.g. `no space left on the device (ENOSPC)`
 */
export function writeFailureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && REASONS[code]) return `${REASONS[code]} (${code})`;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}
