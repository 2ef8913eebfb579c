import fc from "fast-check";

type Leaf = string | number | boolean | null;
type Json = Leaf | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What a derived event holds for `{"exists": false}`: no value at all. */
const ABSENT = Symbol("absent");

// Few keys and values, so that patterns and the values mutations bring in often meet; the dotted
// key exercises the equivalence of "a.b" with a nested "a" / "b".
const KEYS = ["a", "b", "c", "a.b"];
const TEXTS = ["x", "xy", "yx", "X", "", "y"];
const NUMBERS = [0, 1, 2, 2.5, -1, 10];

const key = fc.constantFrom(...KEYS);
const text = fc.constantFrom(...TEXTS);
const number = fc.constantFrom(...NUMBERS);
const leaf = fc.oneof(text, number, fc.boolean(), fc.constant(null));

/** Any JSON value built from the same keys and leaves: what mutations put into events. */
const { value } = fc.letrec<{ object: Json; value: Json }>((tie) => ({
  object: fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    tie("object"),
  ),
}));

const nonEmptyText = fc.constantFrom("x", "y", "X");
const numericTerms = fc.oneof(
  fc.tuple(fc.constantFrom("<", "<=", ">", ">=", "="), number).map(([op, n]) => [op, n]),
  fc
    .tuple(
      fc.constantFrom(">", ">="),
      fc.constantFrom("<", "<="),
      number,
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([low, high, bottom, width]) => [low, bottom, high, bottom + width]),
);
const condition: fc.Arbitrary<Json> = fc.oneof(
  leaf,
  fc.record({ prefix: fc.oneof(text, fc.record({ "equals-ignore-case": text })) }),
  fc.record({ suffix: fc.oneof(text, fc.record({ "equals-ignore-case": text })) }),
  fc.record({ "equals-ignore-case": text }),
  fc.record({ numeric: numericTerms }),
  fc.record({ exists: fc.boolean() }),
  fc.record({
    "anything-but": fc.oneof(
      text,
      number,
      fc.array(text, { minLength: 1, maxLength: 3 }),
      fc.array(number, { minLength: 1, maxLength: 3 }),
      fc.record({ prefix: nonEmptyText }),
      fc.record({ suffix: fc.array(nonEmptyText, { minLength: 1, maxLength: 2 }) }),
      fc.record({ "equals-ignore-case": fc.oneof(text, fc.array(text, { minLength: 1 })) }),
    ),
  }),
);

const { plain } = fc.letrec<{ plain: JsonObject; field: Json }>((tie) => ({
  plain: fc.dictionary(key, tie("field"), { minKeys: 1, maxKeys: 3 }),
  field: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.array(condition, { minLength: 1, maxLength: 3 }),
    tie("plain"),
  ),
}));
// `$or` forks the pattern into branches; one level of it (at the root or under a key) keeps
// the number of branches, and so the run time, bounded.
const withOr = fc
  .tuple(fc.dictionary(key, plain, { maxKeys: 1 }), fc.array(plain, { minLength: 2, maxLength: 3 }))
  .map(([fields, alternatives]): JsonObject => ({ ...fields, $or: alternatives }));

/** EventBridge patterns with the operators the reference evaluator knows. */
export const pattern: fc.Arbitrary<JsonObject> = fc.oneof(
  plain,
  withOr,
  fc.tuple(key, withOr).map(([name, inner]) => ({ [name]: inner })),
);

/**
 * Events derived from the pattern: an event built to match it (one entry of each value list and
 * one alternative of each `$or` satisfied), then, three times in five, changed by one to three
 * mutations. About half of the events match; the others are near misses.
 */
export function eventFor(pattern: JsonObject): fc.Arbitrary<JsonObject> {
  const mutations = fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(matchingEvent(pattern), mutations).map(([event, changes]) => {
    const mutated = structuredClone(event);
    for (const change of changes) applyMutation(mutated, change);
    return mutated;
  });
}

function matchingEvent(pattern: JsonObject): fc.Arbitrary<JsonObject> {
  const parts = Object.entries(pattern).map(([name, field]) => matchingPart(name, field));
  return fc.tuple(...parts).map((objects) => objects.reduce(merge, {}));
}

/** The part of a matching event that satisfies one entry of a pattern object. */
function matchingPart(name: string, field: Json): fc.Arbitrary<JsonObject> {
  if (name === "$or") return fc.oneof(...(field as JsonObject[]).map(matchingEvent));
  if (!Array.isArray(field)) {
    return matchingEvent(field as JsonObject).map((inner) => ({ [name]: inner }));
  }
  return fc
    .oneof(...field.map(satisfying))
    .map((found): JsonObject => (found === ABSENT ? {} : { [name]: found }));
}

