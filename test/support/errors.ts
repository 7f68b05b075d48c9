/**
 * The Office.js-style error code a promise rejects with (`InvalidOperation`, `ItemNotFound`, …),
 * or undefined when it resolves: for tests of the simulator and the Excel layer.
 * @param p the promise (an Excel.run, a sync)
 * @returns the rejection's `code`, or undefined
 */
export async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}
