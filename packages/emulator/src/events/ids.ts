import type { EventContext } from "./context.js";

/** `length` lowercase hexadecimal digits drawn from the context's UUID source. */
export function hexId(ctx: EventContext, length: number): string {
  let digits = "";
  while (digits.length < length) digits += ctx.randomHex();
  return digits.slice(0, length);
}

/** A UUID in its usual dashed form, such as message and event ids. */
export function uuidId(ctx: EventContext): string {
  const hex = ctx.randomHex();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Base64 of `bytes` random bytes: receipt handles, signatures, S3 host ids. */
export function base64Id(ctx: EventContext, bytes: number): string {
  return Buffer.from(hexId(ctx, bytes * 2), "hex").toString("base64");
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** `length` characters of the upper-case base32 alphabet IAM uses in unique ids. */
export function base32Id(ctx: EventContext, length: number): string {
  const bytes = Buffer.from(hexId(ctx, length * 2), "hex");
  return Array.from(bytes, (byte) => BASE32[byte % 32]).join("");
}

/** An IAM unique id such as `AIDAJQABLZS4A3QDU576Q` (prefix `AIDA` for users, `AROA` for roles). */
export function iamUniqueId(ctx: EventContext, prefix: string): string {
  return `${prefix}${base32Id(ctx, 17)}`;
}
