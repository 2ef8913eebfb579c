import { invalidPattern } from "./invalid-pattern.js";
import type { LeafTest } from "./leaf.js";

// AWS only treats text of these shapes as IP addresses (anything else is a plain string).
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const INT32 = /^[+-]?[0-9]{1,10}$/;

/**
 * The address as fixed-width upper-case hex (8 digits for IPv4, 32 for IPv6), so that ranges
 * compare as strings; undefined when the text is not an IP address.
 */
export function ipToHex(text: string): string | undefined {
  if (IPV4_SHAPE.test(text)) return ipv4ToHex(text);
  if (IPV6_SHAPE.test(text)) return ipv6ToHex(text);
  return undefined;
}

function ipv4ToHex(text: string): string | undefined {
  let hex = "";
  for (const part of text.split(".")) {
    const byte = Number(part);
    if (byte > 255) return undefined;
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex.toUpperCase();
}

function ipv6ToHex(text: string): string | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0] ?? "");
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<string>(missing).fill("0000"), ...tail].join("").toUpperCase();
}

function groupsOf(text: string): string[] | undefined {
  if (text === "") return [];
  const groups = text.split(":");
  if (groups.some((group) => group.length < 1 || group.length > 4)) return undefined;
  return groups.map((group) => group.padStart(4, "0"));
}

/** Exact matching on an address: AWS compares the address, not its spelling. */
export function ipEqualsTest(hex: string): LeafTest {
  return (leaf) => typeof leaf === "string" && ipToHex(leaf) === hex;
}

/**
 * Compiles `{"cidr": "..."}` with AWS's messages. Like AWS, the range runs from the address as
 * written (host bits are not cleared) to that address with every host bit set.
 */
export function compileCidr(cidr: string): LeafTest {
  const parts = javaSplit(cidr, "/");
  if (parts.length !== 2) throw invalidPattern("Malformed CIDR, one '/' required");
  const [address = "", maskText = ""] = parts;
  const maskBits = INT32.test(maskText) ? Number(maskText) : Number.NaN;
  if (!Number.isInteger(maskBits) || Math.abs(maskBits) > 2 ** 31) {
    throw invalidPattern("Malformed CIDR, mask bits must be an integer");
  }
  if (maskBits < 0) throw invalidPattern("Malformed CIDR, mask bits must not be negative");
  if (!IPV4_SHAPE.test(address) && !IPV6_SHAPE.test(address)) {
    throw invalidPattern(`Nonstandard IP address: ${address}`);
  }
  const bottom = ipToHex(address);
  if (bottom === undefined) throw invalidPattern(`Invalid IP address: ${address}`);
  const ipv4 = bottom.length === 8;
  if (ipv4 && maskBits > 31) throw invalidPattern("IPv4 mask bits must be < 32");
  if (!ipv4 && maskBits > 127) throw invalidPattern("IPv6 mask bits must be < 128");
  const top = setHostBits(bottom, maskBits);
  return (leaf) => {
    if (typeof leaf !== "string") return false;
    const hex = ipToHex(leaf);
    return hex !== undefined && hex.length === bottom.length && hex >= bottom && hex <= top;
  };
}

function setHostBits(hex: string, maskBits: number): string {
  const totalBits = hex.length * 4;
  const value = BigInt(`0x${hex}`) | ((1n << BigInt(totalBits - maskBits)) - 1n);
  return value.toString(16).toUpperCase().padStart(hex.length, "0");
}

/** `String.split` as Java does it: trailing empty strings are dropped. */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}
