import { hasIpAddressShape, type IpRange, ipAddressBytes } from "./ip-address.js";
import { rejectPolicy } from "./policy-rejection.js";

const MASK_BITS = /^[+-]?\d+$/;
const MAX_INT32 = 2 ** 31 - 1;
const BITS_PER_BYTE = 8;

/**
 * Parses a `cidr` operand with SNS's checks and messages. As in SNS, the range starts at the
 * address as written (not at the network address) and ends at its last host address.
 */
export function parseCidr(cidr: string): IpRange {
  const parts = splitDroppingTrailingEmpties(cidr);
  const [address, mask] = parts;
  if (parts.length !== 2 || address === undefined || mask === undefined) {
    return rejectPolicy("Malformed CIDR, one '/' required");
  }
  const maskBits = Number(mask);
  if (!MASK_BITS.test(mask) || Math.abs(maskBits) > MAX_INT32) {
    rejectPolicy("Malformed CIDR, mask bits must be an integer");
  }
  if (maskBits < 0) rejectPolicy("Malformed CIDR, mask bits must not be negative");
  const bytes = addressBytes(address);
  const addressBits = bytes.length * BITS_PER_BYTE;
  if (maskBits >= addressBits) {
    rejectPolicy(
      addressBits === 32 ? "IPv4 mask bits must be < 32" : "IPv6 mask bits must be < 128",
    );
  }
  return { bottom: bytes, top: withHostBitsSet(bytes, addressBits - maskBits) };
}

// SNS splits like Java's String.split, which drops trailing empty strings ("a/24/" is valid).
function splitDroppingTrailingEmpties(text: string): string[] {
  const parts = text.split("/");
  while (parts.at(-1) === "") parts.pop();
  return parts;
}

function addressBytes(address: string): readonly number[] {
  if (!hasIpAddressShape(address)) return rejectPolicy(`Nonstandard IP address: ${address}`);
  return ipAddressBytes(address) ?? rejectPolicy(`Invalid IP address: ${address}`);
}

function withHostBitsSet(bytes: readonly number[], hostBits: number): number[] {
  return bytes.map((byte, index) => {
    const bitsInThisByte = hostBits - (bytes.length - 1 - index) * BITS_PER_BYTE;
    if (bitsInThisByte >= BITS_PER_BYTE) return 0xff;
    return bitsInThisByte <= 0 ? byte : byte | ((1 << bitsInThisByte) - 1);
  });
}
