import { hasIpAddressShape, ipAddressHex } from "./ip-address.js";
import type { LeafTest } from "./json-value.js";
import type { Reject } from "./reject.js";

const MASK_BITS = /^[+-]?[0-9]+$/;
// Event Ruler reads the mask with Java's Integer.parseInt: a 32-bit signed integer.
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
const BITS_PER_HEX_DIGIT = 4;
const IPV4_BITS = 32;

/** Inclusive bounds of an address range, spelled as ipAddressHex spells addresses. */
export interface IpRange {
  readonly bottom: string;
  readonly top: string;
}

/**
 * Parses the operand of `cidr` with Event Ruler's checks and messages. As in Event Ruler, the
 * range starts at the address as written (host bits are not cleared) and ends at that address
 * with every host bit set.
 */
export function parseCidr(operand: unknown, reject: Reject): IpRange {
  // Event Ruler really does name the prefix operator in this message.
  if (typeof operand !== "string") return reject("prefix match pattern must be a string");
  const parts = javaSplit(operand, "/");
  const [address = "", mask = ""] = parts;
  if (parts.length !== 2) reject("Malformed CIDR, one '/' required");
  const maskBits = MASK_BITS.test(mask) ? Number(mask) : Number.NaN;
  if (!(maskBits >= MIN_INT32 && maskBits <= MAX_INT32)) {
    reject("Malformed CIDR, mask bits must be an integer");
  }
  if (maskBits < 0) reject("Malformed CIDR, mask bits must not be negative");
  if (!hasIpAddressShape(address)) reject(`Nonstandard IP address: ${address}`);
  const bottom = ipAddressHex(address) ?? reject(`Invalid IP address: ${address}`);
  const addressBits = bottom.length * BITS_PER_HEX_DIGIT;
  if (maskBits >= addressBits) {
    reject(
      addressBits === IPV4_BITS ? "IPv4 mask bits must be < 32" : "IPv6 mask bits must be < 128",
    );
  }
  return { bottom, top: withHostBitsSet(bottom, addressBits - maskBits) };
}

/** Holds for a string that is an address of the range's family within the range. */
export function ipRangeTest({ bottom, top }: IpRange): LeafTest {
  return (leaf) => {
    const address = typeof leaf === "string" ? ipAddressHex(leaf) : undefined;
    return (
      address !== undefined &&
      address.length === bottom.length &&
      address >= bottom &&
      address <= top
    );
  };
}

function withHostBitsSet(hex: string, hostBits: number): string {
  const value = BigInt(`0x${hex}`) | ((1n << BigInt(hostBits)) - 1n);
  return value.toString(16).padStart(hex.length, "0");
}

/** `String.split` as Java does it: trailing empty strings are dropped ("a/24/" is valid). */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.at(-1) === "") parts.pop();
  return parts;
}
