import type { SQSMessageAttribute, SQSMessageAttributes } from "aws-lambda";
import {
  bytesToBase64,
  isAttributeDataType,
  isBase64,
  isNumberText,
} from "./message-attributes.js";
import { checkAttributeName } from "./names.js";
import { describeValue, isPlainObject, type ParamReader } from "./params.js";

/**
 * A message attribute as a caller writes it: a string, a number or bytes (typed `String`, `Number`
 * and `Binary`), or the full form with a custom data type such as `Number.float`.
 */
export type SqsAttributeInput =
  | string
  | number
  | Uint8Array
  | {
      readonly dataType: string;
      readonly stringValue?: string;
      readonly binaryValue?: string | Uint8Array;
    };

/** SQS accepts at most 10 message attributes per message. */
const MAX_MESSAGE_ATTRIBUTES = 10;

/** Reads the `messageAttributes` parameter into the shape Lambda delivers. */
export function readSqsAttributes(reader: ParamReader, param: string): SQSMessageAttributes {
  const input = reader.optionalRecord(param) ?? {};
  const names = Object.keys(input);
  if (names.length > MAX_MESSAGE_ATTRIBUTES) {
    reader.fail(
      param,
      `SQS allows at most ${MAX_MESSAGE_ATTRIBUTES} message attributes, got ${names.length}`,
    );
  }
  const attributes: SQSMessageAttributes = {};
  for (const name of names) {
    const path = `${param}.${name}`;
    reader.check(path, name, checkAttributeName);
    const problem = (message: string) => reader.fail(path, message);
    attributes[name] = sqsAttribute(input[name], problem);
  }
  return attributes;
}

function sqsAttribute(value: unknown, fail: (problem: string) => never): SQSMessageAttribute {
  if (typeof value === "string") return stringAttribute("String", value, fail);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(`${value} is not a finite number`);
    return stringAttribute("Number", String(value), fail);
  }
  if (value instanceof Uint8Array) return binaryAttribute("Binary", bytesToBase64(value), fail);
  if (!isPlainObject(value) || typeof value.dataType !== "string") {
    return fail(
      `expected a string, a number, bytes or { dataType, stringValue | binaryValue }, got ${describeValue(value)}`,
    );
  }
  const { dataType, stringValue, binaryValue } = value;
  if (!isAttributeDataType(dataType)) {
    fail(
      `data type ${JSON.stringify(dataType)} must be String, Number or Binary, optionally followed by .<label>`,
    );
  }
  if (dataType.startsWith("Binary")) {
    const base64 = binaryValue instanceof Uint8Array ? bytesToBase64(binaryValue) : binaryValue;
    if (typeof base64 !== "string" || stringValue !== undefined)
      fail(`a ${dataType} attribute takes binaryValue only`);
    return binaryAttribute(dataType, base64, fail);
  }
  if (typeof stringValue !== "string" || binaryValue !== undefined)
    fail(`a ${dataType} attribute takes stringValue only`);
  return stringAttribute(dataType, stringValue, fail);
}

function stringAttribute(
  dataType: string,
  stringValue: string,
  fail: (problem: string) => never,
): SQSMessageAttribute {
  if (stringValue === "") fail("attribute values must not be empty");
  if (dataType.startsWith("Number") && !isNumberText(stringValue))
    fail(`${JSON.stringify(stringValue)} is not a number`);
  return { stringValue, stringListValues: [], binaryListValues: [], dataType };
}

function binaryAttribute(
  dataType: string,
  binaryValue: string,
  fail: (problem: string) => never,
): SQSMessageAttribute {
  if (binaryValue === "" || !isBase64(binaryValue)) fail("binary values must be non-empty base64");
  return { binaryValue, stringListValues: [], binaryListValues: [], dataType };
}
