const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

/**
 * 32-bit FNV-1a of the text's UTF-8 bytes, as 8 lower-case hex digits. Names only need to be
 * stable and well spread, not secret, so a few lines beat loading `node:crypto` at cold start.
 */
export function shortHash(text: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of encoder.encode(text)) {
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
