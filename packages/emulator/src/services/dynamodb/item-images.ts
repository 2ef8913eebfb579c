import type { AttributeValue } from "aws-lambda";
import type { Image } from "../../events/dynamodb-marshall.js";

export type { Image };

/** The key attributes of an item, or undefined when it lacks one of them. */
export function keyOf(item: Image, keyNames: readonly string[]): Image | undefined {
  const key: Image = {};
  for (const name of keyNames) {
    const value = item[name];
    if (value === undefined) return undefined;
    key[name] = value;
  }
  return key;
}

/**
 * Whether two images hold the same data, as DynamoDB compares items: numbers by value, sets
 * regardless of order. DynamoDB Streams writes no record for a write that changes nothing.
 */
export function sameImage(a: Image, b: Image): boolean {
  return canonical({ M: a }) === canonical({ M: b });
}

function canonical(value: AttributeValue): string {
  if (value.N !== undefined) return `N:${canonicalNumber(value.N)}`;
  if (value.NS !== undefined) return `NS:${JSON.stringify(value.NS.map(canonicalNumber).sort())}`;
  if (value.SS !== undefined) return `SS:${JSON.stringify([...value.SS].sort())}`;
  if (value.BS !== undefined) return `BS:${JSON.stringify([...value.BS].sort())}`;
  if (value.L !== undefined) return `L:[${value.L.map(canonical).join(",")}]`;
  if (value.M !== undefined) {
    const entries = Object.entries(value.M).sort(([a], [b]) => (a < b ? -1 : 1));
    return `M:{${entries.map(([name, inner]) => `${JSON.stringify(name)}=${canonical(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A number as significant digits and a scale, so that `1.50e1` and `15` read the same. */
function canonicalNumber(text: string): string {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  const all = `${whole}${fraction}`;
  const significant = all.replace(/^0+/, "");
  if (significant === "") return "0";
  const scale = whole.length - (all.length - significant.length) + Number(exponent);
  return `${sign === "-" ? "-" : ""}0.${significant.replace(/0+$/, "")}e${scale}`;
}
