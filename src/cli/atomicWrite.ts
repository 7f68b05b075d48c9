/**
 * The one way the CLI writes an output file: into a temporary file beside the target, renamed
 * over it when complete, so a failure never leaves a half-written output (or a stray temporary).
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../engine/types';

/**
 * Writes `target` through a temporary file in the same folder, then renames it.
 * @param target the output file
 * @param write writes the whole output to the path it is given
 * @throws InputError `cannot write TARGET: ...` when the folder is missing or the file system
 *   refuses (ENOENT, EACCES, ...); other errors pass through unchanged
 */
export async function writeAtomically(target: string, write: (tmpPath: string) => Promise<void> | void): Promise<void> {
  // Checked first: a streaming writer reports a missing folder as a stream error, not a throw.
  if (!fs.existsSync(path.dirname(path.resolve(target)))) throw new InputError(`cannot write ${target}: no such folder`);
  const tmp = temporaryPath(target);
  try {
    await write(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw outputError(err, target);
  }
}

/** A hidden temporary name beside the target, keeping its extension. */
function temporaryPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial${path.extname(target)}`);
}

/** File-system errors while writing become one-line InputErrors naming the target; others pass through. */
function outputError(err: unknown, target: string): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new InputError(`cannot write ${target}: ${code === 'ENOENT' ? 'no such folder' : code}`);
  return err;
}
