/**
 * A straightforward interpreter of (valid) EventBridge patterns, written the way the AWS docs and
 * Event Ruler describe matching rather than the way the runtime compiles it: the event is
 * flattened into dotted-path fields that remember which array elements they came from, the
 * pattern into `$or` branches of dotted paths, and a branch holds when every path has an
 * acceptable field, all taken from the same elements of any array they share (absence is judged
 * against the elements already chosen, paths taken in sorted order). No validation: tests only
 * feed it patterns EventBridge accepts. It serves as the property tests' oracle and as the
 * interpreted baseline of the benchmark.
 */

import { numericTermsHold } from "../support/numeric-terms.js";

type Leaf = string | number | boolean | null;
type Json = Leaf | Json[] | { [key: string]: Json };
interface Field {
  readonly path: string;
  readonly value: Leaf;
  readonly elements: ReadonlyMap<number, number>;
}
type Branch = Map<string, readonly Json[]>;

export function referenceMatches(pattern: Json, event: Json): boolean {
  const fields = flattenEvent(event, "", new Map(), { nextArrayId: 0 });
  return expandBranches(pattern as { [key: string]: Json }, "", [new Map()]).some((branch) =>
    matchBranch(
      [...branch].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      fields,
      new Map(),
    ),
  );
}

function flattenEvent(
  value: Json,
  path: string,
  elements: ReadonlyMap<number, number>,
  counter: { nextArrayId: number },
): Field[] {
  if (Array.isArray(value)) {
    const arrayId = counter.nextArrayId++;
    return value.flatMap((element, index) =>
      flattenEvent(element, path, new Map([...elements, [arrayId, index]]), counter),
    );
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) =>
      flattenEvent(child, path === "" ? key : `${path}.${key}`, elements, counter),
    );
  }
  return [{ path, value, elements }];
}

function expandBranches(
  pattern: { [key: string]: Json },
  prefix: string,
  branches: Branch[],
): Branch[] {
  let current = branches;
  for (const [key, value] of Object.entries(pattern)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (key === "$or") {
      const alternatives = value as { [key: string]: Json }[];
      current = alternatives.flatMap((alternative) =>
        expandBranches(
          alternative,
          prefix,
          current.map((branch) => new Map(branch)),
        ),
      );
    } else if (Array.isArray(value)) {
      for (const branch of current) branch.set(path, value);
    } else {
      current = expandBranches(value as { [key: string]: Json }, path, current);
    }
  }
  return current;
}

function matchBranch(
  conditions: readonly [string, readonly Json[]][],
  fields: readonly Field[],
  chosen: ReadonlyMap<number, number>,
): boolean {
  const [first, ...rest] = conditions;
  if (first === undefined) return true;
  const [path, values] = first;
  const candidates = fields.filter((field) => field.path === path && consistent(field, chosen));
  for (const field of candidates) {
    if (values.some((value) => valueMatches(value, field.value))) {
      if (matchBranch(rest, fields, new Map([...chosen, ...field.elements]))) return true;
    }
  }
  const allowsAbsence = values.some((value) => isOperator(value) && value.exists === false);
  return allowsAbsence && candidates.length === 0 && matchBranch(rest, fields, chosen);
}

function consistent(field: Field, chosen: ReadonlyMap<number, number>): boolean {
  return [...field.elements].every(([arrayId, index]) => (chosen.get(arrayId) ?? index) === index);
}

function isOperator(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function valueMatches(value: Json, leaf: Leaf): boolean {
  if (!isOperator(value)) return value === leaf;
  const [[operator, operand] = ["", null]] = Object.entries(value);
  const text = typeof leaf === "string" ? leaf : undefined;
  switch (operator) {
    case "exists":
      return operand === true;
    case "prefix":
      return text !== undefined && affixMatches(operand, text, (a, b) => a.startsWith(b));
    case "suffix":
      return text !== undefined && affixMatches(operand, text, (a, b) => a.endsWith(b));
    case "equals-ignore-case":
      return text !== undefined && text.toLowerCase() === String(operand).toLowerCase();
    case "numeric":
      return typeof leaf === "number" && numericTermsHold(operand as Json[], leaf);
    case "anything-but":
      return !excludedBy(operand, leaf);
    default:
      throw new Error(`reference evaluator does not support ${operator}`);
  }
}

function affixMatches(operand: Json, text: string, test: (text: string, affix: string) => boolean) {
  if (isOperator(operand)) {
    return test(text.toLowerCase(), String(operand["equals-ignore-case"]).toLowerCase());
  }
  return test(text, String(operand));
}

function excludedBy(operand: Json, leaf: Leaf): boolean {
  if (isOperator(operand)) {
    const [[operator, values] = ["", null]] = Object.entries(operand);
    const list = Array.isArray(values) ? values : [values];
    if (typeof leaf !== "string") return false;
    return list.some((value) =>
      operator === "prefix"
        ? leaf.startsWith(String(value))
        : operator === "suffix"
          ? leaf.endsWith(String(value))
          : leaf.toLowerCase() === String(value).toLowerCase(),
    );
  }
  const list = Array.isArray(operand) ? operand : [operand];
  return list.some((value) => value === leaf);
}
