/**
 * On a terminal, `rfm analyze` prints the three answers on stderr before any note; a script that
 * reads stderr (not a terminal) gets the notes only.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { requireSharedData } from '../support/sharedData';

async function runOn(isTTY: boolean, ...argv: string[]): Promise<string[]> {
  let stderr = '';
  // a terminal of zero columns draws no progress bar, so only the lines themselves are collected
  const code = await main(argv, { stdout: { write: () => true }, stderr: { isTTY, columns: 0, write: (t: string) => (stderr += t) } });
  expect(code).toBe(0);
  return stderr.split('\n').filter((l) => l.startsWith('rfm: '));
}

const OUT = path.join(os.tmpdir(), `rfm-answers-${process.pid}.csv`);
afterAll(() => fs.rmSync(OUT, { force: true }));

const ARGS = ['analyze', requireSharedData('rfm-r/rfm_data_orders.csv'), '--analysis-date', '2006-12-31', '--clusters', 'off', '--out', OUT];

test('a terminal gets the three questions and their answers first, then the notes', async () => {
  const lines = await runOn(true, ...ARGS);
  const questions = ['Who are our most loyal and most profitable customers? ', 'Which customers are about to churn? ', 'How many customers have already churned? '];
  expect(lines.slice(0, 3).map((l, i) => l.startsWith(`rfm: ${questions[i]}`))).toEqual([true, true, true]);
  expect(lines.slice(0, 3).every((l) => l.length > 60)).toBe(true);
  expect(lines.slice(3).every((l) => !questions.some((q) => l.includes(q)))).toBe(true);
});

test('a pipe gets no answers on stderr, only notes', async () => {
  const lines = await runOn(false, ...ARGS);
  expect(lines.some((l) => l.includes('Who are our most loyal'))).toBe(false);
});
