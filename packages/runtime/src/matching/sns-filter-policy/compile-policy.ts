import { compileFieldConditions, type FieldValues } from "./compile-conditions.js";
import { fieldKey, type PolicyNode } from "./policy-ast.js";

/** Reads the values of one key (see fieldKey) from the message being filtered. */
export type FieldLookup = (key: string) => FieldValues;
export type PolicyPredicate = (lookup: FieldLookup) => boolean;

/** Compiles a validated policy into a predicate over whatever scope the lookup reads. */
export function compilePolicy(node: PolicyNode): PolicyPredicate {
  const fieldPredicates = node.fields.map((field): PolicyPredicate => {
    const key = fieldKey(field);
    const matches = compileFieldConditions(field.conditions);
    return (lookup) => matches(lookup(key));
  });
  const alternativePredicates = node.alternatives.map((branches): PolicyPredicate => {
    const branchPredicates = branches.map(compilePolicy);
    return (lookup) => branchPredicates.some((matches) => matches(lookup));
  });
  const predicates = [...fieldPredicates, ...alternativePredicates];
  return (lookup) => predicates.every((matches) => matches(lookup));
}
