import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";

/** The additional checksums S3 verifies and stores (`x-amz-checksum-<algorithm>`). */
export const CHECKSUM_ALGORITHMS = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"] as const;

export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** A checksum as S3 reports it: the algorithm and the base64 of the digest. */
export interface Checksum {
  readonly algorithm: ChecksumAlgorithm;
  readonly value: string;
}

export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

/** The base64 digest of `data` with `algorithm`. */
export function computeChecksum(algorithm: ChecksumAlgorithm, data: Buffer): string {
  return DIGESTS[algorithm](data).toString("base64");
}

const DIGESTS: Readonly<Record<ChecksumAlgorithm, (data: Buffer) => Buffer>> = {
  CRC32: (data) => uint32(crc32(data)),
  CRC32C: (data) => uint32(crc32c(data)),
  CRC64NVME: crc64nvme,
  SHA1: (data) => createHash("sha1").update(data).digest(),
  SHA256: (data) => createHash("sha256").update(data).digest(),
};

/** Digest lengths in bytes, to tell a malformed header from a mismatching one. */
export const CHECKSUM_BYTES: Readonly<Record<ChecksumAlgorithm, number>> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
};

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/** Table of a reflected 32-bit CRC (Castagnoli polynomial 0x1EDC6F41, reversed). */
const CRC32C_TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  return crc >>> 0;
});

function crc32c(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5) computed on two 32-bit halves, since
 * BigInt arithmetic per byte would make large uploads slow.
 */
const CRC64_HIGH = new Uint32Array(256);
const CRC64_LOW = new Uint32Array(256);
for (let byte = 0; byte < 256; byte++) {
  let high = 0;
  let low = byte;
  for (let bit = 0; bit < 8; bit++) {
    const carry = low & 1;
    low = ((low >>> 1) | ((high & 1) << 31)) >>> 0;
    high >>>= 1;
    if (carry) {
      high = (high ^ 0x9a6c9329) >>> 0;
      low = (low ^ 0xac4bc9b5) >>> 0;
    }
  }
  CRC64_HIGH[byte] = high;
  CRC64_LOW[byte] = low;
}

function crc64nvme(data: Buffer): Buffer {
  let high = 0xffffffff;
  let low = 0xffffffff;
  for (const byte of data) {
    const index = (low ^ byte) & 0xff;
    low = (((low >>> 8) | (high << 24)) ^ CRC64_LOW[index]!) >>> 0;
    high = ((high >>> 8) ^ CRC64_HIGH[index]!) >>> 0;
  }
  const digest = Buffer.alloc(8);
  digest.writeUInt32BE((high ^ 0xffffffff) >>> 0, 0);
  digest.writeUInt32BE((low ^ 0xffffffff) >>> 0, 4);
  return digest;
}