/** Where `$or` alternatives or repeated paths meet, the objects of both are combined. */
function merge(target: JsonObject, source: JsonObject): JsonObject {
  const result = { ...target };
  for (const [name, value] of Object.entries(source)) {
    const existing = result[name];
    result[name] = isObject(existing) && isObject(value) ? merge(existing, value) : value;
  }
  return result;
}

/** A leaf that the value list entry accepts, or ABSENT for `{"exists": false}`. */
function satisfying(entry: Json): fc.Arbitrary<Leaf | typeof ABSENT> {
  if (!isObject(entry)) return fc.constant(entry as Leaf);
  const [[operator, operand] = ["", null]] = Object.entries(entry);
  switch (operator) {
    case "prefix":
      return fc.tuple(affix(operand), text).map(([start, rest]) => start + rest);
    case "suffix":
      return fc.tuple(text, affix(operand)).map(([rest, end]) => rest + end);
    case "equals-ignore-case":
      return anyCase(operand as string);
    case "numeric":
      return numberWithin(operand as Json[]);
    case "exists":
      return operand === true ? leaf : fc.constant(ABSENT);
    case "anything-but":
      return notExcludedBy(operand);
    default:
      throw new Error(`no matching leaf is derived for ${operator}`);
  }
}

/** The text a `prefix` / `suffix` operand asks for, in any case under equals-ignore-case. */
function affix(operand: Json): fc.Arbitrary<string> {
  return isObject(operand)
    ? anyCase(operand["equals-ignore-case"] as string)
    : fc.constant(operand as string);
}

function anyCase(text: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) =>
      [...text]
        .map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase()))
        .join(""),
    );
}

/** A number inside the range of `[op, n]` or `[">"|">=", n, "<"|"<=", m]` (widths are >= 1). */
function numberWithin(terms: Json[]): fc.Arbitrary<number> {
  const [operator, bound, , top] = terms as [string, number, string?, number?];
  if (top !== undefined) return fc.constant((bound + top) / 2);
  switch (operator) {
    case "<":
      return fc.constantFrom(bound - 1, bound - 0.5);
    case "<=":
      return fc.constantFrom(bound - 1, bound);
    case ">":
      return fc.constantFrom(bound + 0.5, bound + 1);
    case ">=":
      return fc.constantFrom(bound, bound + 1);
    default:
      return fc.constant(bound);
  }
}

/**
 * A leaf `anything-but` lets through. The operator forms (`prefix`, `suffix`,
 * `equals-ignore-case`) only exclude strings; a list excludes only the values it names.
 */
function notExcludedBy(operand: Json): fc.Arbitrary<Leaf> {
  const others = fc.oneof(fc.boolean(), fc.constant(null));
  if (isObject(operand)) return fc.oneof(number, others);
  const excluded: Json[] = Array.isArray(operand) ? operand : [operand];
  const kept = [...TEXTS, ...NUMBERS].filter((candidate) => !excluded.includes(candidate));
  return fc.oneof(fc.constantFrom(...kept), others);
}

interface Mutation {
  readonly kind: "replace" | "remove" | "wrap" | "add";
  /** Picks the place to change among the event's places (modulo their number). */
  readonly at: number;
  readonly key: string;
  readonly value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("replace", "remove", "wrap", "add"),
  at: fc.nat(),
  key,
  value,
});

/**
 * `replace` puts another value in a place, `remove` drops it, `wrap` turns it into an array
 * holding it and another value, `add` gives an object (the event itself included) another key.
 */
function applyMutation(event: JsonObject, { kind, at, key, value }: Mutation): void {
  if (kind === "add") {
    const objects = [
      event,
      ...placesOf(event)
        .map(([parent, name]) => parent[name])
        .filter(isObject),
    ];
    const target = objects[at % objects.length]!;
    target[key] = value;
    return;
  }
  const places = placesOf(event);
  if (places.length === 0) return;
  const [parent, name] = places[at % places.length]!;
  if (kind === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(name), 1);
    else delete parent[name];
  } else {
    parent[name] = kind === "wrap" ? [parent[name]!, value] : value;
  }
}

type Place = [parent: { [name: string]: Json }, name: string];

/** Every property and array element below `root`, parents before children. */
function placesOf(root: Json): Place[] {
  if (root === null || typeof root !== "object") return [];
  const container = root as { [name: string]: Json };
  return Object.keys(container).flatMap((name): Place[] => [
    [container, name],
    ...placesOf(container[name]!),
  ]);
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
