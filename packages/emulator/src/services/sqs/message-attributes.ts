import type { SQSMessageAttribute, SQSMessageAttributes } from "aws-lambda";
import { isAttributeDataType, isBase64, isNumberText } from "../../events/message-attributes.js";
import { findInvalidCharacter } from "./message-body.js";
import { invalidParameterValue } from "./sqs-errors.js";

/** A message attribute as the SQS API carries it (JSON protocol names; binary in base64). */
export interface WireMessageAttribute {
  readonly DataType?: unknown;
  readonly StringValue?: unknown;
  readonly BinaryValue?: unknown;
}

export interface CheckedAttributes {
  /** In the shape Lambda delivers (and SQS's MD5 algorithm reads). */
  readonly attributes: SQSMessageAttributes;
  /** The bytes the attributes add to the message size: names, types and values. */
  readonly size: number;
}

const MAX_ATTRIBUTES = 10;
const MAX_NAME_LENGTH = 256;
const NAME_CHARACTERS = /^[\p{L}\p{N}_.-]+$/u;
const RESERVED_PREFIX = /^(aws|amazon)\./i;

/** Checks user message attributes as SendMessage does, with SQS's messages. */
export function checkMessageAttributes(
  input: Readonly<Record<string, unknown>>,
): CheckedAttributes {
  const names = Object.keys(input);
  if (names.length > MAX_ATTRIBUTES) {
    throw invalidParameterValue(
      `Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`,
    );
  }
  const attributes: SQSMessageAttributes = {};
  for (const name of names) {
    checkAttributeName(name);
    attributes[name] = checkAttribute(name, input[name], "user");
  }
  return { attributes, size: messageAttributesSize(input) };
}

/** The bytes message attributes add to a message's size: names, types and values. */
export function messageAttributesSize(input: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(input)) {
    const { DataType, StringValue, BinaryValue } = (value ?? {}) as WireMessageAttribute;
    size += Buffer.byteLength(name);
    if (typeof DataType === "string") size += Buffer.byteLength(DataType);
    if (typeof StringValue === "string") size += Buffer.byteLength(StringValue);
    if (typeof BinaryValue === "string") size += Buffer.byteLength(BinaryValue, "base64");
  }
  return size;
}

/** The only system attribute SQS accepts is the X-Ray trace header. */
export function checkSystemAttributes(
  input: Readonly<Record<string, unknown>>,
): SQSMessageAttributes {
  const attributes: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(input)) {
    if (name !== "AWSTraceHeader") {
      throw invalidParameterValue(`Message system attribute name '${name}' is invalid.`);
    }
    const attribute = checkAttribute(name, value, "system");
    if (attribute.dataType !== "String") {
      throw invalidParameterValue(`Message system attribute '${name}' must be of type 'String'.`);
    }
    attributes[name] = attribute;
  }
  return attributes;
}

/**
 * The attributes a receiver asked for: `All` or `.*` for every one, `prefix.*` for those under a
 * prefix, or exact names. Names that match nothing are ignored, as SQS ignores them.
 */
export function selectAttributes(
  attributes: SQSMessageAttributes,
  requested: readonly string[],
): SQSMessageAttributes {
  if (requested.includes("All") || requested.includes(".*")) return attributes;
  const prefixes = requested.filter((name) => name.endsWith(".*")).map((name) => name.slice(0, -1));
  const selected: SQSMessageAttributes = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (requested.includes(name) || prefixes.some((prefix) => name.startsWith(prefix))) {
      selected[name] = attribute;
    }
  }
  return selected;
}

/** Lambda's attribute shape back into the API's: `{ DataType, StringValue | BinaryValue }`. */
export function toWireAttributes(
  attributes: SQSMessageAttributes,
): Record<string, WireMessageAttribute> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, { dataType, stringValue, binaryValue }]) => [
      name,
      {
        DataType: dataType,
        ...(stringValue !== undefined && { StringValue: stringValue }),
        ...(binaryValue !== undefined && { BinaryValue: binaryValue }),
      },
    ]),
  );
}

function checkAttributeName(name: string): void {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw invalidParameterValue(
      `Message attribute name '${name}' must be between 1 and ${MAX_NAME_LENGTH} characters long.`,
    );
  }
  const invalid = [...name].find((character) => !NAME_CHARACTERS.test(character));
  if (invalid !== undefined) {
    const code = invalid.codePointAt(0)!.toString(16).toUpperCase();
    throw invalidParameterValue(
      `Invalid non-alphanumeric character '#x${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
    );
  }
  if (RESERVED_PREFIX.test(name)) {
    throw invalidParameterValue(
      `Message attribute name '${name}' is invalid: names starting with AWS. or Amazon. are reserved for use by Amazon SQS.`,
    );
  }
  if (name.startsWith(".") || name.endsWith(".") || name.includes("..")) {
    throw invalidParameterValue(
      `Message attribute name '${name}' is invalid: it must not start or end with a period or contain successive periods.`,
    );
  }
}

function checkAttribute(
  name: string,
  value: unknown,
  kind: "user" | "system",
): SQSMessageAttribute {
  const { DataType, StringValue, BinaryValue } = (
    typeof value === "object" && value !== null ? value : {}
  ) as WireMessageAttribute;
  if (typeof DataType !== "string" || DataType === "") {
    throw invalidParameterValue(
      `The message attribute '${name}' must contain non-empty message attribute type.`,
    );
  }
  if (!isAttributeDataType(DataType)) {
    throw invalidParameterValue(
      `The type of message (${kind}) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
    );
  }
  const base = DataType.split(".")[0]!;
  const empty = () =>
    invalidParameterValue(
      `Message (${kind}) attribute '${name}' must contain a non-empty value of type '${base}'.`,
    );
  if (base === "Binary") {
    if (typeof BinaryValue !== "string" || BinaryValue === "" || !isBase64(BinaryValue))
      throw empty();
    return {
      binaryValue: BinaryValue,
      stringListValues: [],
      binaryListValues: [],
      dataType: DataType,
    };
  }
  if (typeof StringValue !== "string" || StringValue === "") throw empty();
  const invalid = findInvalidCharacter(StringValue);
  if (invalid !== undefined) {
    throw invalidParameterValue(
      `Invalid binary character '#x${invalid.toString(16).toUpperCase()}' was found in the message attribute '${name}'.`,
    );
  }
  if (base === "Number" && !isNumberText(StringValue)) {
    throw invalidParameterValue(`Could not cast message attribute '${name}' value to number.`);
  }
  return {
    stringValue: StringValue,
    stringListValues: [],
    binaryListValues: [],
    dataType: DataType,
  };
}
