/**
 * Hand-built .xlsx packages for hostile-input tests: a small zip writer (PKWARE APPNOTE 6.3,
 * deflated entries, CRC-32 computed) and the minimum parts of a one-sheet workbook, so a test
 * can put any XML, or any bytes, into a part. Independent of the reader under test.
 */
import * as zlib from 'zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip archive of the given parts.
 * @param parts name → content (text is written as UTF-8)
 * @param deflated name → the exact deflated bytes to store for that part instead (e.g. damaged ones)
 * @param declaredSizes name → the uncompressed size the directory states instead of the true one
 */
export function zipPackage(parts: Record<string, string | Buffer>, deflated: Record<string, Buffer> = {}, declaredSizes: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const stored = deflated[name] ?? zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(declaredSizes[name] ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(declaredSizes[name] ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, stored);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of a one-sheet workbook (sheet "Sales").
 * @param sheetData the inner XML of `<sheetData>`
 * @param sharedStringItems the inner XML of `<sst>` (no shared-string part when undefined)
 */
export function workbookParts(sheetData: string, sharedStringItems?: string): Record<string, string> {
  const parts: Record<string, string> = {
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${MAIN_NS}><sheets><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet ${MAIN_NS}><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  if (sharedStringItems !== undefined) parts['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst ${MAIN_NS}>${sharedStringItems}</sst>`;
  return parts;
}

/** An inline-string cell. */
export const textCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A number cell. */
export const numberCell = (ref: string, value: string | number): string => `<c r="${ref}"><v>${value}</v></c>`;
/** A row. */
export const rowXml = (r: number, cells: string): string => `<row r="${r}">${cells}</row>`;
/** Header row customer, date, amount. */
export const HEADER_ROW = rowXml(1, textCell('A1', 'customer') + textCell('B1', 'date') + textCell('C1', 'amount'));
/** A data row. */
export const dataRow = (r: number, id: string, date: string, amount: number): string => rowXml(r, textCell(`A${r}`, id) + textCell(`B${r}`, date) + numberCell(`C${r}`, amount));
