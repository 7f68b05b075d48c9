/**
 * Text encodings of input files, decoded by iconv-lite (a maintained decoder with the Windows code
 * pages; no hand-written tables here). Detection looks at the first bytes:
 * - a byte-order mark says UTF-8, UTF-16LE or UTF-16BE;
 * - NUL bytes in every other position without a mark say UTF-16 (LE or BE by where they are);
 * - bytes that are valid UTF-8, or nearly so (a stray byte or two among real UTF-8 characters: such
 *   a file is UTF-8 with a damaged row, and that row is reported), say UTF-8;
 * - otherwise it is a Windows code page: windows-1256 (Arabic and Persian; Excel's plain "CSV" on
 *   Persian Windows) when the high bytes come in runs, as the letters of Arabic-script words do,
 *   else windows-1252 (Western European: accented letters stand alone among ASCII ones, `€` is 0x80).
 * `--encoding NAME` overrides detection.
 */
import iconv from 'iconv-lite';
import { UsageError } from './optionValues';

/** Bytes looked at to detect the encoding. */
export const ENCODING_SAMPLE_BYTES = 65_536;

/** A decoder fed piece by piece. */
export interface TextDecoderStream {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * Checks an `--encoding` value.
 * @param name the user's value
 * @returns the name, as given
 * @throws UsageError when iconv-lite does not know it
 */
export function parseEncoding(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || !iconv.encodingExists(trimmed)) {
    throw new UsageError(`--encoding must name a text encoding such as utf-8, utf-16le, windows-1256 or windows-1252, got '${name}'`);
  }
  return trimmed;
}

/**
 * A decoder for an encoding (a byte-order mark at the start is dropped).
 * @param encoding a name iconv-lite knows
 */
export function decoderFor(encoding: string): TextDecoderStream {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

/**
 * Detects the encoding of text bytes.
 * @param head the first bytes (ENCODING_SAMPLE_BYTES, or the whole file when shorter)
 * @param complete true when `head` is the whole file (a sequence cut at its end is then an error)
 * @returns an iconv-lite encoding name, or 'binary' when NUL bytes say this is no text
 */
export function detectEncoding(head: Uint8Array, complete: boolean): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutMark(head);
  if (utf16) return utf16;
  if (head.subarray(0, 4096).includes(0)) return 'binary';
  const { valid, invalid } = utf8Sequences(head, complete);
  if (invalid === 0 || valid >= 4 * invalid) return 'utf-8';
  return highBytesInRuns(head) ? 'windows-1256' : 'windows-1252';
}

/** UTF-16 without a byte-order mark: NUL in most odd (LE) or even (BE) positions of the first bytes. */
function utf16WithoutMark(head: Uint8Array): string | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  let evenText = 0;
  let oddText = 0;
  const isText = (b: number) => b >= 0x20 || b === 9 || b === 10 || b === 13;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    else if (isText(head[i])) evenText++;
    if (head[i + 1] === 0) oddZero++;
    else if (isText(head[i + 1])) oddText++;
  }
  const pairs = n / 2;
  // the other half of each pair must look like text, so binary data with NULs is not taken for UTF-16
  if (oddZero > 0.3 * pairs && evenZero < 0.05 * pairs && evenText > 0.9 * pairs) return 'utf-16le';
  if (evenZero > 0.3 * pairs && oddZero < 0.05 * pairs && oddText > 0.9 * pairs) return 'utf-16be';
  return undefined;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes in the bytes. */
function utf8Sequences(bytes: Uint8Array, complete: boolean): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) { invalid++; i++; continue; }
    if (i + len > n) {
      if (complete) invalid++;
      break;
    }
    let ok = true;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) { valid++; i += len; } else { invalid++; i++; }
  }
  return { valid, invalid };
}

/** True when most bytes >= 0x80 stand next to another such byte (Arabic-script words in a single-byte code page). */
function highBytesInRuns(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    high++;
    if ((i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.length && bytes[i + 1] >= 0x80)) inRuns++;
  }
  return high > 0 && inRuns > high / 2;
}
