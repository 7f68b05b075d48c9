/**
 * `rfm analyze --currency` on a text file (the streaming path): rials read from the amounts,
 * converted to tomans on request, and the workbook's money formats naming the unit.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { main } from '../../src/cli/main';

let dir: string;
let file: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-currency-'));
  file = path.join(dir, 'rial.csv');
  // a: 1,000 + 505 rials; b: 2,500 rials.
  fs.writeFileSync(file, 'customer,date,amount\na,2024-01-05,"1,000 ریال"\nb,2024-02-01,"2,500 ریال"\na,2024-03-01,505 ریال\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true, isTTY: false } };
  expect(await main(['analyze', file, '--quiet', '--model', 'off', '--clusters', 'off', ...args], io as unknown as Parameters<typeof main>[1])).toBe(0);
  return stdout;
}

/** The monetary column of the CSV by customer. */
function monetary(csv: string): Record<string, number> {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const column = header.split(',').indexOf('monetary');
  return Object.fromEntries(lines.map((l) => l.split(',')).map((cells) => [cells[0], Number(cells[column])]));
}

test('as read by default; divided by 10 with --currency toman', async () => {
  expect(monetary(await run([]))).toEqual({ a: 1505, b: 2500 });
  expect(monetary(await run(['--currency', 'toman']))).toEqual({ a: 150.5, b: 250 });
});

test('the workbook names the unit: rial as detected, toman when asked, none when asked', async () => {
  const moneyFormat = async (args: string[]) => {
    const out = path.join(dir, `r${args.join('')}.xlsx`);
    await run(['--out', out, ...args]);
    const wb = XLSX.read(fs.readFileSync(out), { cellNF: true });
    const sheet = wb.Sheets.Customers;
    return sheet.G2.z; // column G: monetary
  };
  expect(await moneyFormat([])).toBe('#,##0 "rial"');
  // 150.5 tomans: the amounts now have a fraction, so two decimals
  expect(await moneyFormat(['--currency', 'toman'])).toBe('#,##0.00 "toman"');
  expect(await moneyFormat(['--currency', 'none'])).toBe('#,##0');
});
