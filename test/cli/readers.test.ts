import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { readInputTable, sniffFormat } from '../../src/cli/readers';
import { detectDelimiter, looksLikeData, parseDelimitedText, parseWhitespaceRows } from '../../src/cli/textTable';
import { InputError } from '../../src/engine/types';
import { requireSharedData } from '../support/sharedData';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rfm-readers-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

async function readError(filePath: string): Promise<string> {
  try {
    await readInputTable(filePath);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseDelimitedText', () => {
  it('reads comma CSV with quotes, embedded commas, quotes and line breaks', () => {
    const t = parseDelimitedText('id,name,amount\r\n1,"Smith, J",10\r\n2,"say ""hi""\r\nthere",5\r\n');
    expect(t.header).toEqual(['id', 'name', 'amount']);
    expect(t.rows).toEqual([['1', 'Smith, J', '10'], ['2', 'say "hi"\r\nthere', '5']]);
    expect(t.firstRowNumber).toBe(2);
  });

  it('keeps a short row apart from the next line and reads a last line without a line end', () => {
    // uDSV 0.7.3 read this as [['1', '2\n4', '5,6']]: the short row ran into the next line.
    const t = parseDelimitedText('a,b,c\n1,2\n4,5,6');
    expect(t.rows).toEqual([['1', '2'], ['4', '5', '6']]);
  });

  it('keeps a long row long', () => {
    expect(parseDelimitedText('a,b\n1,2,3\n4,5\n').rows).toEqual([['1', '2', '3'], ['4', '5']]);
  });

  it('reads CR line ends, and files that mix CRLF with LF line ends', () => {
    expect(parseDelimitedText('a,b\r1,2\r3,4\r').rows).toEqual([['1', '2'], ['3', '4']]);
    expect(parseDelimitedText('a,b\r\n1,2\n3,4\r\n5,6\r\n').rows).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('reads CRLF rows with LF line breaks inside quoted cells, as Excel writes them', () => {
    expect(parseDelimitedText('id,note\r\n1,"two\nlines"\r\n2,x\r\n').rows).toEqual([['1', 'two\nlines'], ['2', 'x']]);
  });

  it('drops the blank lines after the last row but one line end', () => {
    expect(parseDelimitedText('id,amount\n1,2\n\n\n').rows).toEqual([['1', '2'], [], []]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseDelimitedText('id,size\n1,5" disc\n2,x\n').rows).toEqual([['1', '5" disc'], ['2', 'x']]);
  });

  it.each([
    ['a quote that is never closed', 'id,note\n1,ok\n2,"open\n3,x\n', 'row 3: a quoted field is never closed'],
    ['text after a closing quote', 'id,note\n1,"x"y\n2,z\n', 'row 2: text follows the closing "'],
  ])('stops at %s, naming the row, instead of merging lines', (_, text, expected) => {
    expect(() => parseDelimitedText(text)).toThrow(InputError);
    expect(() => parseDelimitedText(text)).toThrow(expected);
  });

  it('detects semicolons, with decimal commas in the values', () => {
    const t = parseDelimitedText('kunde;datum;betrag\nA;01.02.2020;12,50\nB;03.02.2020;7,25\n');
    expect(t.header).toEqual(['kunde', 'datum', 'betrag']);
    expect(t.rows[0]).toEqual(['A', '01.02.2020', '12,50']);
  });

  it('detects tabs (TSV)', () => {
    const t = parseDelimitedText('customer\tdate\tamount\nA\t2020-01-01\t1,234.50\n');
    expect(t.rows).toEqual([['A', '2020-01-01', '1,234.50']]);
  });

  it('reads whitespace-separated text with leading spaces and CRLF', () => {
    const t = parseDelimitedText(' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n');
    expect(t.header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(t.rows).toEqual([['00001', '19970101', '1', '11.77'], ['00002', '19970112', '1', '12.00']]);
  });

  it('treats a first line of numbers and dates as data and names the columns columnN', () => {
    const t = parseDelimitedText('   00004   0001 19970101  2  29.33\r\n   00004   0001 19970118  2  29.73\r\n');
    expect(t.header).toEqual(['column1', 'column2', 'column3', 'column4', 'column5']);
    expect(t.rows).toHaveLength(2);
    expect(t.firstRowNumber).toBe(1);
  });

  it('lets --header and --no-header override detection', () => {
    expect(parseDelimitedText('2020,2021\n1,2\n', { header: true }).header).toEqual(['2020', '2021']);
    const t = parseDelimitedText('a,b\n1,2\n', { header: false });
    expect(t.header).toEqual(['column1', 'column2']);
    expect(t.rows).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('uses an explicit delimiter', () => {
    expect(parseDelimitedText('a|b\n1|2\n', { delimiter: '|' }).rows).toEqual([['1', '2']]);
    expect(parseDelimitedText('a,b;c\n1,2;3\n', { delimiter: ';' }).header).toEqual(['a,b', 'c']);
  });

  it('keeps a blank line inside the data as an empty row, so row numbers stay line numbers', () => {
    expect(parseDelimitedText('id,amount\r\n1,2\r\n\r\n3,4\r\n').rows).toEqual([['1', '2'], [], ['3', '4']]);
    expect(parseDelimitedText('id amount\n1 2\n   \n3 4\n').rows).toEqual([['1', '2'], [], ['3', '4']]);
  });

  it('names empty header cells and counts leading blank lines in row numbers', () => {
    const t = parseDelimitedText('\n\nid,,amount\n1,x,2\n');
    expect(t.header).toEqual(['id', 'column2', 'amount']);
    expect(t.firstRowNumber).toBe(4);
  });

  it('keeps formula-like customer ids as they are', () => {
    const t = parseDelimitedText('customer,date,amount\n=1+1,2020-01-01,5\n"@SUM(A1)",2020-01-02,6\n');
    expect(t.rows.map((r) => r[0])).toEqual(['=1+1', '@SUM(A1)']);
  });

  it('reports progress when asked', () => {
    const fractions: number[] = [];
    parseDelimitedText('a,b\n1,2\n', {}, (f) => fractions.push(f));
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('detection helpers', () => {
  it('picks the delimiter that is consistent on every line', () => {
    expect(detectDelimiter(['a,b;c', '1,2;3', '4,5;6'])).toBe(';');
    expect(detectDelimiter(['a,b,c', '1,"x;y",3'])).toBe(',');
    expect(detectDelimiter(['a b c', '1 2 3'])).toBe('whitespace');
    expect(detectDelimiter(['single'])).toBe(',');
  });

  it('tells data from header names', () => {
    for (const data of ['19970101', '29.33', '2010-12-01 08:26:00', '2020-01-01T10:00:00Z', '$1,234.50', '۱۴۰۴/۰۱/۱۵', '-5', '1e3']) {
      expect([data, looksLikeData(data)]).toEqual([data, true]);
    }
    for (const name of ['customer_id', 'Date', 'Q1', '', 'amount (2020)', 'تاریخ']) {
      expect([name, looksLikeData(name)]).toEqual([name, false]);
    }
  });

  it('tokenizes quoted whitespace fields', () => {
    expect(parseWhitespaceRows('"John Smith" 2020-01-01 "say ""hi"""\n')).toEqual([['John Smith', '2020-01-01', 'say "hi"']]);
  });

  it('sniffs formats from magic bytes before the extension', () => {
    expect(sniffFormat(Buffer.from([0x1f, 0x8b, 8, 0]), 'data.csv')).toBe('gzip');
    expect(sniffFormat(Buffer.from('PK\x03\x04'), 'data.bin')).toBe('xlsx');
    expect(sniffFormat(Buffer.from('id,date'), 'data.xlsx')).toBe('xlsx');
    expect(sniffFormat(Buffer.from('id,date'), 'data.txt')).toBe('text');
  });
});

describe('readInputTable', () => {
  const csv = 'customer,date,amount\nA,2020-01-01,10\nB,2020-01-02,20\n';

  it('reads gzipped input, by magic bytes whatever the extension, equal to plain input', async () => {
    const plain = await readInputTable(file('plain.csv', csv));
    expect(await readInputTable(file('packed.csv.gz', zlib.gzipSync(csv)))).toEqual(plain);
    expect(await readInputTable(file('packed-no-ext.csv', zlib.gzipSync(csv)))).toEqual(plain);
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM', async () => {
    const plain = await readInputTable(file('plain2.csv', csv));
    expect(await readInputTable(file('bom.csv', '\ufeff' + csv))).toEqual(plain);
    expect(await readInputTable(file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])))).toEqual(plain);
  });

  it('reads Windows-1252 text (not valid UTF-8) as such', async () => {
    const latin = Buffer.concat([Buffer.from('customer,date,amount\nZo'), Buffer.from([0xeb]), Buffer.from(',2020-01-01,'), Buffer.from([0xa3]), Buffer.from('5\n')]);
    const t = await readInputTable(file('cp1252.csv', latin));
    expect(t.rows).toEqual([['Zoë', '2020-01-01', '£5']]);
  });

  it('reads whitespace-separated text with old Mac (CR) line ends', () => {
    expect(parseDelimitedText('a b\r1 2\r3 4\r').rows).toEqual([['1', '2'], ['3', '4']]);
  });

  it.each([
    ['missing.csv', null, 'cannot read'],
    ['empty.csv', '', 'is empty'],
    ['blank.csv', '\n \r\n', 'is empty'],
    ['binary.csv', Buffer.from([1, 2, 0, 4, 5]), 'is not a text file'],
    ['broken.csv.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'cannot unpack'],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old .xls workbooks are not supported'],
  ])('refuses %s with a one-line reason', async (name, content, expected) => {
    const target = content === null ? path.join(dir, name) : file(name, content);
    const message = await readError(target);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('reads the CDNOW sample without a header (whitespace, CRLF)', async () => {
    const cdnow = requireSharedData('cdnow/CDNOW_sample.txt');
    const t = await readInputTable(cdnow);
    expect(t.header).toHaveLength(5);
    expect(t.rows).toHaveLength(6919);
    expect(t.rows[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
    expect(t.firstRowNumber).toBe(1);
    const total = t.rows.reduce((sum, row) => sum + Number(row[4]), 0);
    expect(total).toBeCloseTo(244091.94, 2);
    expect(new Set(t.rows.map((r) => r[1])).size).toBe(2357);
  });
});
