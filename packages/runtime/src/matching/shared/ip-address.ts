// Event Ruler treats only text of these shapes as IP addresses; anything else is a plain string.
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const MAX_OCTET = 255;
const IPV6_GROUPS = 8;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function hasIpAddressShape(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/**
 * The address of an IPv4 or IPv6 literal as fixed-width lower-case hex (8 digits for IPv4, 32
 * for IPv6), or `undefined` if the text is not a valid address. Two spellings of one address
 * give the same text, and addresses of one family compare in order as strings.
 */
export function ipAddressHex(text: string): string | undefined {
  if (IPV4_SHAPE.test(text)) return ipv4Hex(text);
  return IPV6_SHAPE.test(text) ? ipv6Hex(text) : undefined;
}

function ipv4Hex(text: string): string | undefined {
  // Octets are decimal even with leading zeros, never octal.
  const octets = text.split(".").map(Number);
  if (octets.some((octet) => octet > MAX_OCTET)) return undefined;
  return octets.map((octet) => octet.toString(16).padStart(2, "0")).join("");
}

function ipv6Hex(text: string): string | undefined {
  const groups = ipv6Groups(text);
  if (groups === undefined || !groups.every((group) => HEX_GROUP.test(group))) return undefined;
  return groups
    .map((group) => group.padStart(4, "0"))
    .join("")
    .toLowerCase();
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
