import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  readonly path: string;
  readonly data: Uint8Array;
  readonly executable?: boolean;
}

// Every entry carries 1980-01-01 00:00 in MS-DOS form, computed from constants rather than
// from a Date: the archive's bytes then depend on nothing but its contents, in any time zone.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DEFLATE = 8;
const VERSION_NEEDED = 20;
/** Made by UNIX (3), spec 3.0: the external attributes hold the file's mode. */
const VERSION_MADE_BY = (3 << 8) | 30;
/** Names are UTF-8. */
const UTF8_FLAG = 0x0800;

/**
 * A deterministic ZIP archive: entries sorted by path, fixed timestamps and modes, deflated at
 * a fixed level. The same files always give the same bytes, so the package's SHA-256 can be
 * compared with the deployed function's `CodeSha256`.
 */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = Buffer.from(entry.path, "utf8");
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const fields = {
      crc: crc32(entry.data),
      compressedSize: compressed.length,
      size: entry.data.length,
      name,
    };
    const local = Buffer.concat([localHeader(fields), name, compressed]);
    centrals.push(Buffer.concat([centralHeader(fields, entry, offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([
    ...locals,
    directory,
    endOfDirectory(sorted.length, directory.length, offset),
  ]);
}

interface EntryFields {
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly name: Buffer;
}

function localHeader({ crc, compressedSize, size, name }: EntryFields): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(UTF8_FLAG, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

function centralHeader(fields: EntryFields, entry: ZipEntry, offset: number): Buffer {
  const mode = 0o100000 | (entry.executable ? 0o755 : 0o644);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION_MADE_BY, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(UTF8_FLAG, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(fields.crc, 16);
  header.writeUInt32LE(fields.compressedSize, 20);
  header.writeUInt32LE(fields.size, 24);
  header.writeUInt16LE(fields.name.length, 28);
  // Extra field, comment, disk number and internal attributes stay 0.
  header.writeUInt32LE(mode * 0x10000, 38);
  header.writeUInt32LE(offset, 42);
  return header;
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}
