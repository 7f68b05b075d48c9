/**
 * The one order of customer ids: digit-only ids numerically first, then the others as plain strings.
 */

/** Whether `s` is non-empty and made only of ASCII digits. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Total, locale-independent order of customer ids: ids made only of ASCII digits come first, in
 * numeric order (shorter first, then by digits); all others follow by UTF-16 code units.
 * @param a an id
 * @param b another id
 * @returns negative, zero or positive
 * @example ['10', 'b', '9', 'A'].sort(compareIds) // ['9', '10', 'A', 'b']
 */
export function compareIds(a: string, b: string): number {
  const aDigits = isDigits(a);
  const bDigits = isDigits(b);
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  if (aDigits && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ids in compareIds order. Sorts with the engine's built-in string order (no comparator
 * callback): digit ids grouped by length, each group and the other ids sorted as plain strings.
 * @param ids distinct customer ids
 * @returns a new array in compareIds order
 */
export function sortIds(ids: Iterable<string>): string[] {
  const byLength = new Map<number, string[]>();
  const others: string[] = [];
  for (const id of ids) {
    if (!isDigits(id)) {
      others.push(id);
      continue;
    }
    const group = byLength.get(id.length);
    if (group) group.push(id);
    else byLength.set(id.length, [id]);
  }
  const lengths = [...byLength.keys()].sort((x, y) => x - y);
  const sorted = lengths.flatMap((n) => byLength.get(n)!.sort());
  for (const id of others.sort()) sorted.push(id);
  return sorted;
}
