/**
 * One sheet of an .xlsx package as an InputTable, given its parts as text: the workbook's sheet
 * list and date system, shared strings, which styles are dates, then the sheet's rows (see
 * cli/xlsxInput.ts for the rules). Pure (no Node, no DOM): the CLI gives it the parts of a file
 * unzipped with zlib, the preview page the parts of a file the visitor opened, unzipped in the browser.
 */
import { InputError, type InputTable } from '../engine';
import { MAX_SHARED_STRINGS } from './xlsxLimits';
import { TableBuilder, readSheetRows, type SheetContext } from './xlsxSheet';
import { XlsxFormatError, dateStyles, relationships, sharedStrings, workbookInfo } from './xlsxXml';

/** Runs one step of reading a part, turning its format errors into InputErrors that name the file and the part (or sheet). */
function inPart<T>(where: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof XlsxFormatError) throw new InputError(`${where}: ${err.message}`);
    throw err;
  }
}

/** The folder of a part name ('' at the root), as POSIX dirname gives it ('.' for none). */
function dirname(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '.' : part.slice(0, slash);
}

/** Resolves a relationship target against the folder of the part that names it (`.` and `..` segments resolved). */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = [];
  for (const segment of [...dirname(fromPart).split('/'), ...target.split('/')]) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function matchesSheet(name: string, wanted: string): boolean {
  return name === wanted || name.trim().toLowerCase() === wanted.trim().toLowerCase();
}

/**
 * Reads one sheet of a package.
 * @param part a part's text by name (element names without a namespace prefix), undefined when absent
 * @param file the file name, for messages
 * @param sheetName the sheet to read (exact, else case-insensitive); default: the first sheet
 * @returns the sheet as an InputTable (header row, data rows, date columns)
 * @throws InputError naming the file (and part or sheet) when it cannot be used
 */
export function readXlsxParts(part: (name: string) => string | undefined, file: string, sheetName?: string): InputTable {
  const rootRels = inPart(`${file}: _rels/.rels`, () => relationships(part('_rels/.rels') ?? ''));
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
  const workbookXml = part(workbookPart);
  if (workbookXml === undefined) throw new InputError(`${file}: not a readable .xlsx workbook (no workbook part)`);
  const { sheets, date1904 } = inPart(`${file}: ${workbookPart}`, () => workbookInfo(workbookXml));
  if (sheets.length === 0) throw new InputError(`${file}: the workbook has no sheets`);
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => matchesSheet(s.name, sheetName));
  if (!sheet) throw new InputError(`${file}: no sheet named "${sheetName}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
  const relsPart = `${dirname(workbookPart)}/_rels/${workbookPart.slice(workbookPart.lastIndexOf('/') + 1)}.rels`;
  const rels = inPart(`${file}: ${relsPart}`, () => relationships(part(relsPart) ?? ''));
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const target = rels.get(sheet.relationshipId);
  const sheetXml = target ? part(resolvePart(workbookPart, target.target)) : undefined;
  if (sheetXml === undefined) throw new InputError(`${file}: sheet "${sheet.name}" is not a worksheet this reader can open`);
  const partOfType = (suffix: string) => {
    const rel = byType(suffix);
    return rel === undefined ? undefined : resolvePart(workbookPart, rel.target);
  };
  const stringsPart = partOfType('/sharedStrings');
  const stylesPart = partOfType('/styles');
  const ctx: SheetContext = {
    strings: stringsPart ? inPart(`${file}: ${stringsPart}`, () => sharedStrings(part(stringsPart) ?? '', MAX_SHARED_STRINGS)) : [],
    dateStyle: stylesPart ? inPart(`${file}: ${stylesPart}`, () => dateStyles(part(stylesPart) ?? '')) : [],
    date1904,
  };
  const builder = new TableBuilder();
  inPart(`${file}: sheet "${sheet.name}"`, () => readSheetRows(sheetXml, ctx, builder));
  const table = builder.table();
  if (!table) throw new InputError(`${file}: sheet "${sheet.name}" is empty`);
  return table;
}
