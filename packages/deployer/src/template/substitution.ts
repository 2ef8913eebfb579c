import type { JsonObject, JsonValue } from "@domovoi/runtime";
import type { Target } from "../aws/target.js";

/** The target of a template: ARNs are built with CloudFormation's pseudo parameters. */
export const PSEUDO_TARGET: Target = {
  account: pseudoParameter("AccountId"),
  region: pseudoParameter("Region"),
  partition: pseudoParameter("Partition"),
};

/** `${AWS::<name>}`, as Fn::Sub reads it. */
function pseudoParameter(name: string): string {
  return `\${AWS::${name}}`;
}

/**
 * Wraps every string that names a pseudo parameter or one of the template's parameters in
 * `Fn::Sub`, escaping any other `${...}` (an IAM policy variable such as `${aws:username}`), which
 * Fn::Sub would otherwise try to resolve.
 */
export function substituted(value: JsonValue, parameters: ReadonlySet<string>): JsonValue {
  if (typeof value === "string") return substitutedString(value, parameters);
  if (Array.isArray(value)) return value.map((item) => substituted(item, parameters));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, substituted(item, parameters)]),
  ) as JsonObject;
}

function substitutedString(text: string, parameters: ReadonlySet<string>): JsonValue {
  const variables = [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? "");
  const isOurs = (name: string) => name.startsWith("AWS::") || parameters.has(name);
  if (!variables.some(isOurs)) return text;
  return {
    "Fn::Sub": text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) =>
      isOurs(name) ? whole : `\${!${name}}`,
    ),
  };
}
