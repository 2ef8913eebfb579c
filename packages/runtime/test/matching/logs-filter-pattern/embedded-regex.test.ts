import { compileLogsFilterPattern, InvalidLogsFilterPatternError } from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

// Cases from the current CloudWatch Logs User Guide, "Filter pattern syntax for metric filters,
// subscription filters, filter log events, and Live Tail" (FilterAndPatternSyntax.html):
// "Using filter patterns to match terms in JSON log events" and "… in space-delimited log events".
// The shared corpus leaves embedded regexes out because the archived docs were ambiguous.

const matches = (pattern: string, message: string) =>
  compileLogsFilterPattern(pattern)(message) !== null;

describe("regex in JSON patterns (doc: JSON log event examples)", () => {
  const event = JSON.stringify({
    eventType: "UpdateTrail",
    sourceIPAddress: "111.111.111.111",
    arrayKey: ["value", "another value"],
    objectList: [
      { name: "a", id: 1 },
      { name: "b", id: 2 },
    ],
    SomeObject: null,
    "cluster.name": "c",
  });

  it('matches a string using regex: { $.eventType = %Trail% } finds "Trail" inside "UpdateTrail"', () => {
    expect(matches("{ $.eventType = %Trail% }", event)).toBe(true);
    expect(matches("{ $.eventType = %^Trail% }", event)).toBe(false);
    expect(matches("{ $.eventType = %^Update% && $.eventType = %Trail$% }", event)).toBe(true);
  });

  it("negates a regex with !=, which still needs a value node", () => {
    expect(matches("{ $.eventType != %Trail% }", event)).toBe(false);
    expect(matches("{ $.eventType != %Create% }", event)).toBe(true);
    expect(matches("{ $.missing != %Create% }", event)).toBe(false);
    expect(matches("{ $.arrayKey != %Create% }", event)).toBe(false);
  });

  it("matches any array element through a wildcard: { $.arrayKey[*] = %val.{2}% }", () => {
    expect(matches("{ $.arrayKey[*] = %val.{2}% }", event)).toBe(true);
    expect(matches("{ $.arrayKey[*] = %^another% }", event)).toBe(true);
    expect(matches("{ $.arrayKey[*] = %^other% }", event)).toBe(false);
  });

  it("matches any field through a wildcard: { $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", () => {
    expect(matches("{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", event)).toBe(true);
    expect(matches("{ $.* = %112\\.% }", event)).toBe(false);
    expect(matches("{ $.objectList[*].name = %^b$% }", event)).toBe(true);
  });

  it("selects a property whose name contains a period with bracket notation: { $.['cluster.name'] = \"c\" }", () => {
    expect(matches("{ $.['cluster.name'] = \"c\" }", event)).toBe(true);
    expect(matches("{ $['cluster.name'] = %^c$% }", event)).toBe(true);
    expect(matches('{ $.cluster.name = "c" }', event)).toBe(false);
  });

  it("applies a regex to the text of a number", () => {
    expect(matches("{ $.objectList[1].id = %^2$% }", event)).toBe(true);
  });

  it("rejects regexes with numeric operators", () => {
    expect(() => compileLogsFilterPattern("{ $.eventType > %Trail% }")).toThrow(/compares numbers/);
  });
});

describe("regex in space-delimited patterns (doc: space-delimited log event examples)", () => {
  const apacheLine =
    '127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
  const documented =
    "[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]";

  it("matches the documented IP range regex together with wildcards", () => {
    expect(compileLogsFilterPattern(documented)(apacheLine)).toEqual({
      extractedFields: {
        $ip: "127.0.0.1",
        $user: "Prod",
        $username: "frank",
        $timestamp: "10/Oct/2000:13:25:15 -0700",
        $request: "GET /index.html HTTP/1.0",
        $status_code: "404",
        $bytes: "1534",
      },
    });
    expect(matches(documented, apacheLine.replace("127.0.0.1", "10.0.0.1"))).toBe(false);
  });

  const resourceLog = [
    "INFO 09/25/2014 12:00:00 GET /service/resource/67 1200",
    "INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310",
  ];

  it("matches the top level item in a resource URI", () => {
    const pattern =
      "[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]";
    expect(resourceLog.map((line) => matches(pattern, line))).toEqual([true, false]);
  });

  it("matches the child level item in a resource URI", () => {
    const pattern =
      "[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]";
    expect(resourceLog.map((line) => matches(pattern, line))).toEqual([false, true]);
  });

  it("combines regex conditions on one field with || and negates them with !=", () => {
    const either = "[w1=%^ERR% || w1=%^WARN%, w2]";
    expect(matches(either, "ERROR message")).toBe(true);
    expect(matches(either, "WARNING message")).toBe(true);
    expect(matches(either, "INFO message")).toBe(false);
    expect(matches("[w1!=%^ERR%, w2]", "INFO message")).toBe(true);
    expect(matches("[w1!=%^ERR%, w2]", "ERROR message")).toBe(false);
  });

  it("reads a regex containing commas and brackets as one value", () => {
    expect(matches("[a=%^x,y\\]$%, b]", '"x,y]" second')).toBe(true);
  });
});

describe('regex quotas (doc: "a limit of 2 regex for each filter pattern" for JSON and delimited patterns)', () => {
  it("accepts two regexes and rejects a third at its position", () => {
    expect(() => compileLogsFilterPattern("{ $.a = %x% || $.b = %y% }")).not.toThrow();
    expect(() => compileLogsFilterPattern("[a=%x%, b=%y%, c=%z%]")).toThrow(
      InvalidLogsFilterPatternError,
    );
    expect(() => compileLogsFilterPattern("{ $.a = %x% || $.b = %y% || $.c = %z% }")).toThrow(
      /at position 35: a filter pattern can contain at most 2 regular expressions/,
    );
  });

  it("allows one wildcard per selector and three per pattern", () => {
    expect(() => compileLogsFilterPattern("{ $.*[*] = 1 }")).toThrow(/only one wildcard/);
    expect(() => compileLogsFilterPattern("{ $.a[*] = 1 || $.b[*] = 1 || $.* = 1 }")).not.toThrow();
    expect(() =>
      compileLogsFilterPattern("{ $.a[*] = 1 || $.b[*] = 1 || $.* = 1 || $.c.* = 1 }"),
    ).toThrow(/at most 3 wildcard selectors/);
  });

  it("applies the regex rules of standalone patterns to embedded ones", () => {
    expect(() => compileLogsFilterPattern("{ $.a = %(x|y)% }")).toThrow(
      /parentheses cannot define a subpattern/,
    );
    expect(() => compileLogsFilterPattern("[a = %x!%]")).toThrow(/"!" is not supported/);
  });
});
