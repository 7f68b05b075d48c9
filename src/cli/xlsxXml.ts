/**
 * Just enough SpreadsheetML reading for .xlsx input (ECMA-376 Part 1): attributes, text with XML
 * entities and `_xHHHH_` escapes, shared strings, which cell styles are dates, the workbook's
 * sheets and relationships. Plain string scanning (indexOf), no DOM. Parts may be hostile: every
 * scan moves forward or stops, an element that never closes throws XlsxFormatError, and no pattern
 * backtracks over a whole part (start tags are matched up to 8,192 characters), so any input ends
 * in time linear in its size.
 */

/** A part that breaks SpreadsheetML's shape; the reader adds the file and part to the message. */
export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxFormatError';
  }
}

/** The highest Unicode code point; a character reference above it names no character. */
const MAX_CODE_POINT = 0x10ffff;

/**
 * Where an element closes: the index of its end tag at or after `from`.
 * @param close the end tag, e.g. `</row>`
 * @throws XlsxFormatError naming the element when it never closes
 */
export function closingIndex(xml: string, close: string, from: number): number {
  const at = xml.indexOf(close, from);
  if (at < 0) throw new XlsxFormatError(`a ${close.replace('/', '')} element never closes`);
  return at;
}

/**
 * The end (`>`) of the start tag that begins at `open`.
 * @throws XlsxFormatError when the tag never ends
 */
export function tagEndIndex(xml: string, open: number): number {
  const at = xml.indexOf('>', open);
  if (at < 0) throw new XlsxFormatError(`a tag never ends (${JSON.stringify(xml.slice(open, open + 20))}…)`);
  return at;
}

/** A character reference's character. @throws XlsxFormatError when it names no Unicode character */
function referencedCharacter(body: string): string {
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (!(code >= 0 && code <= MAX_CODE_POINT)) throw new XlsxFormatError(`&${body}; is not a Unicode character`);
  return String.fromCodePoint(code);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes XML character references and entities, then Excel's `_xHHHH_` escapes.
 * @throws XlsxFormatError for a character reference above U+10FFFF
 * @example decodeText('a &amp; b_x000D_') === 'a & b\r'
 */
export function decodeText(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, body: string) => {
      if (body[0] !== '#') return ENTITIES[body] ?? m;
      return referencedCharacter(body);
    });
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/**
 * The part with its root element's namespace prefix taken off every element name, so a part written
 * as `<x:worksheet xmlns:x="…/spreadsheetml/2006/main"><x:sheetData><x:row>` (the Open XML SDK's
 * style, valid ECMA-376) scans like the usual default-namespace part. Unprefixed parts (Excel,
 * LibreOffice, SheetJS, ExcelJS) come back unchanged. Text never holds a raw `<`, so only tags change.
 * @param xml a whole part
 */
export function withoutRootPrefix(xml: string): string {
  let at = xml.indexOf('<');
  while (at >= 0 && (xml[at + 1] === '?' || xml[at + 1] === '!')) at = xml.indexOf('<', at + 1);
  if (at < 0) return xml;
  const prefix = /^<([A-Za-z_][\w.-]*):/.exec(xml.slice(at, at + 100))?.[1];
  return prefix === undefined ? xml : xml.replaceAll(`<${prefix}:`, '<').replaceAll(`</${prefix}:`, '</');
}

/**
 * The value of an attribute in a start tag (either quote style), decoded.
 * @param tag the start tag's text, from `<` on
 * @param name the attribute name, e.g. `r` or `r:id`
 */
export function attribute(tag: string, name: string): string | undefined {
  for (let from = 0; ;) {
    const at = tag.indexOf(`${name}=`, from);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    const quote = tag[at + name.length + 1];
    if ((before === 32 || before === 9 || before === 10 || before === 13) && (quote === '"' || quote === "'")) {
      const start = at + name.length + 2;
      return decodeText(tag.slice(start, tag.indexOf(quote, start)));
    }
    from = at + 1;
  }
}

/**
 * The text of the first `<name>` element in a fragment, decoded; undefined when absent.
 * @param xml the fragment
 * @param name the element name, e.g. `v`
 */
