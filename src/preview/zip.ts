/**
 * The text parts of a zip archive in the browser (PKWARE APPNOTE 6.3: end of central directory,
 * central directory, local headers; stored and deflated entries), for .xlsx files the visitor opens
 * on the preview page. The same checks as the CLI's cli/zipReader.ts (which inflates with Node's
 * zlib): every offset within the archive, every part at most a given size; inflating uses the
 * browser's DecompressionStream('deflate-raw'), so nothing is added to the bundle.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** Where an entry lies and how it is stored. */
interface EntryRecord {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function entries(data: Uint8Array): EntryRecord[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 22) throw new Error('not a zip archive (too short)');
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === ZIP64_MARK) throw new Error('ZIP64 archives are not supported');
  const decoder = new TextDecoder();
  const out: EntryRecord[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw new Error('damaged zip central directory');
    const nameLength = view.getUint16(offset + 28, true);
    const record = {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      name: decoder.decode(data.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (record.compressedSize === ZIP64_MARK || record.localOffset === ZIP64_MARK) throw new Error('ZIP64 archives are not supported');
    out.push(record);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}

function tooLarge(name: string, maxBytes: number): string {
  return `zip entry ${name} unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MiB`;
}

/** Inflates raw deflate data, stopping once more than maxBytes come out. */
async function inflateRaw(raw: Uint8Array, name: string, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new Error(tooLarge(name, maxBytes));
      }
      chunks.push(value);
    }
  } catch (error) {
    if ((error as Error).message === tooLarge(name, maxBytes)) throw error;
    throw new Error(`zip entry ${name} is damaged (${(error as Error).message})`);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function entryBytes(data: Uint8Array, e: EntryRecord, maxBytes: number): Promise<Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (e.localOffset + 30 > data.length || view.getUint32(e.localOffset, true) !== LOCAL_SIGNATURE) throw new Error(`damaged zip entry ${e.name}`);
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > data.length) throw new Error(`zip entry ${e.name} is cut short`);
  if (e.size > maxBytes || (e.method === 0 && e.compressedSize > maxBytes)) throw new Error(tooLarge(e.name, maxBytes));
  const raw = data.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new Error(`zip entry ${e.name} uses compression method ${e.method}, which is not supported`);
  return inflateRaw(raw, e.name, maxBytes);
}

/**
 * The archive's XML parts (names ending in .xml or .rels) as UTF-8 text; other entries (images,
 * printer settings) are skipped.
 * @param data the whole archive
 * @param maxPartBytes the most bytes one part may unpack to
 * @returns part name → text
 * @throws Error with a message when the archive is damaged, too large or not a zip archive
 */
export async function zipTextParts(data: Uint8Array, maxPartBytes: number): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  const decoder = new TextDecoder();
  for (const entry of entries(data)) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    parts.set(entry.name, decoder.decode(await entryBytes(data, entry, maxPartBytes)));
  }
  return parts;
}
