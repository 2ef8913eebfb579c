import { DomovoiError } from "@domovoi/runtime";
import {
  compileLogsFilterPattern,
  InvalidLogsFilterPatternError,
  validateLogsFilterPattern,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

const matches = (pattern: string, message: string) =>
  compileLogsFilterPattern(pattern)(message) !== null;
const rejects = (pattern: string, message: RegExp | string) => {
  expect(() => validateLogsFilterPattern(pattern)).toThrow(InvalidLogsFilterPatternError);
  expect(() => validateLogsFilterPattern(pattern)).toThrow(message);
};

describe("term patterns", () => {
  it('ignores "?" terms combined with other terms (current doc: "?ERROR ?ARGUMENTS REQUEST")', () => {
    const pattern = "?ERROR ?ARGUMENTS REQUEST";
    for (const message of [
      "[INFO] REQUEST FAILED",
      "[WARN] UNAUTHORIZED REQUEST",
      "[ERROR] 400 BAD REQUEST",
    ]) {
      expect(matches(pattern, message)).toBe(true);
    }
    expect(matches(pattern, "[ERROR] MISSING ARGUMENTS")).toBe(false);
    expect(matches("?ERROR -WARN", "INFO")).toBe(true);
  });

  it('reads the 2021 doc\'s "ERROR" - "Exiting" as excluding "Exiting"', () => {
    expect(matches('"ERROR" - "Exiting"', "Exiting with ERRORCODE: -1")).toBe(false);
    expect(matches('"ERROR" - "Exiting"', "[ERROR] A fatal exception has occurred")).toBe(true);
  });

  it("matches everything with an empty or blank pattern", () => {
    for (const pattern of ["", "   ", '""', '" "', '"  " ""'])
      expect(matches(pattern, "anything")).toBe(true);
  });

  it('unescapes \\" and \\\\ inside quoted phrases and keeps punctuation of bare terms', () => {
    expect(matches('"say \\"hi\\""', 'they say "hi" twice')).toBe(true);
    expect(matches('"C:\\\\temp"', "opened C:\\temp")).toBe(true);
    expect(matches("ERROR: -ERROR:x", "ERROR: disk full")).toBe(true);
  });

  it("rejects malformed terms with their position", () => {
    rejects("ERROR -", 'at position 8: expected a term after "-", found the end of the pattern');
    rejects('ERROR "open', "at position 7: unterminated quoted string");
    rejects('ab"cd"', "at position 3: a quote can only start a term");
    rejects('"ab"cd', "at position 5: expected whitespace after the closing quote");
  });
});

describe("JSON patterns", () => {
  it("never match events that are not JSON, even with NOT EXISTS", () => {
    expect(matches("{ $.a NOT EXISTS }", "plain text")).toBe(false);
    expect(matches("{ $.a NOT EXISTS }", '{"a": 1')).toBe(false);
    expect(matches("{ $.a NOT EXISTS }", " {}")).toBe(true);
    expect(matches("{ $[1] = 2 }", "[1, 2]")).toBe(true);
  });

  it("compares numbers numerically with numbers, and by their text with strings and wildcards", () => {
    expect(matches("{ $.code = 400 }", '{"code": 400.0}')).toBe(true);
    expect(matches("{ $.code = 400 }", '{"code": "400"}')).toBe(false);
    expect(matches('{ $.code = "400" }', '{"code": 400}')).toBe(true);
    expect(matches("{ $.code = 4* }", '{"code": 404}')).toBe(true);
    expect(matches("{ $.code < 5 }", '{"code": "4"}')).toBe(false);
  });

  it("treats only strings and numbers as value nodes", () => {
    expect(matches("{ $.flag = true }", '{"flag": true}')).toBe(false);
    expect(matches("{ $.flag IS TRUE }", '{"flag": true}')).toBe(true);
    expect(matches("{ $.flag IS FALSE }", '{"flag": false}')).toBe(true);
    expect(matches("{ $.flag IS FALSE }", '{"flag": 0}')).toBe(false);
    expect(matches("{ $.value = * }", '{"value": null}')).toBe(false);
    expect(matches("{ $.value IS NULL }", '{"value": null}')).toBe(true);
    expect(matches("{ $.value = * }", '{"value": ""}')).toBe(true);
  });

  it("fails every comparison, != included, on a missing property", () => {
    expect(matches("{ $.a.b != 1 }", '{"a": {}}')).toBe(false);
    expect(matches("{ $.a.b NOT EXISTS }", '{"a": 5}')).toBe(true);
    expect(matches("{ $.a[3] NOT EXISTS }", '{"a": [1]}')).toBe(true);
    expect(matches("{ $.a.length = 1 }", '{"a": [1]}')).toBe(false);
  });

  it("treats * inside a value as a literal (Ev*ent)", () => {
    expect(matches("{ $.name = Ev*ent }", '{"name": "Ev*ent"}')).toBe(true);
    expect(matches("{ $.name = Ev*ent }", '{"name": "Event"}')).toBe(false);
  });

  it("parses compact expressions and nested parentheses", () => {
    expect(matches("{$.a=1&&($.b=2||($.c=3))}", '{"a": 1, "c": 3}')).toBe(true);
    expect(matches("{$.a=1&&($.b=2||($.c=3))}", '{"a": 1, "c": 4}')).toBe(false);
  });

  it("rejects malformed JSON patterns", () => {
    rejects("{ $.a = 1", "If a filter pattern starts with '{' it must end with '}'");
    rejects("{ $.a = 1 } ERROR", "If a filter pattern starts with '{' it must end with '}'");
    rejects(
      "{ }",
      'at position 3: expected a property selector starting with "$" or "(", found "}"',
    );
    rejects("{ $ = 1 }", 'expected "." or "[" after "$"');
    rejects("{ $.a IS NOT NULL }", "IS NOT is not supported");
    rejects("{ $.a EXISTS }", "IS NOT and EXISTS are not supported");
    rejects("{ $.a NOT NULL }", 'expected EXISTS after "NOT"');
    rejects("{ $.a == 1 }", "at position 8: expected a value");
    rejects('{ $.a >= "5" }', '">=" compares numbers');
    rejects("{ ($.a = 1 }", 'expected "&&", "||" or ")"');
    rejects("{ $.a = 1 $.b = 2 }", 'expected "&&", "||" or "}"');
    rejects("{ $.a[x] = 1 }", "expected an array index");
    rejects("{ $.['a = 1 }", "unterminated property name");
  });
});

describe("space-delimited patterns", () => {
  const apacheLine =
    '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';

  it("keys fields covered by ... or left unnamed by position (2021 doc: [..., request=*.html*, status_code=4*,])", () => {
    expect(compileLogsFilterPattern("[..., request=*.html*, status_code=4*,]")(apacheLine)).toEqual(
      {
        extractedFields: {
          $1: "127.0.0.1",
          $2: "-",
          $3: "frank",
          $4: "10/Oct/2000:13:25:15 -0700",
          $request: "GET /index.html HTTP/1.0",
          $status_code: "404",
          $7: "1534",
        },
      },
    );
  });

  it("lets ... cover any number of fields, none included, between leading and trailing fields", () => {
    expect(matches("[ip, ..., bytes > 1000]", apacheLine)).toBe(true);
    expect(matches("[a, ..., b]", "x y")).toBe(true);
    expect(matches("[a, b, ..., c]", "x y")).toBe(false);
    expect(matches("[...]", "")).toBe(true);
  });

  it("splits on runs of whitespace and keeps unclosed brackets and quotes as text", () => {
    expect(compileLogsFilterPattern("[a, b, c]")("x \t [y z\ty")).toBeNull();
    expect(compileLogsFilterPattern("[a, b, c, d]")('x  [y z\t"w')).toEqual({
      extractedFields: { $a: "x", $b: "[y", $c: "z", $d: '"w' },
    });
  });

  it("applies numeric conditions only to fields that are numbers", () => {
    expect(matches("[a > 5]", "abc")).toBe(false);
    expect(matches("[a != 5]", "abc")).toBe(false);
    expect(matches("[a != abc]", "xyz")).toBe(true);
    expect(matches("[a = 1e3]", "1000.0")).toBe(true);
    expect(matches('[a = "two words"]', '"two words"')).toBe(true);
  });

  it("rejects malformed space-delimited patterns", () => {
    // The 2021 doc's [..., status_code = 4* && bytes > 1000] was reported as invalid (awsdocs issue #21).
    rejects("[ip, status_code = 4* && bytes > 1000]", 'expected the field name "status_code"');
    rejects("[a, ..., b, ...]", 'only one "..." is allowed');
    rejects("[]", 'expected a field name or "..."');
    rejects("[a, b", "If a filter pattern starts with '[' it must end with ']'");
    rejects("[a b]", "expected a comparison operator");
    rejects("[a = ]", "expected a value");
    rejects("[a, b] c]", 'expected the end of the pattern after "]"');
  });
});

describe("API", () => {
  it("throws typed errors, never TypeErrors, for bad inputs", () => {
    const error = (() => {
      try {
        validateLogsFilterPattern(42 as unknown as string);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidLogsFilterPatternError);
    expect(error).toBeInstanceOf(DomovoiError);
    expect((error as InvalidLogsFilterPatternError).code).toBe("InvalidParameterException");
    rejects("x".repeat(1025), "at most 1024 characters");
    expect(compileLogsFilterPattern("ERROR")(undefined as unknown as string)).toBeNull();
  });

  it("returns an empty match for patterns that extract nothing", () => {
    expect(compileLogsFilterPattern("ERROR")("ERROR here")).toEqual({});
    expect(compileLogsFilterPattern("{ $.a = 1 }")('{"a": 1}')).toEqual({});
    expect(compileLogsFilterPattern("%a%")("a")).toEqual({});
  });
});
