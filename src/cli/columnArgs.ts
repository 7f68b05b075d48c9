/**
 * Column options against the file's header: the names typed after --customer, --date, ... become
 * 0-based column indexes, with a one-line reason when a name fits no column or several.
 */
import type { ColumnRole } from '../engine';
import { COLUMN_OPTIONS, UsageError } from './args';

/**
 * Turns the column names given on the command line into 0-based indexes of the file's header:
 * an exact name first, then the same name ignoring case, then a 1-based column number.
 * @param header the file's header names
 * @param named role → name (or number) as typed
 * @returns role → column index
 * @throws UsageError when a name matches no column, or several (duplicate header names)
 */
export function resolveColumns(header: readonly string[], named: Partial<Record<ColumnRole, string>>): Partial<Record<ColumnRole, number>> {
  const resolved: Partial<Record<ColumnRole, number>> = {};
  for (const [flag, role] of COLUMN_OPTIONS) {
    const name = named[role];
    if (name !== undefined) resolved[role] = resolveColumn(header, name, flag);
  }
  return resolved;
}

/** One name → index (see resolveColumns). */
function resolveColumn(header: readonly string[], name: string, flag: string): number {
  const wanted = name.trim();
  const trimmed = header.map((h) => h.trim());
  let matches = indexesWhere(trimmed, (h) => h === wanted);
  if (matches.length === 0) matches = indexesWhere(trimmed, (h) => h.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    const numbers = matches.map((i) => i + 1).join(' and ');
    throw new UsageError(`--${flag} '${wanted}' matches columns ${numbers} (duplicate header names); give the column number instead, e.g. --${flag} ${matches[0] + 1}`);
  }
  const number = Number(wanted);
  if (/^\d+$/.test(wanted) && number >= 1 && number <= header.length) return number - 1;
  const list = trimmed.length > 12 ? `${trimmed.slice(0, 12).join(', ')}, ...` : trimmed.join(', ');
  throw new UsageError(`--${flag}: no column named '${wanted}'; the columns are: ${list}`);
}

/** Indexes of the items that pass a test. */
function indexesWhere(items: readonly string[], test: (item: string) => boolean): number[] {
  const found: number[] = [];
  items.forEach((item, i) => {
    if (test(item)) found.push(i);
  });
  return found;
}
