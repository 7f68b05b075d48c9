/**
 * A minimal reader of zip archives (PKWARE APPNOTE 6.3: end of central directory, central
 * directory, local headers; stored and deflated entries), enough for .xlsx packages. Node's zlib
 * inflates. ZIP64 archives (over 4 GB) are refused with a clear message. Every offset is checked
 * against the archive's length and every entry inflates to at most a given size, so damaged or
 * hostile archives give an Error with a message, never a read past the end or an unbounded buffer.
 */
import * as zlib from 'zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** One file of the archive, inflated on demand. */
export interface ZipEntry {
  name: string;
  /**
   * The entry's bytes, uncompressed.
   * @param maxBytes the most bytes it may unpack to
   * @throws Error when the entry is damaged or larger than maxBytes
   */
  read(maxBytes: number): Buffer;
}

/** Finds the end-of-central-directory record (it may be followed by a comment of up to 64 KiB). */
function findEndRecord(data: Buffer): number {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) if (data.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  throw new Error('not a zip archive (no end of central directory)');
}

/**
 * Lists the entries of a zip archive held in memory.
 * @param data the whole archive
 * @returns entries by name
 * @throws Error when the bytes are not a zip archive this reader supports
 */
export function readZip(data: Buffer): Map<string, ZipEntry> {
  if (data.length < 22) throw new Error('not a zip archive (too short)');
  const end = findEndRecord(data);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK) throw new Error('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error('damaged zip central directory');
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedSize === ZIP64_MARK || localOffset === ZIP64_MARK) throw new Error('ZIP64 archives are not supported');
    entries.set(name, { name, read: (maxBytes) => inflate(data, { localOffset, compressedSize, size, method, name }, maxBytes) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry lies and how it is stored, from the central directory. */
interface EntryRecord {
  localOffset: number;
  compressedSize: number;
  /** Uncompressed size as the directory states it (a hint: the inflated size is what counts). */
  size: number;
  method: number;
  name: string;
}

function inflate(data: Buffer, e: EntryRecord, maxBytes: number): Buffer {
  if (e.localOffset + 30 > data.length || data.readUInt32LE(e.localOffset) !== LOCAL_SIGNATURE) throw new Error(`damaged zip entry ${e.name}`);
  const start = e.localOffset + 30 + data.readUInt16LE(e.localOffset + 26) + data.readUInt16LE(e.localOffset + 28);
  if (start + e.compressedSize > data.length) throw new Error(`zip entry ${e.name} is cut short`);
  if (e.size > maxBytes || (e.method === 0 && e.compressedSize > maxBytes)) throw new Error(tooLarge(e.name, maxBytes));
  const raw = data.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new Error(`zip entry ${e.name} uses compression method ${e.method}, which is not supported`);
  try {
    return zlib.inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(e.name, maxBytes) : `zip entry ${e.name} is damaged (${(err as Error).message})`);
  }
}

function tooLarge(name: string, maxBytes: number): string {
  return `zip entry ${name} unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MiB`;
}
