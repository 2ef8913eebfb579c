import type { PatternScanner } from "../scanner.js";
import { ANY_CHAR, charRange, SHORTHAND_CLASSES, singleChar } from "./char-sets.js";
import type { CharSetItem, RegexAst, RegexAtom, RegexPiece } from "./regex-ast.js";

// AWS's "Supported regular expressions (regex) syntax": letters, digits, these symbols (and the
// space of its `%^starting|^initializing|^shutting down%` example) and these operators; nothing else.
const SYMBOLS = ":_#=@/;,- ";
const OPERATORS = "^$?[]{}|\\*+.";
const ALLOWED = `${SYMBOLS}${OPERATORS}`;
const QUANTIFIERS = "?*+{";
// AWS documents no bound; this one keeps `a{1000000}` from expanding into a million NFA states.
const MAX_REPEAT = 1000;

const isDigit = (char: string): boolean => char >= "0" && char <= "9";
const isAlphanumeric = (char: string): boolean =>
  isDigit(char) || (char >= "a" && char <= "z") || (char >= "A" && char <= "Z");
const isHexDigit = (char: string): boolean =>
  char !== "" && "0123456789abcdefABCDEF".includes(char);

/** Parses the body of a `%…%` regex; `scanner` is bounded to that body. */
export function parseRegex(scanner: PatternScanner): RegexAst {
  checkCharacters(scanner);
  const alternatives: RegexPiece[][] = [[]];
  let current = alternatives[0]!;
  let repeatable = false;
  while (!scanner.atEnd) {
    const char = scanner.peek();
    if (char === "|") {
      scanner.position++;
      current = [];
      alternatives.push(current);
      repeatable = false;
    } else if (QUANTIFIERS.includes(char)) {
      if (!repeatable) {
        throw scanner.error(`nothing to repeat: "${char}" must follow a character, "." or a class`);
      }
      current.push({ ...current.pop()!, ...parseQuantifier(scanner) });
      repeatable = false;
    } else {
      const atom = parseAtom(scanner);
      current.push({ atom, min: 1, max: 1 });
      repeatable = atom.kind === "chars";
    }
  }
  return { alternatives };
}

function checkCharacters(scanner: PatternScanner): void {
  for (let at = scanner.position; at < scanner.end; at++) {
    const char = scanner.pattern[at]!;
    if (char.charCodeAt(0) > 0x7f) {
      throw scanner.error("multi-byte characters are not supported in regular expressions", at);
    }
    if (char === "(" || char === ")") {
      throw scanner.error(
        `"${char}" is not supported in regular expressions: parentheses cannot define a subpattern`,
        at,
      );
    }
    if (!isAlphanumeric(char) && !ALLOWED.includes(char)) {
      throw scanner.error(
        `"${char}" is not supported in regular expressions (allowed: letters, digits, ` +
          `"${SYMBOLS}" and the operators ${OPERATORS}; use \\xhh for other characters)`,
        at,
      );
    }
  }
}

function parseQuantifier(scanner: PatternScanner): { min: number; max: number } {
  switch (scanner.peek()) {
    case "?":
      scanner.position++;
      return { min: 0, max: 1 };
    case "*":
      scanner.position++;
      return { min: 0, max: Number.POSITIVE_INFINITY };
    case "+":
      scanner.position++;
      return { min: 1, max: Number.POSITIVE_INFINITY };
    default:
      return parseRepeatCount(scanner);
  }
}

/** `{m,n}`, `{m}`, `{m,}` or `{,n}` ("either m or n can be omitted"). */
function parseRepeatCount(scanner: PatternScanner): { min: number; max: number } {
  const start = scanner.position;
  const expected = "a repetition count such as {3,5}, {3}, {3,} or {,5}";
  scanner.expect("{", expected);
  const readCount = (): string => {
    scanner.readWhile((char) => char === " ");
    const digits = scanner.readWhile(isDigit);
    scanner.readWhile((char) => char === " ");
    return digits;
  };
  const low = readCount();
  const high = scanner.consume(",") ? readCount() : low;
  if ((low === "" && high === "") || !scanner.consume("}")) scanner.fail(expected, start);
  const min = low === "" ? 0 : Number(low);
  const max = high === "" ? Number.POSITIVE_INFINITY : Number(high);
  if (min > max) throw scanner.error(`invalid repetition count: ${min} is more than ${max}`, start);
  if (Math.max(min, Number.isFinite(max) ? max : 0) > MAX_REPEAT) {
    throw scanner.error(`repetition counts above ${MAX_REPEAT} are not supported`, start);
  }
  return { min, max };
}

function parseAtom(scanner: PatternScanner): RegexAtom {
  const char = scanner.peek();
  switch (char) {
    case "^":
    case "$":
      scanner.position++;
      return { kind: char === "^" ? "start" : "end" };
    case ".":
      scanner.position++;
      return { kind: "chars", set: ANY_CHAR };
    case "[":
      return { kind: "chars", set: parseClass(scanner) };
    case "]":
    case "}":
      throw scanner.error(`unmatched "${char}": escape it as \\${char} to match it literally`);
    default:
      return { kind: "chars", set: { negated: false, items: [readClassMember(scanner).item] } };
  }
}

function parseClass(scanner: PatternScanner): { negated: boolean; items: CharSetItem[] } {
  const start = scanner.position;
  scanner.position++;
  const negated = scanner.consume("^");
  const items: CharSetItem[] = [];
  while (!scanner.consume("]")) {
    if (scanner.atEnd) throw scanner.error('unterminated character class: expected "]"', start);
    const { item, char } = readClassMember(scanner);
    if (char !== undefined && scanner.peek() === "-" && !["]", ""].includes(scanner.peek(1))) {
      const rangeStart = scanner.position - char.length;
      scanner.position++;
      const end = readClassMember(scanner).char;
      if (end === undefined || end < char) {
        throw scanner.error(
          `invalid range in character class: "${char}-" needs a later character`,
          rangeStart,
        );
      }
      items.push(charRange(char, end));
    } else {
      items.push(item);
    }
  }
  if (items.length === 0) throw scanner.error("empty character class", start);
  return { negated, items };
}

/** One character or escape; `char` is set when it stands for a single character (a range end). */
function readClassMember(scanner: PatternScanner): { item: CharSetItem; char?: string } {
  const char = scanner.peek();
  scanner.position++;
  if (char !== "\\") return { item: singleChar(char), char };
  const escaped = scanner.peek();
  scanner.position++;
  const shorthand = SHORTHAND_CLASSES[escaped];
  if (shorthand) return { item: shorthand };
  if (escaped === "x") {
    const hex = scanner.peek() + scanner.peek(1);
    if (!isHexDigit(hex[0] ?? "") || !isHexDigit(hex[1] ?? "")) {
      scanner.fail("two hexadecimal digits after \\x");
    }
    scanner.position += 2;
    const literal = String.fromCharCode(Number.parseInt(hex, 16));
    return { item: singleChar(literal), char: literal };
  }
  if (escaped !== "" && ALLOWED.includes(escaped))
    return { item: singleChar(escaped), char: escaped };
  throw scanner.error(
    escaped === ""
      ? 'a "\\" must be followed by the character it escapes'
      : `unsupported escape "\\${escaped}" (supported: \\d \\D \\s \\S \\w \\W \\xhh and escaped symbols or operators)`,
    scanner.position - 2,
  );
}
