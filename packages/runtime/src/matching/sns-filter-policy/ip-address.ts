// The shapes SNS treats as IP literals; anything else is not an address at all.
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const MAX_OCTET = 255;
const IPV6_GROUPS = 8;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Inclusive bounds, as big-endian bytes of equal length (4 for IPv4, 16 for IPv6). */
export interface IpRange {
  readonly bottom: readonly number[];
  readonly top: readonly number[];
}

export function hasIpAddressShape(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/** The address bytes of an IPv4 or IPv6 literal, or `undefined` if the text is not a valid one. */
export function ipAddressBytes(text: string): readonly number[] | undefined {
  if (IPV4_SHAPE.test(text)) {
    // Octets are decimal even with leading zeros, never octal.
    const octets = text.split(".").map(Number);
    return octets.every((octet) => octet <= MAX_OCTET) ? octets : undefined;
  }
  return IPV6_SHAPE.test(text) ? ipv6Bytes(text) : undefined;
}

function ipv6Bytes(text: string): number[] | undefined {
  const groups = ipv6Groups(text);
  if (groups === undefined || !groups.every((group) => HEX_GROUP.test(group))) return undefined;
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

// "::" stands for one or more zero groups; without it all eight groups are written out.
function ipv6Groups(text: string): string[] | undefined {
  const halves = text.split("::").map((half) => (half === "" ? [] : half.split(":")));
  const [head = [], tail] = halves;
  if (tail === undefined) return head.length === IPV6_GROUPS ? head : undefined;
  const zeros = IPV6_GROUPS - head.length - tail.length;
  return halves.length === 2 && zeros >= 1
    ? [...head, ...Array<string>(zeros).fill("0"), ...tail]
    : undefined;
}

export function ipRangeIncludes(range: IpRange, address: readonly number[]): boolean {
  return (
    address.length === range.bottom.length &&
    compareBytes(range.bottom, address) <= 0 &&
    compareBytes(address, range.top) <= 0
  );
}

function compareBytes(left: readonly number[], right: readonly number[]): number {
  for (let index = 0; index < left.length; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
