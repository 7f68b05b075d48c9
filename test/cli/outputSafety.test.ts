/**
 * Outputs under hostile conditions (issue 11, Deliver 5): `--out` naming the input, a folder that
 * is a file, a full disk (ENOSPC) for every output kind, stdout failures, SIGINT/SIGTERM while
 * writing, control characters on a terminal, and ids an .xlsx cell cannot hold unchanged.
 */
import * as fs from 'fs';
import realFs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import * as XLSX from 'xlsx';
import { main, type CliIo } from '../../src/cli/main';
import { writeAtomically } from '../../src/cli/atomicWrite';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-out-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const SALES = 'customer,date,amount\nA,2024-01-05,10\nB,2024-01-06,5\nC,2024-01-07,7\n';

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], stdout: CliIo['stdout'] | null = null): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: stdout ?? { write: (t: string) => (out += t) },
    stderr: { isTTY: false, write: (t: string) => (err += t) },
  });
  return { code, stdout: out, stderr: err };
}

/** A stdout whose writes fail with the given error code. */
function failingStdout(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`${code}: write failed`), { code }));
    },
  });
}

const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('--out', () => {
  test.each(['in.csv', './in.csv'])('equal to the input (%s) is refused and the input is unchanged', async (outName) => {
    const input = file('in.csv', SALES);
    const result = await run(['analyze', input, '--out', path.join(path.dirname(input), outName)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`rfm: --out ${path.join(path.dirname(input), outName)} is the input file; write the output under another name\n`);
    expect(fs.readFileSync(input, 'utf8')).toBe(SALES);
  });

  test('equal to the input through a symbolic link, .xlsx: refused, the workbook unchanged', async () => {
    const before = fs.readFileSync(file('in.csv', SALES));
    const link = path.join(dir, 'link.xlsx');
    const workbook = file('book.xlsx', before);
    fs.symlinkSync(workbook, link);
    const result = await run(['analyze', workbook, '--out', link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the input file; write the output under another name\n$/);
    expect(fs.readFileSync(workbook)).toEqual(before);
  });

  test('under a "folder" that is a file: exit 2 naming it, nothing created', async () => {
    const input = file('in.csv', SALES);
    file('somefile', 'not a folder');
    const target = path.join(dir, 'somefile', 'out.csv');
    const result = await run(['analyze', input, '--out', target]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `rfm: cannot write ${target}: ${path.join(dir, 'somefile')} is a file, not a folder\n` });
  });

  test.each(['out.csv', 'out.json'])('a full disk while writing %s: exit 2, no output, no temporary file', async (name) => {
    const input = file('in.csv', SALES);
    const real = fs.writeFileSync;
    jest.spyOn(realFs, 'writeFileSync').mockImplementation((target, data, options) => {
      if (String(target).includes('.partial')) {
        real(target, 'half');
        throw ENOSPC();
      }
      return real(target, data, options);
    });
    const result = await run(['analyze', input, '--out', path.join(dir, name), '--model', 'off']);
    expect(result.stderr).toBe(`rfm: cannot write ${path.join(dir, name)}: no space left on the device (ENOSPC)\n`);
    expect(result.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(['in.csv']);
  });

  test('a full disk while writing .xlsx (the file stream fails): exit 2, no output, no temporary file', async () => {
    const input = file('in.csv', SALES);
    jest.spyOn(realFs, 'createWriteStream').mockImplementation(((target: string) => {
      fs.writeFileSync(target, 'PK');
      return failingStdout('ENOSPC') as unknown as fs.WriteStream;
    }) as unknown as typeof fs.createWriteStream);
    const result = await run(['analyze', input, '--out', path.join(dir, 'report.xlsx'), '--model', 'off']);
    expect(result.stderr).toBe(`rfm: cannot write ${path.join(dir, 'report.xlsx')}: no space left on the device (ENOSPC)\n`);
    expect(result.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(['in.csv']);
  });
});

describe('stdout', () => {
  test('a full device (ENOSPC, as > /dev/full) is exit 2 with one line', async () => {
    const result = await run(['analyze', file('in.csv', SALES), '--model', 'off'], failingStdout('ENOSPC'));
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'rfm: cannot write to stdout: no space left on the device (ENOSPC)\n' });
  });

  test('a closed descriptor (EBADF) is exit 2; a reader that stopped early (EPIPE, `| head`) is not an error', async () => {
    const bad = await run(['analyze', file('in.csv', SALES), '--model', 'off'], failingStdout('EBADF'));
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'rfm: cannot write to stdout: EBADF\n' });
    const pipe = await run(['analyze', file('in2.csv', SALES), '--model', 'off', '-q'], failingStdout('EPIPE'));
    expect(pipe).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('terminal text', () => {
  const HOSTILE = 'customer,date,amount\nesc\u001b[31mred,2024-01-06,5\nctl\u0001,2024-01-05,10\nB,2024-13-45\u001b[2J,3\n';

  test('on a terminal, control characters from ids are escaped on stdout and stderr', async () => {
    let out = '';
    const tty = { isTTY: true, write: (t: string) => (out += t) };
    const result = await run(['analyze', file('in.csv', HOSTILE), '--model', 'off', '--clusters', 'off'], tty);
    expect(result.code).toBe(0);
    expect(out.split('\n')[1].startsWith('ctl\\x01,')).toBe(true);
    expect(out.split('\n')[2].startsWith('esc\\x1b[31mred,')).toBe(true);
    expect([...out].filter((c) => c.charCodeAt(0) < 32 && c !== '\n' && c !== '\t')).toEqual([]);
    expect(result.stderr).toContain('2024-13-45');
    expect(result.stderr.includes('\u001b')).toBe(false);
  });

  test('an error echoing what the user typed escapes its control characters', async () => {
    const result = await run(['analyze', file('in.csv', SALES), '--customer', 'id\u001b]0;pwned\u0007']);
    expect(result.stderr).toBe("rfm: --customer: no column named 'id\\x1b]0;pwned\\x07'; the columns are: customer, date, amount\n");
  });

  test('redirected (not a terminal), stdout keeps the bytes of the ids', async () => {
    const result = await run(['analyze', file('in.csv', HOSTILE), '--model', 'off', '--clusters', 'off']);
    expect(result.stdout.split('\n')[1].startsWith('ctl\u0001,')).toBe(true);
  });
});

describe('.xlsx ids', () => {
  test('ids with control characters stay distinct (written as _xHHHH_ escapes, read back by SheetJS as the characters)', async () => {
    const input = file('in.csv', 'customer,date,amount\nctl\u0001,2024-01-05,10\nctl,2024-01-06,5\nx_x0041_,2024-01-06,5\n');
    const target = path.join(dir, 'out.xlsx');
    expect((await run(['analyze', input, '--out', target, '--model', 'off', '--clusters', 'off', '-q'])).code).toBe(0);
    const sheet = XLSX.readFile(target).Sheets.Customers;
    const ids = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }).slice(1).map((row) => row[0]);
    expect(ids).toEqual(['ctl', 'ctl\u0001', 'x_x0041_']);
  });

  test('an id longer than 32,767 characters refuses .xlsx output (two such ids would merge when cut)', async () => {
    const long = 'L'.repeat(40_000);
    const input = file('in.csv', `customer,date,amount\n${long}x,2024-01-05,10\n${long}y,2024-01-06,5\n`);
    const result = await run(['analyze', input, '--out', path.join(dir, 'out.xlsx'), '--model', 'off']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`rfm: customer id "${'L'.repeat(20)}…" has 40,001 characters, more than an Excel cell holds (32,767); write CSV or JSON output instead\n`);
    expect(fs.readdirSync(dir)).toEqual(['in.csv']);
  });
});

describe('signals', () => {
  test.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s while writing removes the temporary file and exits %i', async (signal, exitCode) => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    let tmpSeen = '';
    const writing = writeAtomically(path.join(dir, 'out.xlsx'), async (tmp) => {
      fs.writeFileSync(tmp, 'partial');
      tmpSeen = tmp;
      process.emit(signal, signal);
      throw new Error('stopped');
    });
    await expect(writing).rejects.toThrow('stopped');
    expect(exit).toHaveBeenCalledWith(exitCode);
    expect(fs.existsSync(tmpSeen)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(process.listenerCount(signal)).toBe(0);
  });
});
