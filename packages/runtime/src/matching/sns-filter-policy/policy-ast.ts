import type { ExcludedValues } from "../shared/anything-but-values.js";
import type { IpRange } from "../shared/cidr.js";
import type { NumericRange } from "../shared/numeric-range.js";

/**
 * One element of a policy's value array. The numbers of `numeric` and `anything-but` are in the
 * comparable form of SNS_NUMBERS.
 */
export type Condition =
  | { readonly kind: "equals"; readonly value: string | boolean | null }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "prefix" | "suffix" | "equals-ignore-case"; readonly value: string }
  | { readonly kind: "anything-but"; readonly excluded: ExcludedValues }
  | { readonly kind: "anything-but-prefix"; readonly value: string }
  | { readonly kind: "numeric"; readonly range: NumericRange }
  | { readonly kind: "exists"; readonly exists: boolean }
  | { readonly kind: "cidr"; readonly range: IpRange };

/** A key of the policy with its value array; `path` holds the keys of the enclosing objects too. */
export interface FieldRule {
  readonly path: readonly string[];
  readonly conditions: readonly Condition[];
}

/**
 * A validated policy: every field must match (AND) and, for each `$or`, one of its branches.
 * Nested objects are folded into their parent with longer paths, so a node is one level of
 * logic, not one level of JSON.
 */
export interface PolicyNode {
  readonly fields: readonly FieldRule[];
  readonly alternatives: readonly (readonly PolicyNode[])[];
}

export function* allFields(node: PolicyNode): Generator<FieldRule> {
  yield* node.fields;
  for (const branches of node.alternatives) {
    for (const branch of branches) yield* allFields(branch);
  }
}

/** The name a field is looked up under: an attribute name, or a dotted path into the body. */
export function fieldKey(field: FieldRule): string {
  return field.path.join(".");
}