export function elementText(xml: string, name: string): string | undefined {
  const open = xml.indexOf(`<${name}`);
  if (open < 0) return undefined;
  const after = xml[open + name.length + 1];
  if (after !== '>' && after !== ' ' && after !== '/') return undefined;
  const tagEnd = tagEndIndex(xml, open);
  if (xml[tagEnd - 1] === '/') return '';
  const close = xml.indexOf(`</${name}>`, tagEnd);
  return decodeText(xml.slice(tagEnd + 1, close < 0 ? xml.length : close));
}

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs left out.
 * @param xml the item's inner XML
 */
export function runsText(xml: string): string {
  const body = xml.includes('<rPh') ? withoutPhoneticRuns(xml) : xml;
  let out = '';
  let at = 0;
  for (;;) {
    const open = body.indexOf('<t', at);
    if (open < 0) return out;
    const next = body[open + 2];
    const tagEnd = tagEndIndex(body, open);
    if ((next !== '>' && next !== ' ') || body[tagEnd - 1] === '/') {
      at = tagEnd + 1;
      continue;
    }
    const close = closingIndex(body, '</t>', tagEnd);
    out += decodeText(body.slice(tagEnd + 1, close));
    at = close + 4;
  }
}

/** A string item without its phonetic (`<rPh>`) runs. */
function withoutPhoneticRuns(xml: string): string {
  let out = '';
  let at = 0;
  for (let open = xml.indexOf('<rPh', at); open >= 0; open = xml.indexOf('<rPh', at)) {
    out += xml.slice(at, open);
    at = closingIndex(xml, '</rPh>', open) + 6;
  }
  return out + xml.slice(at);
}

/**
 * The shared-string table.
 * @param xml `xl/sharedStrings.xml`
 * @param maxCount the most items accepted
 * @throws XlsxFormatError when an item never closes or there are more than maxCount
 */
export function sharedStrings(xml: string, maxCount = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<si', at);
    if (open < 0) return out;
    if (out.length >= maxCount) throw new XlsxFormatError(`more than ${maxCount.toLocaleString('en-US')} shared strings`);
    const tagEnd = tagEndIndex(xml, open);
    if (xml[tagEnd - 1] === '/') {
      out.push('');
      at = tagEnd + 1;
      continue;
    }
    const close = closingIndex(xml, '</si>', tagEnd);
    out.push(runsText(xml.slice(tagEnd + 1, close)));
    at = close + 5;
  }
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the East Asian ids). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * True for a number format that shows a date (d, m or y outside quotes and brackets).
 * @param code the format code
 */
export function isDateFormatCode(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymd]/i.test(bare);
}

/**
 * Which cell styles (`s` attribute = index into cellXfs) show dates.
 * @param xml `xl/styles.xml`
 */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s[^>]{0,8192}>/g)) {
    const id = Number(attribute(m[0], 'numFmtId'));
    custom.set(id, attribute(m[0], 'formatCode') ?? '');
  }
  const open = xml.indexOf('<cellXfs');
  const selfClosing = open >= 0 && xml[tagEndIndex(xml, open) - 1] === '/';
  const cellXfs = open < 0 || selfClosing ? '' : xml.slice(open, closingIndex(xml, '</cellXfs>', open));
  return [...cellXfs.matchAll(/<xf[\s>][^>]{0,8192}/g)].map((m) => {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    return custom.has(id) ? isDateFormatCode(custom.get(id)) : BUILTIN_DATE_IDS.has(id);
  });
}

/** A sheet of the workbook, in tab order. */
export interface WorkbookSheet {
  name: string;
  relationshipId: string;
}

/**
 * The sheets and the date system of a workbook.
 * @param xml `xl/workbook.xml`
 */
export function workbookInfo(xml: string): { sheets: WorkbookSheet[]; date1904: boolean } {
  const sheets = [...xml.matchAll(/<sheet\s[^>]{0,8192}>/g)].map((m) => ({
    name: attribute(m[0], 'name') ?? '',
    relationshipId: attribute(m[0], 'r:id') ?? '',
  }));
  const pr = /<workbookPr\s[^>]{0,8192}>/.exec(xml)?.[0] ?? '';
  const flag = attribute(pr, 'date1904');
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/**
 * Relationship targets by id.
 * @param xml a `.rels` part
 */
export function relationships(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<Relationship\s[^>]{0,8192}>/g)) {
    out.set(attribute(m[0], 'Id') ?? '', { type: attribute(m[0], 'Type') ?? '', target: attribute(m[0], 'Target') ?? '' });
  }
  return out;
}
