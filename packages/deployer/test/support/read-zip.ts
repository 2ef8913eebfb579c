import { crc32, inflateRawSync } from "node:zlib";

export interface ReadEntry {
  readonly path: string;
  readonly data: Buffer;
  readonly mode: number;
  readonly dosTime: number;
  readonly dosDate: number;
}

/** Reads a ZIP archive through its central directory, checking every entry's CRC-32. */
export function readZip(zip: Buffer): ReadEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`No central header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const compressedSize = zip.readUInt32LE(at + 20);
    const path = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    if (crc32(data) !== zip.readUInt32LE(at + 16)) throw new Error(`Bad CRC-32 for ${path}`);
    entries.push({
      path,
      data,
      mode: zip.readUInt32LE(at + 38) >>> 16,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
