import { compileLogsFilterPattern, InvalidLogsFilterPatternError } from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Examples of "Usage of supported operators", CloudWatch Logs User Guide,
// "Supported regular expressions (regex) syntax" (regex-expressions.html).

const matches = (pattern: string, message: string) =>
  compileLogsFilterPattern(pattern)(message) !== null;

describe("documented regex operators", () => {
  it.each([
    ["%gra|ey%", ["gray", "grey"], ["gr"]],
    [
      "%^starting|^initializing|^shutting down%",
      ["starting up", "initializing x", "shutting down"],
      ["skipping initializing x"],
    ],
    ["%abcc|ab[^c]$%", ["abcc ...", "x aba"], ["aac ...", "abc"]],
    ["%\\[.\\]%", ["[a]", "[b]", "[7]", "[@]", "[]]", "[ ]"], ["[]", "a"]],
    ["%10\\.10\\.0\\.1%", ["ip 10.10.0.1"], ["10010,051"]],
    ["%10.10.0.1%", ["10010,051"], ["10.10.0"]],
    ["%ab*c%", ["ac", "abc", "abbbc"], ["ab"]],
    ["%ab[0-9]*%", ["ab", "ab0", "ab129"], ["a b"]],
    ["%ab+c%", ["abc", "abbc", "abbbc"], ["ac"]],
    ["%.at%", ["hat", "cat", "bat", "4at", "#at", " at"], ["at"]],
    ["%\\d%", ["a1"], ["abc"]],
    ["%\\D%", ["1a1"], ["123"]],
    ["%^\\S+\\s\\S+$%", ["one\ttwo", "a b"], ["one", "a b c"]],
    ["%^\\w+$%", ["a_Z9"], ["a-b"]],
    ["%\\W%", ["a-b"], ["a_b"]],
    ["%\\x3A%", ["a:b"], ["ab"]],
    ["%\\x28%", ["f(x)"], ["fx"]],
    ["%[abcx-z]%", ["a", "y"], ["d", "w"]],
    ["%a{3,5}%", ["aaa", "aaaaaaa"], ["aa"]],
    ["%^a{3,5}$%", ["aaa", "aaaaa"], ["aaaaaa"]],
    ["%^a{,2}$%", ["", "a", "aa"], ["aaa"]],
    ["%^a{2,}$%", ["aa", "aaaaaaaa"], ["a"]],
    ["%^a{2}$%", ["aa"], ["a", "aaa"]],
    ["%^a{1, 2}$%", ["a", "aa"], ["aaa"]],
  ])("%s", (pattern, matching, notMatching) => {
    for (const message of matching) expect(matches(pattern, message), message).toBe(true);
    for (const message of notMatching) expect(matches(pattern, message), message).toBe(false);
  });

  it("is case-sensitive and lets . match line breaks and astral characters", () => {
    expect(matches("%error%", "ERROR")).toBe(false);
    expect(matches("%a.b%", "a\nb")).toBe(true);
    expect(matches("%^.$%", "😀")).toBe(true);
  });
});

describe("rejected regex syntax", () => {
  it.each([
    ["%something!%", /"!" is not supported/],
    ["%(ERROR|WARN)%", /parentheses cannot define a subpattern/],
    ["%café%", /multi-byte characters/],
    ["%a\tb%", /is not supported/],
    ["%\\b%", /unsupported escape "\\b"/],
    ["%\\n%", /unsupported escape "\\n"/],
    ["%\\1%", /unsupported escape "\\1"/],
    ["%\\x4%", /two hexadecimal digits/],
    ["%a\\%", /must be followed by the character it escapes/],
    ["%*a%", /nothing to repeat/],
    ["%a|+%", /nothing to repeat/],
    ["%^*%", /nothing to repeat/],
    ["%a*+%", /nothing to repeat/],
    ["%a{x}%", /repetition count/],
    ["%a{}%", /repetition count/],
    ["%a{3,1}%", /3 is more than 1/],
    ["%a{1001}%", /above 1000/],
    ["%[abc%", /unterminated character class/],
    ["%[]%", /empty character class/],
    ["%[z-a]%", /invalid range/],
    ["%]%", /unmatched "]"/],
    ["%a}%", /unmatched "}"/],
    ["%%", /empty regular expression/],
    ["%abc", /unterminated regular expression/],
    ["%abc% ERROR", /end of the pattern after a regular expression/],
  ])("%s", (pattern, message) => {
    expect(() => compileLogsFilterPattern(pattern)).toThrow(InvalidLogsFilterPatternError);
    expect(() => compileLogsFilterPattern(pattern)).toThrow(message);
  });
});

describe("linear-time search", () => {
  // A backtracking engine would not finish this within the test timeout; speed itself is
  // measured by the benchmark, not asserted here.
  it("does not backtrack catastrophically on patterns that would in JavaScript's RegExp", () => {
    const matcher = compileLogsFilterPattern("%a*a*a*a*a*a*a*a*a*a*b%");
    const message = "a".repeat(20_000);
    expect(matcher(message)).toBeNull();
    expect(matcher(`${message}b`)).not.toBeNull();
  });
});

// A reference for the part of the subset whose meaning JavaScript's RegExp shares exactly.
const atom = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "[a-c]", "\\d", "\\w", "\\.");
const quantifier = fc.constantFrom("", "", "?", "*", "+", "{2}", "{0,2}", "{1,}");
const alternative = fc
  .tuple(
    fc.constantFrom("", "^"),
    fc.array(
      fc.tuple(atom, quantifier).map(([a, q]) => a + q),
      { maxLength: 4 },
    ),
    fc.constantFrom("", "$"),
  )
  .map(([start, pieces, end]) => start + pieces.join("") + end);
const regexSource = fc
  .array(alternative, { minLength: 1, maxLength: 3 })
  .map((alternatives) => alternatives.join("|"));

describe("agreement with JavaScript's RegExp on the shared subset", () => {
  it("finds a match exactly when RegExp does", () => {
    fc.assert(
      fc.property(
        regexSource,
        fc.string({ unit: fc.constantFrom("a", "b", "c", "1", ".", "\n"), maxLength: 12 }),
        (source, text) => {
          fc.pre(source !== "");
          expect(matches(`%${source}%`, text)).toBe(new RegExp(source, "s").test(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
