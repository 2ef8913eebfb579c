import type { SNSMessageAttributes } from "aws-lambda";
import { isAttributeDataType } from "../../events/message-attributes.js";
import { invalidAttributeValue, missingMember } from "./sns-errors.js";

/** A message attribute as Publish carries it (binary values in base64). */
export interface WireMessageAttribute {
  readonly DataType?: string;
  readonly StringValue?: string;
  readonly BinaryValue?: string;
}

const MAX_NAME_BYTES = 256;
const INVALID_NAME_CHARACTER = /[^\p{L}\p{N}_.-]/u;

/**
 * Checks the message attributes of a publish as SNS does, with its messages, and returns them in
 * the shape SNS delivers (`Type`, `Value`). `path` locates them in the request for the message of
 * a missing data type (`messageAttributes`, `publishBatchRequestEntries.1.member.messageAttributes`).
 */
export function checkMessageAttributes(
  input: Readonly<Record<string, WireMessageAttribute>>,
  path: string,
): SNSMessageAttributes {
  const attributes: SNSMessageAttributes = {};
  for (const [name, attribute] of Object.entries(input)) {
    checkName(name);
    attributes[name] = checkAttribute(name, attribute, `${path}.${name}.member.dataType`);
  }
  return attributes;
}

/** The bytes attributes add to a message's size: names, data types and values. */
export function attributesSize(attributes: SNSMessageAttributes): number {
  return Object.entries(attributes).reduce(
    (size, [name, { Type, Value }]) =>
      size + Buffer.byteLength(name) + Buffer.byteLength(Type) + Buffer.byteLength(Value),
    0,
  );
}

function checkName(name: string): void {
  const fail = (message: string): never => {
    throw invalidAttributeValue(message);
  };
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    fail("Length of message attribute name must be less than 256 bytes.");
  }
  if (name.startsWith("."))
    fail("Invalid message attribute name starting with character '.' was found.");
  if (name.endsWith("."))
    fail("Invalid message attribute name ending with character '.' was found.");
  if (name.includes("..")) fail("Message attribute name can not have successive '.' character.");
  const invalid = INVALID_NAME_CHARACTER.exec(name)?.[0];
  if (invalid !== undefined) {
    const code = invalid.codePointAt(0)?.toString(16).toUpperCase();
    fail(
      `Invalid non-alphanumeric character '#x${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
    );
  }
}

function checkAttribute(
  name: string,
  attribute: WireMessageAttribute,
  dataTypePath: string,
): { Type: string; Value: string } {
  const type = attribute.DataType;
  if (type === undefined) throw missingMember(dataTypePath);
  if (!isAttributeDataType(type)) {
    throw invalidAttributeValue(
      `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
    );
  }
  const baseType = type.split(".", 1)[0];
  const binary = baseType === "Binary";
  const value = binary ? attribute.BinaryValue : attribute.StringValue;
  const otherValue = binary ? attribute.StringValue : attribute.BinaryValue;
  if (!value && otherValue) {
    throw invalidAttributeValue(
      `The message attribute '${name}' with type '${baseType}' must use field '${binary ? "Binary" : "String"}'.`,
    );
  }
  if (!value) {
    throw invalidAttributeValue(
      `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${baseType}'.`,
    );
  }
  return { Type: type, Value: value };
}
