import type { AttributeValue } from "aws-lambda";
import { describeValue, isPlainObject } from "./params.js";

/** Reports a value that DynamoDB cannot store, at its path inside the item. */
export type MarshallFailure = (path: string, problem: string) => never;

export type Image = Record<string, AttributeValue>;

/**
 * Converts a plain JavaScript item into DynamoDB's typed JSON, as the SDK's `marshall` does:
 * strings `S`, numbers and bigints `N`, booleans `BOOL`, `null` `NULL`, bytes `B`, arrays `L`,
 * objects `M`, and `Set`s of strings, numbers or bytes `SS` / `NS` / `BS`. Properties whose value
 * is `undefined` are left out, as an item cannot hold `undefined`.
 */
export function marshallItem(
  item: Record<string, unknown>,
  path: string,
  fail: MarshallFailure,
): Image {
  const image: Image = {};
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) image[name] = marshallValue(value, `${path}.${name}`, fail);
  }
  return image;
}

function marshallValue(value: unknown, path: string, fail: MarshallFailure): AttributeValue {
  if (typeof value === "string") return { S: value };
  if (typeof value === "number" || typeof value === "bigint")
    return { N: numberText(value, path, fail) };
  if (typeof value === "boolean") return { BOOL: value };
  if (value === null) return { NULL: true };
  if (value instanceof Uint8Array) return { B: Buffer.from(value).toString("base64") };
  if (Array.isArray(value))
    return {
      L: value.map((element, index) => marshallElement(element, `${path}[${index}]`, fail)),
    };
  if (value instanceof Set) return marshallSet(value, path, fail);
  if (isPlainObject(value)) return { M: marshallItem(value, path, fail) };
  return fail(
    path,
    `DynamoDB cannot store ${value instanceof Date ? "a Date (use its ISO string or epoch number)" : describeValue(value)}`,
  );
}

function numberText(value: number | bigint, path: string, fail: MarshallFailure): string {
  if (typeof value === "number" && !Number.isFinite(value))
    fail(path, `${value} is not a number DynamoDB can store`);
  return value.toString();
}

function marshallElement(value: unknown, path: string, fail: MarshallFailure): AttributeValue {
  if (value === undefined) fail(path, "lists cannot hold undefined");
  return marshallValue(value, path, fail);
}

function marshallSet(set: Set<unknown>, path: string, fail: MarshallFailure): AttributeValue {
  const members = [...set];
  if (members.length === 0) fail(path, "DynamoDB sets must not be empty");
  if (members.every((member) => typeof member === "string")) return { SS: members };
  if (members.every((member) => typeof member === "number" || typeof member === "bigint")) {
    return { NS: members.map((member) => numberText(member, path, fail)) };
  }
  if (members.every((member) => member instanceof Uint8Array)) {
    return { BS: members.map((member) => Buffer.from(member).toString("base64")) };
  }
  return fail(path, "a set must hold only strings, only numbers or only bytes");
}

/**
 * The size DynamoDB reports for an image, by the rules of "Item sizes and formats": attribute
 * name bytes plus value sizes; numbers take one byte per two significant digits plus one; lists
 * and maps take 3 bytes plus one per element.
 */
export function imageSize(image: Image): number {
  return Object.entries(image).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value),
    0,
  );
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return Buffer.from(value.B, "base64").length;
  if (value.SS !== undefined)
    return value.SS.reduce((sum, member) => sum + Buffer.byteLength(member), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if (value.BS !== undefined)
    return value.BS.reduce((sum, member) => sum + Buffer.from(member, "base64").length, 0);
  if (value.L !== undefined)
    return value.L.reduce((sum, element) => sum + 1 + valueSize(element), 3);
  if (value.M !== undefined) return 3 + Object.keys(value.M).length + imageSize(value.M);
  return 1;
}

function numberSize(text: string): number {
  const [mantissa = ""] = text.replace(/^[-+]/, "").split(/e/i);
  const digits = mantissa.replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length;
  return Math.ceil(Math.max(digits, 1) / 2) + 1;
}
