/**
 * Fuzzing the text (CSV/TSV/whitespace) reader and the engine behind it: any bytes as a file end
 * with a table or an InputError, and any table the reader gives ends in an Analysis or an
 * InputError, never another exception (issue 11, Deliver 7).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import fc from 'fast-check';
import { readInputTable } from '../../src/cli/readers';
import { parseDelimitedText } from '../../src/cli/textTable';
import { analyze } from '../../src/engine/analyze';
import { FUZZ_RUNS, HOSTILE_TEXT, endsCleanly } from '../support/fuzz';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-fuzz-text-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const field = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT, 'customer', 'date', 'amount', 'مشتری', 'تاریخ', 'مبلغ', 'A', 'B', '2024-01-05', '10'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('"', '""', '"a,b"', '"open', 'x"y', '\r', '\n', '\r\n', '\t', ';', '|', ' '),
);
/** Delimited text: rows of fields joined by a delimiter, lines by a line end, a header usually first. */
const delimitedText = fc
  .tuple(fc.constantFrom(',', ';', '\t', '|', ' '), fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([delimiter, lineEnd, rows, header]) => (header ? [['customer', 'date', 'amount'], ...rows] : rows).map((r) => r.join(delimiter)).join(lineEnd));

describe('text reader (fuzz)', () => {
  test('any delimited text: a table or an InputError; any table: an Analysis or an InputError', async () => {
    await fc.assert(fc.asyncProperty(delimitedText, async (text) => {
      let table: ReturnType<typeof parseDelimitedText> | undefined;
      await endsCleanly(() => {
        table = parseDelimitedText(text);
      });
      if (table) await endsCleanly(() => analyze(table as NonNullable<typeof table>, { model: 'off', clusters: 'off' }));
    }), { numRuns: FUZZ_RUNS });
  });

  test('any bytes as a file (plain, with a BOM, or gzipped): a table or an InputError', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
      delimitedText.map((t) => Buffer.from(t, 'utf8')),
      delimitedText.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
      delimitedText.map((t) => zlib.gzipSync(Buffer.from(t, 'utf8'))),
      delimitedText.map((t) => zlib.gzipSync(Buffer.from(t, 'utf8')).subarray(0, 20)),
    );
    let n = 0;
    await fc.assert(fc.asyncProperty(bytes, async (content) => {
      const file = path.join(dir, `in${n++}.csv`);
      fs.writeFileSync(file, content);
      await endsCleanly(() => readInputTable(file));
    }), { numRuns: FUZZ_RUNS });
  });
});
