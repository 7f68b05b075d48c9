/**
 * A minimal reader of zip archives (PKWARE APPNOTE 6.3: end of central directory, central
 * directory, local headers; stored and deflated entries), enough for .xlsx packages. Node's zlib
 * inflates. ZIP64 archives (over 4 GB) are refused with a clear message.
 */
import * as zlib from 'zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** One file of the archive, inflated on demand. */
export interface ZipEntry {
  name: string;
  /** The entry's bytes, uncompressed. */
  read(): Buffer;
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
  const end = findEndRecord(data);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK) throw new Error('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error('damaged zip central directory');
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedSize === ZIP64_MARK || localOffset === ZIP64_MARK) throw new Error('ZIP64 archives are not supported');
    entries.set(name, { name, read: () => inflate(data, localOffset, compressedSize, method, name) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflate(data: Buffer, localOffset: number, size: number, method: number, name: string): Buffer {
  if (data.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new Error(`damaged zip entry ${name}`);
  const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
  const raw = data.subarray(start, start + size);
  if (method === 0) return raw;
  if (method === 8) return zlib.inflateRawSync(raw);
  throw new Error(`zip entry ${name} uses compression method ${method}, which is not supported`);
}
