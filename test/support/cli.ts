/**
 * Running the `rfm` command inside a test (no child process) and reading the CSV it writes, for
 * every CLI test: one runner and one CSV splitter instead of a copy in each file.
 */
import { main } from '../../src/cli/main';

/** What a run printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `rfm` with the arguments, collecting stdout and stderr (not a terminal).
 * @param argv the arguments after `rfm`, e.g. `'analyze', 'sales.csv'`
 * @returns the exit code and what was written
 */
export async function runCli(...argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { isTTY: false, write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/**
 * One CSV line split on commas outside quotes ("" inside quotes is a quote); the test's own reader,
 * independent of the product's.
 * @param line a line without its line end
 * @returns the fields
 */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The rows of a CSV text (no line breaks inside fields) as records keyed by the header's names.
 * @param text the whole CSV
 * @returns one record per data line
 */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/).map(csvFields);
  return lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
}
