import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonPath, MISSING } from "../../src/stepfunctions/jsonpath/json-path.js";
import { ResultPath } from "../../src/stepfunctions/jsonpath/result-path.js";

type Key = string | number;

const keyArbitrary: fc.Arbitrary<Key> = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "-", " ", ".", "'"), minLength: 1, maxLength: 3 }),
  fc.integer({ min: -2, max: 3 }),
);

const dataArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("a", "b", "a-b", "a b", "a.b", "a'b"), tie("value"), {
      maxKeys: 4,
    }),
  ),
})).value;

/** The path text for keys, dot notation where Jayway allows it, brackets otherwise. */
function pathText(keys: readonly Key[]): string {
  return `$${keys
    .map((key) => {
      if (typeof key === "number") return `[${key}]`;
      if (/^[a-z-]+$/.test(key)) return `.${key}`;
      return `['${key.replaceAll("'", "\\'")}']`;
    })
    .join("")}`;
}

/** The straightforward reading of a definite path. */
function referenceLookup(data: unknown, keys: readonly Key[]): unknown {
  let node = data;
  for (const key of keys) {
    if (typeof key === "number") {
      if (!Array.isArray(node)) return MISSING;
      const index = key < 0 ? node.length + key : key;
      if (index < 0 || index >= node.length) return MISSING;
      node = node[index];
    } else {
      if (
        node === null ||
        typeof node !== "object" ||
        Array.isArray(node) ||
        !Object.hasOwn(node, key)
      ) {
        return MISSING;
      }
      node = (node as Record<string, unknown>)[key];
    }
  }
  return node;
}

const scope = (data: unknown) => ({ data, context: () => ({}), variable: () => MISSING });

describe("JsonPath (property)", () => {
  it("reads definite paths as a plain walk of the data does", () => {
    fc.assert(
      fc.property(dataArbitrary, fc.array(keyArbitrary, { maxLength: 4 }), (data, keys) => {
        expect(new JsonPath(pathText(keys)).evaluate(scope(data))).toEqual(
          referenceLookup(data, keys),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("collects [*] (an array's items, an object's values) and slices as the reference does", () => {
    fc.assert(
      fc.property(
        dataArbitrary,
        fc.constantFrom("a", "b"),
        fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
        fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
        (data, key, start, end) => {
          const list = referenceLookup(data, [key]);
          const items = Array.isArray(list) ? list : [];
          const values = list !== null && typeof list === "object" ? Object.values(list) : [];
          expect(new JsonPath(`$.${key}[*]`).evaluate(scope(data))).toEqual(values);
          const slice = `$.${key}[${start ?? ""}:${end ?? ""}]`;
          expect(new JsonPath(slice).evaluate(scope(data))).toEqual(items.slice(start, end));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("places a result with ResultPath without touching the input", () => {
    fc.assert(
      fc.property(
        dataArbitrary,
        fc.array(fc.constantFrom("a", "b"), { minLength: 1, maxLength: 3 }),
        fc.jsonValue(),
        (data, keys, result) => {
          const before = structuredClone(data);
          let output: unknown;
          try {
            output = new ResultPath(pathText(keys)).apply(data, result);
          } catch {
            // Only a non-object on the way refuses the result.
            expect(
              keys.some((_, i) => {
                const node = referenceLookup(data, keys.slice(0, i));
                return (
                  node !== MISSING &&
                  (node === null || typeof node !== "object" || Array.isArray(node))
                );
              }),
            ).toBe(true);
            return;
          }
          expect(referenceLookup(output, keys)).toEqual(result);
          expect(data).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
