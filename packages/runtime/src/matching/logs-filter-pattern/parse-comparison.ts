import type { Comparison, ComparisonOperator, Operand } from "./ast.js";
import { parseNumber } from "./numbers.js";
import type { PatternBudget } from "./pattern-budget.js";
import { parseRegex } from "./regex/parse-regex.js";
import type { RegexAst } from "./regex/regex-ast.js";
import { isWhitespace, PatternScanner } from "./scanner.js";

// Longest first, so that "!=" is not read as "!" and "<=" not as "<".
const OPERATORS: readonly ComparisonOperator[] = ["!=", "<=", ">=", "=", "<", ">"];
// Punctuation of JSON and space-delimited patterns; an unquoted value stops before it.
const VALUE_TERMINATORS = ',[](){}&|=!<>"%';

export const COMPARISON_OPERATORS = "a comparison operator (=, !=, <, <=, >, >=)";

/** Parses `operator operand` as JSON conditions and space-delimited fields share them. */
export function parseComparison(
  scanner: PatternScanner,
  budget: PatternBudget,
  expectedOperator = COMPARISON_OPERATORS,
): Comparison {
  const operator = OPERATORS.find((candidate) => scanner.consume(candidate));
  if (!operator) scanner.fail(expectedOperator);
  scanner.skipWhitespace();
  const start = scanner.position;
  const operand = parseOperand(scanner, budget);
  if (operand.kind !== "number" && operator !== "=" && operator !== "!=") {
    throw scanner.error(`"${operator}" compares numbers: expected a number after it`, start);
  }
  return { operator, operand };
}

function parseOperand(scanner: PatternScanner, budget: PatternBudget): Operand {
  if (scanner.peek() === '"') return { kind: "text", text: scanner.readQuoted() };
  if (scanner.peek() === "%") {
    budget.useRegex(scanner.position);
    return { kind: "regex", regex: parseRegexLiteral(scanner) };
  }
  const word = scanner.readWhile(
    (char) => !isWhitespace(char) && !VALUE_TERMINATORS.includes(char),
  );
  if (word === "") scanner.fail('a value (a number, a string, "*" or a %regular expression%)');
  const value = parseNumber(word);
  return value === undefined ? { kind: "text", text: word } : { kind: "number", value };
}

/** Parses `%…%`: everything up to the next `%` is the regex, since `%` itself is not allowed in it. */
export function parseRegexLiteral(scanner: PatternScanner): RegexAst {
  const start = scanner.position;
  scanner.expect("%");
  const close = scanner.pattern.indexOf("%", scanner.position);
  if (close < 0 || close >= scanner.end) {
    throw scanner.error('unterminated regular expression: expected a closing "%"', start);
  }
  if (close === scanner.position) throw scanner.error("empty regular expression", start);
  const regex = parseRegex(new PatternScanner(scanner.pattern, scanner.position, close));
  scanner.position = close + 1;
  return regex;
}
