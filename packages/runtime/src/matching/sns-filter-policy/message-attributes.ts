import { isJsonObject, isJsonScalar, type JsonScalar, parseJson } from "../shared/json-value.js";
import type { FieldValues } from "./compile-conditions.js";
import { compilePolicy } from "./compile-policy.js";
import type { PolicyNode } from "./policy-ast.js";
import type { FilterPolicyMatcher } from "./types.js";

const NUMBER_SYNTAX = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A `MessageAttributes` matcher: each policy key names a message attribute. */
export function compileAttributesMatcher(policy: PolicyNode): FilterPolicyMatcher {
  const predicate = compilePolicy(policy);
  return ({ messageAttributes }) => {
    const attributes = isJsonObject(messageAttributes) ? messageAttributes : {};
    return predicate((name) =>
      Object.hasOwn(attributes, name) ? attributeValues(attributes[name]) : undefined,
    );
  };
}

/**
 * The values SNS filters on: the string of a `String` attribute, the number of a `Number` one,
 * the elements of a `String.Array`. `Binary` (and unknown) attributes are ignored, as if absent;
 * a value SNS could not read leaves the attribute present but without values.
 */
function attributeValues(attribute: unknown): FieldValues {
  if (!isJsonObject(attribute) || typeof attribute.Type !== "string") return undefined;
  const { Type: type, Value: value } = attribute;
  if (type === "String.Array") return typeof value === "string" ? arrayElements(value) : [];
  switch (type.split(".", 1)[0]) {
    case "String":
      return typeof value === "string" ? [value] : [];
    case "Number":
      return typeof value === "string" && NUMBER_SYNTAX.test(value) ? [Number(value)] : [];
    default:
      return undefined;
  }
}

function arrayElements(json: string): JsonScalar[] {
  const array = parseJson(json);
  return Array.isArray(array) ? array.flat(Number.POSITIVE_INFINITY).filter(isJsonScalar) : [];
}
