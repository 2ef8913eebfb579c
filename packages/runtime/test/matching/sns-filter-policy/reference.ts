import type { FilterPolicyScope, SnsFilterInput } from "@domovoi/runtime/matching";
import { numericTermsHold } from "../support/numeric-terms.js";

/**
 * A deliberately naive evaluator of the filter policies the property test generates: it expands
 * `$or` into every branch, walks the message structurally for each key, and applies each
 * operator's documented meaning with plain JavaScript comparisons. It trusts the policy to be
 * valid and its numbers and CIDR blocks to be simple (small decimals, network-aligned IPv4).
 */
export function referenceMatches(
  policy: Record<string, unknown>,
  scope: FilterPolicyScope,
  input: SnsFilterInput,
): boolean {
  const branches = expandBranches(policy, []);
  if (branches.every((branch) => branch.length === 0)) return true;
  const read = scope === "MessageBody" ? bodyReader(input.message) : attributeReader(input);
  if (read === undefined) return false;
  return branches.some((branch) =>
    branch.every(({ path, conditions }) => keyMatches(conditions, read(path))),
  );
}

interface KeyRule {
  readonly path: string[];
  readonly conditions: unknown[];
}

type Reader = (path: string[]) => unknown[] | undefined;

function expandBranches(policy: Record<string, unknown>, path: string[]): KeyRule[][] {
  let branches: KeyRule[][] = [[]];
  for (const [key, value] of Object.entries(policy)) {
    let options: KeyRule[][];
    if (key === "$or") {
      options = (value as Record<string, unknown>[]).flatMap((branch) =>
        expandBranches(branch, path),
      );
    } else if (Array.isArray(value)) {
      options = [[{ path: [...path, key], conditions: value }]];
    } else {
      options = expandBranches(value as Record<string, unknown>, [...path, key]);
    }
    branches = branches.flatMap((branch) => options.map((option) => [...branch, ...option]));
  }
  return branches;
}

function bodyReader(message: string | undefined): Reader | undefined {
  let body: unknown;
  try {
    body = JSON.parse(message ?? "");
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  return (path) => {
    let nodes: unknown[] = [body];
    for (const key of path) {
      nodes = nodes
        .flatMap(elements)
        .filter(
          (node): node is Record<string, unknown> => typeof node === "object" && node !== null,
        )
        .flatMap((node) => (key in node ? [node[key]] : []));
    }
    const leaves = nodes
      .flatMap(elements)
      .filter((node) => typeof node !== "object" || node === null);
    return leaves.length > 0 ? leaves : undefined;
  };
}

function elements(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(elements) : [value];
}

function attributeReader({ messageAttributes = {} }: SnsFilterInput): Reader {
  return ([name = ""]) => {
    const attribute = messageAttributes[name];
    if (attribute === undefined || attribute.Type === "Binary") return undefined;
    if (attribute.Type === "Number") return [Number(attribute.Value)];
    if (attribute.Type === "String.Array") return JSON.parse(attribute.Value) as unknown[];
    return [attribute.Value];
  };
}

function keyMatches(conditions: unknown[], values: unknown[] | undefined): boolean {
  return conditions.some((condition) => {
    const operator = condition as Record<string, unknown>;
    if (typeof condition === "object" && condition !== null && "exists" in operator) {
      return operator.exists === (values !== undefined);
    }
    return values?.some((value) => valueMatches(condition, value)) ?? false;
  });
}

function valueMatches(condition: unknown, value: unknown): boolean {
  if (typeof condition !== "object" || condition === null) return condition === value;
  const [[operator, operand]] = Object.entries(condition) as [[string, unknown]];
  const text = typeof value === "string" ? value : undefined;
  switch (operator) {
    case "prefix":
      return text?.startsWith(operand as string) ?? false;
    case "suffix":
      return text?.endsWith(operand as string) ?? false;
    case "equals-ignore-case":
      return text?.toLowerCase() === (operand as string).toLowerCase();
    case "numeric":
      return typeof value === "number" && numericTermsHold(operand as unknown[], value);
    case "cidr":
      return text !== undefined && inIpv4Block(operand as string, text);
    case "anything-but":
      return anythingBut(operand, value);
    default:
      throw new Error(`the reference does not know ${operator}`);
  }
}

function anythingBut(operand: unknown, value: unknown): boolean {
  if (typeof operand === "object" && operand !== null && !Array.isArray(operand)) {
    const { prefix } = operand as { prefix: string };
    return typeof value !== "string" || !value.startsWith(prefix);
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  if (typeof excluded[0] === "number")
    return typeof value === "number" && !excluded.includes(value);
  return typeof value !== "string" || !excluded.includes(value);
}

function inIpv4Block(cidr: string, address: string): boolean {
  const [network = "", bits = "0"] = cidr.split("/");
  const toNumber = (ip: string) =>
    ip.split(".").reduce((total, octet) => total * 256 + Number(octet), 0);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(address) || address.split(".").some((o) => Number(o) > 255)) {
    return false;
  }
  const blockSize = 2 ** (32 - Number(bits));
  return Math.floor(toNumber(address) / blockSize) === Math.floor(toNumber(network) / blockSize);
}
