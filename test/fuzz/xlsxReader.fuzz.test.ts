/**
 * Fuzzing the .xlsx reader with mutated real workbooks (issue 11, Deliver 7): workbooks written by
 * SheetJS and ExcelJS (independent writers) have their parts edited (hostile fragments inserted,
 * slices cut or repeated) or their zip bytes damaged, and every result must be a table or an
 * InputError, never another exception, a hang or a runaway allocation.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { readXlsxTable } from '../../src/cli/xlsxInput';
import { FUZZ_RUNS, HOSTILE_XML, endsCleanly } from '../support/fuzz';
import { zipPackage } from '../support/xlsxPackage';

/** The parts of a package, read with SheetJS's zip reader (not the reader under test). */
function partsOf(pkg: Buffer): Record<string, string> {
  const zip = XLSX.CFB.read(pkg, { type: 'buffer' });
  const parts: Record<string, string> = {};
  for (const entry of zip.FileIndex) {
    if (entry.type !== 2 || !entry.content) continue;
    const name = zip.FullPaths[zip.FileIndex.indexOf(entry)].replace(/^[^/]*\//, '');
    parts[name] = Buffer.from(entry.content as Uint8Array).toString('utf8');
  }
  return parts;
}

const ROWS: unknown[][] = [['customer', 'date', 'amount'], ['A', 45296, 12.5], ['زهرا', '2024-01-06', '1,000'], ['=1+1', 45298, -3], ['B', 45299, true]];

function sheetJsWorkbook(): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(ROWS);
  sheet.B2.z = 'yyyy-mm-dd';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, 'Sales');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function excelJsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  for (const row of ROWS) ws.addRow(row);
  ws.getCell('B2').numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let bases: Record<string, string>[] = [];
beforeAll(async () => {
  bases = [partsOf(sheetJsWorkbook()), partsOf(await excelJsWorkbook())];
});

/** One edit of a part's text at a position given as a fraction of its length. */
type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'cut' | 'repeat'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...HOSTILE_XML), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constantFrom('cut' as const, 'repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
);

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  const slice = text.slice(at, at + e.length);
  return e.kind === 'cut' ? text.slice(0, at) + text.slice(at + e.length) : text.slice(0, at) + slice + slice + text.slice(at);
}

describe('.xlsx reader (fuzz, mutated real workbooks)', () => {
  test('the unmutated workbooks read', async () => {
    for (const parts of bases) expect((await readXlsxTable('base.xlsx', undefined, zipPackage(parts))).header).toEqual(['customer', 'date', 'amount']);
  });

  test('edited parts: a table or an InputError', async () => {
    const mutation = fc.record({ base: fc.nat(), part: fc.nat(), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) });
    await fc.assert(fc.asyncProperty(mutation, async ({ base, part, edits }) => {
      const parts = { ...bases[base % bases.length] };
      const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n)).sort();
      const name = names[part % names.length];
      parts[name] = edits.reduce(applyEdit, parts[name]);
      await endsCleanly(() => readXlsxTable('fuzz.xlsx', undefined, zipPackage(parts)));
    }), { numRuns: FUZZ_RUNS });
  });

  test('damaged zip bytes (overwritten or cut short): a table or an InputError', async () => {
    const damage = fc.record({ base: fc.nat(), bytes: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), keep: fc.double({ min: 0, max: 1, noNaN: true }) });
    await fc.assert(fc.asyncProperty(damage, async ({ base, bytes, keep }) => {
      const pkg = Buffer.from(zipPackage(bases[base % bases.length]));
      for (const [at, value] of bytes) pkg[Math.floor(at * (pkg.length - 1))] = value;
      const cut = keep > 0.5 ? pkg : pkg.subarray(0, Math.floor(keep * 2 * pkg.length));
      await endsCleanly(() => readXlsxTable('fuzz.xlsx', undefined, cut));
    }), { numRuns: FUZZ_RUNS });
  });
});
