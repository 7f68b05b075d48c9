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

/**
 * One edit of a part's text at the k-th tag (`<`), where the structure is: insert a hostile
 * fragment, cut some characters, drop the whole tag (e.g. a `</row>`), or repeat a slice.
 */
type Edit = { kind: 'insert'; tag: number; text: string } | { kind: 'cut' | 'repeat'; tag: number; length: number } | { kind: 'drop'; tag: number };

const tagIndex = fc.noBias(fc.integer({ min: 0, max: 1_000_000 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), tag: tagIndex, text: fc.oneof(fc.constantFrom(...HOSTILE_XML), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constantFrom('cut' as const, 'repeat' as const), tag: tagIndex, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('drop' as const), tag: tagIndex }),
);

function applyEdit(text: string, e: Edit): string {
  const tags: number[] = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) tags.push(i);
  const at = tags.length === 0 ? 0 : tags[e.tag % tags.length];
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'drop') return text.slice(0, at) + text.slice(text.indexOf('>', at) + 1 || text.length);
  const slice = text.slice(at, at + e.length);
  return e.kind === 'cut' ? text.slice(0, at) + text.slice(at + e.length) : text.slice(0, at) + slice + slice + text.slice(at);
}

/** Which part to edit: mostly the sheet and the shared strings, where the cells are. */
const partName = fc.oneof(
  { weight: 6, arbitrary: fc.constant('xl/worksheets/sheet1.xml') },
  { weight: 2, arbitrary: fc.constant('xl/sharedStrings.xml') },
  { weight: 2, arbitrary: fc.constantFrom('xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '_rels/.rels', 'xl/styles.xml') },
);

describe('.xlsx reader (fuzz, mutated real workbooks)', () => {
  test('the unmutated workbooks read', async () => {
    for (const parts of bases) expect((await readXlsxTable('base.xlsx', undefined, zipPackage(parts))).header).toEqual(['customer', 'date', 'amount']);
  });

  test('edited parts: a table or an InputError', async () => {
    const mutation = fc.record({ base: fc.nat(), name: partName, edits: fc.array(edit, { minLength: 1, maxLength: 4 }) });
    await fc.assert(fc.asyncProperty(mutation, async ({ base, name, edits }) => {
      const parts = { ...bases[base % bases.length] };
      parts[name] = edits.reduce(applyEdit, parts[name] ?? '');
      await endsCleanly(() => readXlsxTable('fuzz.xlsx', undefined, zipPackage(parts)));
    }), { numRuns: FUZZ_RUNS });
  });

  test('damaged zip bytes (overwritten or cut short): a table or an InputError', async () => {
    const position = fc.noBias(fc.integer({ min: 0, max: 1_000_000 }));
    const damage = fc.record({ base: fc.nat(), bytes: fc.array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), cutAt: fc.option(position) });
    await fc.assert(fc.asyncProperty(damage, async ({ base, bytes, cutAt }) => {
      const pkg = Buffer.from(zipPackage(bases[base % bases.length]));
      for (const [at, value] of bytes) pkg[at % pkg.length] = value;
      const cut = cutAt === null ? pkg : pkg.subarray(0, cutAt % pkg.length);
      await endsCleanly(() => readXlsxTable('fuzz.xlsx', undefined, cut));
    }), { numRuns: FUZZ_RUNS });
  });
});
