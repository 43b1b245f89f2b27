import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// A document body beyond this is a ZIP bomb, not a budget table.
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** The entries of a ZIP archive by name, each inflated on demand; throws on a damaged archive. */
export function zipEntries(content: Buffer): Map<string, () => Buffer> {
  let end = content.length - 22;
  // The end record sits after an optional comment of up to 64 KiB.
  while (end >= 0 && content.readUInt32LE(end) !== END_OF_DIRECTORY) {
    if (content.length - end > 22 + 0xffff) throw new Error('ZIP 目录缺失');
    end--;
  }
  if (end < 0) throw new Error('ZIP 目录缺失');
  const count = content.readUInt16LE(end + 10);
  const entries = new Map<string, () => Buffer>();
  let at = content.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (content.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error('ZIP 目录损坏');
    const method = content.readUInt16LE(at + 10);
    const size = content.readUInt32LE(at + 20);
    const nameLength = content.readUInt16LE(at + 28);
    const skip = nameLength + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
    const local = content.readUInt32LE(at + 42);
    const name = content.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      if (content.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`ZIP 条目损坏：${name}`);
      const start = local + 30 + content.readUInt16LE(local + 26) + content.readUInt16LE(local + 28);
      const data = content.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
      throw new Error(`不支持的 ZIP 压缩方式 ${method}`);
    });
    at += 46 + skip;
  }
  return entries;
}
