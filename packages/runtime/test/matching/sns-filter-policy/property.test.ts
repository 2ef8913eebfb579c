import {
  compileFilterPolicy,
  type FilterPolicyScope,
  type SnsFilterInput,
  type SnsMessageAttribute,
} from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, it } from "vitest";
import { referenceMatches } from "./reference.js";

const KEYS = ["a", "b", "c"] as const;
const NESTED_KEYS = ["x", "y"] as const;
const STRINGS = ["red", "Red", "green", "blue", "", "10.0.0.5", "10.0.1.9"];
const NUMBERS = [-5, 0, 1.5, 3, 10, 250];
const RUNS = 300;

const stringArb = fc.constantFrom(...STRINGS);
const numberArb = fc.constantFrom(...NUMBERS);
const scalarArb = fc.oneof(stringArb, numberArb, fc.boolean(), fc.constant(null));

const numericArb = fc.oneof(
  fc.tuple(fc.constantFrom("=", ">", ">=", "<", "<="), numberArb),
  fc
    .uniqueArray(numberArb, { minLength: 2, maxLength: 2 })
    .chain(([one = 0, other = 0]) =>
      fc.tuple(
        fc.constantFrom(">", ">="),
        fc.constant(Math.min(one, other)),
        fc.constantFrom("<", "<="),
        fc.constant(Math.max(one, other)),
      ),
    ),
);

const anythingButArb = fc.oneof(
  stringArb,
  numberArb,
  fc.uniqueArray(stringArb, { minLength: 1, maxLength: 2 }),
  fc.uniqueArray(numberArb, { minLength: 1, maxLength: 2 }),
  fc.record({ prefix: fc.constantFrom("re", "b", "10.") }),
);

const conditionArb: fc.Arbitrary<unknown> = fc.oneof(
  scalarArb,
  fc.record({ prefix: fc.constantFrom("re", "gr", "b", "10.") }),
  fc.record({ suffix: fc.constantFrom("ed", "ue", ".5") }),
  fc.record({ "equals-ignore-case": fc.constantFrom("RED", "Blue") }),
  fc.record({ "anything-but": anythingButArb }),
  fc.record({ numeric: numericArb }),
  fc.record({ exists: fc.boolean() }),
  fc.record({ cidr: fc.constantFrom("10.0.0.0/24", "10.0.0.0/30", "10.0.0.4/30") }),
);

const valuesArb = fc.array(conditionArb, { minLength: 1, maxLength: 2 });

/** Policies within SNS's limits by construction: at most 3 keys and 128 combinations. */
function policyArb(scope: FilterPolicyScope): fc.Arbitrary<Record<string, unknown>> {
  const keyValueArb =
    scope === "MessageBody"
      ? fc.oneof(
          valuesArb,
          fc.dictionary(fc.constantFrom(...NESTED_KEYS), valuesArb, { minKeys: 1, maxKeys: 1 }),
        )
      : valuesArb;
  const objectArb = (minKeys: number) =>
    fc.dictionary(fc.constantFrom(...KEYS), keyValueArb, { minKeys, maxKeys: 2 });
  const orArb = fc
    .tuple(objectArb(1), objectArb(1))
    .map(([first, second]) => [
      { [firstKey(first)]: first[firstKey(first)] },
      { [firstKey(second)]: second[firstKey(second)] },
    ]);
  return fc
    .tuple(objectArb(0), fc.option(orArb, { nil: undefined }))
    .map(([fields, or]) => (or === undefined ? fields : { ...fields, $or: or }));
}

function firstKey(object: Record<string, unknown>): string {
  return Object.keys(object)[0] ?? "";
}

const attributeArb: fc.Arbitrary<SnsMessageAttribute> = fc.oneof(
  stringArb.map((Value) => ({ Type: "String", Value })),
  numberArb.map((value) => ({ Type: "Number", Value: String(value) })),
  fc.array(scalarArb, { maxLength: 3 }).map((values) => ({
    Type: "String.Array",
    Value: JSON.stringify(values),
  })),
  fc.constant({ Type: "Binary", Value: "AA==" }),
);

const attributesInputArb: fc.Arbitrary<SnsFilterInput> = fc
  .record({ a: attributeArb, b: attributeArb, c: attributeArb }, { requiredKeys: [] })
  .map((messageAttributes) => ({ messageAttributes }));

const leafOrListArb = fc.oneof(
  scalarArb,
  fc.array(fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 2 })), { maxLength: 3 }),
);
const nestedArb = fc.record({ x: leafOrListArb, y: leafOrListArb }, { requiredKeys: [] });
const bodyValueArb = fc.oneof(leafOrListArb, nestedArb, fc.array(nestedArb, { maxLength: 2 }));

const bodyInputArb: fc.Arbitrary<SnsFilterInput> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({ a: bodyValueArb, b: bodyValueArb, c: bodyValueArb }, { requiredKeys: [] })
      .map((body) => ({ message: JSON.stringify(body) })),
  },
  { weight: 1, arbitrary: fc.constantFrom("not json", "[1]", "7").map((message) => ({ message })) },
);

describe("compileFilterPolicy agrees with a naive reference evaluator", () => {
  it.each([
    ["MessageAttributes", attributesInputArb],
    ["MessageBody", bodyInputArb],
  ] as const)("on %s", (scope, inputArb) => {
    fc.assert(
      fc.property(
        policyArb(scope),
        fc.array(inputArb, { minLength: 1, maxLength: 5 }),
        (policy, inputs) => {
          const matches = compileFilterPolicy(policy, { scope });
          return inputs.every((input) => matches(input) === referenceMatches(policy, scope, input));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
