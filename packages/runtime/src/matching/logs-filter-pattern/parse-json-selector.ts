import type { SelectorStep } from "./ast.js";
import type { PatternBudget } from "./pattern-budget.js";
import type { PatternScanner } from "./scanner.js";

// "Property selectors are alphanumeric strings that support hyphen and underscore characters."
const isNameChar = (char: string): boolean => char !== "" && /[A-Za-z0-9_-]/.test(char);
const isDigit = (char: string): boolean => char >= "0" && char <= "9";

/**
 * Parses a property selector: `$` followed by `.name`, `[index]`, `['name.with.dots']` (optionally
 * after a dot) and at most one wildcard, `.*` or `[*]`.
 */
export function parseSelector(scanner: PatternScanner, budget: PatternBudget): SelectorStep[] {
  const start = scanner.position;
  scanner.expect("$", 'a property selector starting with "$"');
  const steps: SelectorStep[] = [];
  for (;;) {
    const stepStart = scanner.position;
    const dotted = scanner.consume(".");
    const step =
      scanner.peek() === "["
        ? parseBracketStep(scanner)
        : dotted
          ? parseDotStep(scanner)
          : undefined;
    if (!step) break;
    if (step.kind === "wildcard") {
      if (steps.some((earlier) => earlier.kind === "wildcard")) {
        throw scanner.error("a property selector can contain only one wildcard", stepStart);
      }
      budget.useWildcardSelector(stepStart);
    }
    steps.push(step);
  }
  if (steps.length === 0) scanner.fail('"." or "[" after "$"', start + 1);
  return steps;
}

function parseDotStep(scanner: PatternScanner): SelectorStep {
  if (scanner.consume("*")) return { kind: "wildcard" };
  const name = scanner.readWhile(isNameChar);
  if (name === "") scanner.fail('a property name, "*" or "[" after "."');
  return { kind: "property", name };
}

function parseBracketStep(scanner: PatternScanner): SelectorStep {
  scanner.expect("[");
  const quote = scanner.peek();
  let step: SelectorStep;
  if (scanner.consume("*")) {
    step = { kind: "wildcard" };
  } else if (quote === "'" || quote === '"') {
    step = { kind: "property", name: readQuotedName(scanner, quote) };
  } else {
    const digits = scanner.readWhile(isDigit);
    if (digits === "") scanner.fail('an array index, "*" or a quoted property name after "["');
    step = { kind: "index", index: Number(digits) };
  }
  scanner.expect("]");
  return step;
}

function readQuotedName(scanner: PatternScanner, quote: string): string {
  const start = scanner.position;
  const close = scanner.pattern.indexOf(quote, start + 1);
  if (close < 0 || close >= scanner.end) {
    throw scanner.error(`unterminated property name: expected a closing ${quote}`, start);
  }
  scanner.position = close + 1;
  return scanner.pattern.slice(start + 1, close);
}
