import { parseJson } from "../shared/json-value.js";
import type { JsonExpression } from "./ast.js";
import { compileComparison, type ValuePredicate } from "./compile-comparison.js";
import { compileSelector, type NodeVisitor } from "./compile-json-selector.js";
import { type LogsFilterMatcher, MATCHED } from "./match.js";

type JsonTest = (root: unknown) => boolean;

// Only objects and arrays have properties to select; other messages are rejected without a parse.
const LOOKS_LIKE_JSON = /^\s*[{[]/;

/** JSON patterns match only events whose whole message is JSON. */
export function compileJsonPattern(expression: JsonExpression): LogsFilterMatcher {
  const test = compileExpression(expression);
  return (message) => {
    const root = LOOKS_LIKE_JSON.test(message) ? parseJson(message) : undefined;
    return root !== undefined && test(root) ? MATCHED : null;
  };
}

function compileExpression(expression: JsonExpression): JsonTest {
  switch (expression.kind) {
    case "or": {
      const operands = expression.operands.map(compileExpression);
      return (root) => operands.some((operand) => operand(root));
    }
    case "and": {
      const operands = expression.operands.map(compileExpression);
      return (root) => operands.every((operand) => operand(root));
    }
    case "compare": {
      const select = compileSelector(expression.selector);
      const visit = nodeTest(compileComparison(expression.comparison));
      return (root) => select(root, visit);
    }
    case "is": {
      const select = compileSelector(expression.selector);
      const expected = expression.value;
      const visit: NodeVisitor = (node) => node === expected;
      return (root) => select(root, visit);
    }
    case "not-exists": {
      const select = compileSelector(expression.selector);
      const exists: NodeVisitor = () => true;
      return (root) => !select(root, exists);
    }
  }
}

/**
 * "Property selectors point to value nodes … strings or numbers": anything else (objects, arrays,
 * booleans, null) fails every comparison, `!=` included. Numbers compare numerically with numbers
 * and by their text with texts, wildcards and regexes (`{ $.code = 4* }`).
 */
function nodeTest(predicate: ValuePredicate): NodeVisitor {
  if (predicate.kind === "number") {
    const { test } = predicate;
    return (node) => typeof node === "number" && test(node);
  }
  const { test } = predicate;
  return (node) =>
    typeof node === "string" ? test(node) : typeof node === "number" && test(String(node));
}
