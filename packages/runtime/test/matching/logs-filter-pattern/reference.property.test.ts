import { compileLogsFilterPattern } from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Straightforward reference evaluators of the documented semantics, checked against the compiled
// matchers on generated patterns and events.

const WORDS = ["ERROR", "WARN", "error", "ERR", "INFO", "fail", "x-1"];

describe("term patterns", () => {
  type Mode = "required" | "optional" | "excluded";
  const term = fc.record({
    mode: fc.constantFrom<Mode>("required", "optional", "excluded"),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }),
    quoted: fc.boolean(),
  });
  const render = ({ mode, words, quoted }: { mode: Mode; words: string[]; quoted: boolean }) => {
    const text = quoted || words.length > 1 ? `"${words.join(" ")}"` : words[0]!;
    return { optional: "?", excluded: "-", required: "" }[mode] + text;
  };

  const reference = (terms: { mode: Mode; words: string[] }[], message: string) => {
    const has = (words: string[]) => message.includes(words.join(" "));
    const required = terms.filter((t) => t.mode === "required");
    const excluded = terms.filter((t) => t.mode === "excluded");
    const optional = terms.filter((t) => t.mode === "optional");
    if (required.length + excluded.length > 0) {
      return required.every((t) => has(t.words)) && !excluded.some((t) => has(t.words));
    }
    return optional.length === 0 || optional.some((t) => has(t.words));
  };

  it("match like the reference: AND of terms, none of the - terms, ? terms only on their own", () => {
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 4 }),
        fc.array(fc.constantFrom(...WORDS, "[", "]", ":"), { maxLength: 6 }),
        fc.constantFrom(" ", "  ", "\t"),
        (terms, messageWords, separator) => {
          const pattern = terms.map(render).join(separator);
          const message = messageWords.join(" ");
          expect(compileLogsFilterPattern(pattern)(message) !== null).toBe(
            reference(terms, message),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("simple JSON comparisons", () => {
  const operators = ["=", "!=", "<", "<=", ">", ">="] as const;
  type Operator = (typeof operators)[number];
  const value = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.constantFrom("alpha", "alps", "beta", "1", "-2"),
    fc.constantFrom(true, false, null, [1], { a: 1 }),
  );
  const literal = fc.oneof(
    fc
      .integer({ min: -3, max: 3 })
      .map((number) => ({ text: String(number), number, string: undefined })),
    fc
      .constantFrom("alpha", "al*", "*ta", "*", "1*")
      .map((string) => ({ text: string, number: undefined, string })),
    fc
      .constantFrom("alpha", "1", "-2")
      .map((string) => ({ text: `"${string}"`, number: undefined, string })),
  );

  const wildcard = (pattern: string, text: string) => {
    if (pattern === "*") return true;
    if (pattern.startsWith("*")) return text.endsWith(pattern.slice(1));
    if (pattern.endsWith("*")) return text.startsWith(pattern.slice(0, -1));
    return text === pattern;
  };
  const compare = (left: number, operator: Operator, right: number) =>
    ({
      "=": left === right,
      "!=": left !== right,
      "<": left < right,
      "<=": left <= right,
      ">": left > right,
      ">=": left >= right,
    })[operator];
  const reference = (
    node: unknown,
    operator: Operator,
    right: { number?: number; string?: string },
  ) => {
    if (right.number !== undefined)
      return typeof node === "number" && compare(node, operator, right.number);
    if (typeof node !== "string" && typeof node !== "number") return false;
    const equal = wildcard(right.string!, String(node));
    return operator === "=" ? equal : !equal;
  };

  it("match like the reference: value nodes only, numbers with numbers, texts with wildcards", () => {
    fc.assert(
      fc.property(
        fc.option(value, { nil: undefined }),
        fc.constantFrom(...operators),
        literal,
        (node, operator, right) => {
          fc.pre(right.number !== undefined || operator === "=" || operator === "!=");
          const message = JSON.stringify(node === undefined ? { other: 1 } : { key: node });
          const actual =
            compileLogsFilterPattern(`{ $.key ${operator} ${right.text} }`)(message) !== null;
          expect(actual).toBe(node !== undefined && reference(node, operator, right));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("space-delimited fields", () => {
  const plain = fc.stringMatching(/^[a-z0-9.:/-]{1,6}$/);
  const field = fc.oneof(
    plain.map((text) => ({ text, rendered: text })),
    fc.stringMatching(/^[a-z0-9 "-]{0,8}$/).map((text) => ({ text, rendered: `[${text}]` })),
    fc.stringMatching(/^[a-z0-9 [\]-]{0,8}$/).map((text) => ({ text, rendered: `"${text}"` })),
  );

  it("extract each plain, bracketed or quoted field when the pattern has as many fields", () => {
    fc.assert(
      fc.property(
        fc.array(field, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -1, max: 1 }),
        (fields, extra) => {
          const names = Array.from(
            { length: Math.max(1, fields.length + extra) },
            (_, index) => `f${index}`,
          );
          const message = fields.map((f) => f.rendered).join(" ");
          const match = compileLogsFilterPattern(`[${names.join(", ")}]`)(message);
          if (names.length !== fields.length) {
            expect(match).toBeNull();
          } else {
            expect(match?.extractedFields).toEqual(
              Object.fromEntries(fields.map((f, index) => [`$f${index}`, f.text])),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
