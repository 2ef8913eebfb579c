import type { Comparison, DelimitedField } from "./ast.js";
import { parseComparison } from "./parse-comparison.js";
import { PatternBudget } from "./pattern-budget.js";
import type { PatternScanner } from "./scanner.js";

const ELLIPSIS = "...";
const isNameChar = (char: string): boolean => char !== "" && /[A-Za-z0-9_-]/.test(char);

/**
 * Parses `[field, field, …]`. A field is `...`, a name (`ip`, `w1`) optionally followed by
 * conditions on that same name joined by `&&` / `||` (`status_code = 403 || status_code = 404`),
 * or nothing at all (an unnamed field, as in the documented `[..., request=*.html*, status_code=4*,]`).
 */
export function parseSpaceDelimitedPattern(scanner: PatternScanner): DelimitedField[] {
  const budget = new PatternBudget(scanner);
  scanner.expect("[");
  const fields: DelimitedField[] = [];
  let ellipsisSeen = false;
  do {
    scanner.skipWhitespace();
    const fieldStart = scanner.position;
    const field = parseField(scanner, budget);
    if (field.kind === "ellipsis") {
      if (ellipsisSeen)
        throw scanner.error(`only one "${ELLIPSIS}" is allowed in a pattern`, fieldStart);
      ellipsisSeen = true;
    }
    fields.push(field);
    scanner.skipWhitespace();
  } while (scanner.consume(","));
  scanner.expect("]", '"," or "]"');
  if (fields.length === 1 && fields[0]!.kind === "field" && fields[0]!.name === undefined) {
    scanner.fail(`a field name or "${ELLIPSIS}" between "[" and "]"`, scanner.position - 1);
  }
  scanner.skipWhitespace();
  if (!scanner.atEnd) scanner.fail('the end of the pattern after "]"');
  return fields;
}

function parseField(scanner: PatternScanner, budget: PatternBudget): DelimitedField {
  if (scanner.consume(ELLIPSIS)) return { kind: "ellipsis" };
  if (atFieldEnd(scanner)) return { kind: "field", name: undefined, anyOf: [] };
  const name = scanner.readWhile(isNameChar);
  if (name === "") scanner.fail(`a field name, "${ELLIPSIS}", "," or "]"`);
  scanner.skipWhitespace();
  if (atFieldEnd(scanner)) return { kind: "field", name, anyOf: [] };
  const anyOf: Comparison[][] = [[parseComparison(scanner, budget)]];
  for (;;) {
    scanner.skipWhitespace();
    if (scanner.consume("||")) anyOf.push([]);
    else if (!scanner.consume("&&")) break;
    anyOf.at(-1)!.push(parseNamedComparison(scanner, budget, name));
  }
  return { kind: "field", name, anyOf };
}

/** A condition after `&&` / `||` repeats the field name: `w1!=ERROR && w1!=WARN`. */
function parseNamedComparison(
  scanner: PatternScanner,
  budget: PatternBudget,
  name: string,
): Comparison {
  scanner.skipWhitespace();
  const start = scanner.position;
  if (scanner.readWhile(isNameChar) !== name) {
    throw scanner.error(
      `expected the field name "${name}": every condition of a field names that field`,
      start,
    );
  }
  scanner.skipWhitespace();
  return parseComparison(scanner, budget);
}

function atFieldEnd(scanner: PatternScanner): boolean {
  return scanner.peek() === "," || scanner.peek() === "]";
}
