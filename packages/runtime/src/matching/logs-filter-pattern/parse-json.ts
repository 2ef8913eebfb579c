import type { JsonExpression } from "./ast.js";
import { COMPARISON_OPERATORS, parseComparison } from "./parse-comparison.js";
import { parseSelector } from "./parse-json-selector.js";
import { PatternBudget } from "./pattern-budget.js";
import type { PatternScanner } from "./scanner.js";

const CONTINUATION = '"&&", "||" or';
const isKeywordChar = (char: string): boolean => char >= "A" && char <= "Z";

/**
 * Parses `{ … }`: conditions on property selectors joined by `&&` and `||`, with the documented
 * precedence "() > && > ||".
 */
export function parseJsonPattern(scanner: PatternScanner): JsonExpression {
  const budget = new PatternBudget(scanner);
  scanner.expect("{");
  const expression = parseOr(scanner, budget);
  scanner.expect("}", `${CONTINUATION} "}"`);
  scanner.skipWhitespace();
  if (!scanner.atEnd) scanner.fail('the end of the pattern after "}"');
  return expression;
}

function parseOr(scanner: PatternScanner, budget: PatternBudget): JsonExpression {
  const operands = [parseAnd(scanner, budget)];
  while (scanner.consume("||")) operands.push(parseAnd(scanner, budget));
  return operands.length === 1 ? operands[0]! : { kind: "or", operands };
}

function parseAnd(scanner: PatternScanner, budget: PatternBudget): JsonExpression {
  const operands = [parsePrimary(scanner, budget)];
  while (scanner.consume("&&")) operands.push(parsePrimary(scanner, budget));
  return operands.length === 1 ? operands[0]! : { kind: "and", operands };
}

/** A parenthesised expression or one condition, with the whitespace around it. */
function parsePrimary(scanner: PatternScanner, budget: PatternBudget): JsonExpression {
  scanner.skipWhitespace();
  let expression: JsonExpression;
  if (scanner.consume("(")) {
    expression = parseOr(scanner, budget);
    scanner.expect(")", `${CONTINUATION} ")"`);
  } else {
    expression = parseCondition(scanner, budget);
  }
  scanner.skipWhitespace();
  return expression;
}

function parseCondition(scanner: PatternScanner, budget: PatternBudget): JsonExpression {
  if (scanner.peek() !== "$") scanner.fail('a property selector starting with "$" or "("');
  const selector = parseSelector(scanner, budget);
  scanner.skipWhitespace();
  const keywordStart = scanner.position;
  switch (scanner.readWhile(isKeywordChar)) {
    case "":
      return {
        kind: "compare",
        selector,
        comparison: parseComparison(scanner, budget, `${COMPARISON_OPERATORS}, IS or NOT EXISTS`),
      };
    case "IS":
      return { kind: "is", selector, value: parseIsValue(scanner) };
    case "NOT": {
      scanner.skipWhitespace();
      const existsStart = scanner.position;
      if (scanner.readWhile(isKeywordChar) !== "EXISTS")
        scanner.fail('EXISTS after "NOT"', existsStart);
      return { kind: "not-exists", selector };
    }
    default:
      throw scanner.error(
        "unknown keyword: expected a comparison operator, IS TRUE, IS FALSE, IS NULL or NOT EXISTS " +
          "(IS NOT and EXISTS are not supported)",
        keywordStart,
      );
  }
}

function parseIsValue(scanner: PatternScanner): boolean | null {
  scanner.skipWhitespace();
  const start = scanner.position;
  switch (scanner.readWhile(isKeywordChar)) {
    case "TRUE":
      return true;
    case "FALSE":
      return false;
    case "NULL":
      return null;
    default:
      return scanner.fail('TRUE, FALSE or NULL after "IS" (IS NOT is not supported)', start);
  }
}
