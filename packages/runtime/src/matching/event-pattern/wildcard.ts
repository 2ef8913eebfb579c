import { invalidPattern } from "./invalid-pattern.js";

/**
 * AWS rejects wildcards whose matching could keep too many partial matches alive at once. It
 * evaluates its byte automaton for that; this is the same idea on the pattern's own automaton:
 * the most positions that a worst-case input can leave active, which must stay at most 10.
 */
const MAX_COMPLEXITY = 10;
const STAR = null;
type Token = string | typeof STAR;

/**
 * Compiles a `wildcard` value into a matcher on strings, with AWS's validation messages.
 * Positions in messages count UTF-8 bytes of the value wrapped in quotes, as AWS reports them.
 */
export function compileWildcard(pattern: string): (value: string) => boolean {
  const tokens = tokenize(pattern);
  if (complexity(tokens) > MAX_COMPLEXITY) {
    throw invalidPattern(
      "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character",
    );
  }
  return matcherFor(segmentsOf(tokens));
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let bytePosition = 1; // the opening quote
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === "*") {
      if (pattern.charAt(index + 1) === "*") {
        throw invalidPattern(`Consecutive wildcard characters at pos ${bytePosition}`);
      }
      tokens.push(STAR);
    } else if (char === "\\") {
      const next = pattern.charAt(index + 1);
      if (next !== "*" && next !== "\\") {
        throw invalidPattern(`Invalid escape character at pos ${bytePosition}`);
      }
      tokens.push(next);
      index++;
      bytePosition++;
    } else {
      tokens.push(char);
    }
    bytePosition += utf8Length(char);
  }
  return tokens;
}

function utf8Length(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A surrogate pair is 4 bytes in all: count 2 for each of its halves.
  return code >= 0xd800 && code <= 0xdfff ? 2 : 3;
}

/** The literal runs between stars; there is one more run than there are stars. */
function segmentsOf(tokens: readonly Token[]): string[] {
  const segments = [""];
  for (const token of tokens) {
    if (token === STAR) segments.push("");
    else segments[segments.length - 1] += token;
  }
  return segments;
}

function matcherFor(segments: readonly string[]): (value: string) => boolean {
  const [first = "", ...rest] = segments;
  if (rest.length === 0) return (value) => value === first;
  const last = rest.pop() ?? "";
  const minimumLength = first.length + last.length;
  return (value) => {
    if (value.length < minimumLength || !value.startsWith(first) || !value.endsWith(last)) {
      return false;
    }
    // Leftmost placement of each middle run is optimal when stars are the only operator.
    let position = first.length;
    const end = value.length - last.length;
    for (const segment of rest) {
      const found = value.indexOf(segment, position);
      if (found < 0 || found + segment.length > end) return false;
      position = found + segment.length;
    }
    return true;
  };
}

/** Largest set of live automaton positions any input can produce, capped past the limit. */
function complexity(tokens: readonly Token[]): number {
  const alphabet = [...new Set(tokens.filter((token): token is string => token !== STAR)), ""];
  const seen = new Set<string>();
  const pending = [closure([0], tokens)];
  let worst = 0;
  for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
    const key = state.join();
    if (seen.has(key)) continue;
    seen.add(key);
    worst = Math.max(worst, state.filter((position) => position < tokens.length).length);
    if (worst > MAX_COMPLEXITY) return worst;
    for (const char of alphabet) {
      const next = step(state, tokens, char);
      if (next.length > 0) pending.push(next);
    }
  }
  return worst;
}

function step(state: readonly number[], tokens: readonly Token[], char: string): number[] {
  const next: number[] = [];
  for (const position of state) {
    const token = tokens[position];
    if (token === STAR) next.push(position);
    else if (token === char && char !== "") next.push(position + 1);
  }
  return closure(next, tokens);
}

function closure(positions: readonly number[], tokens: readonly Token[]): number[] {
  const result = new Set(positions);
  for (const position of positions) {
    for (let index = position; tokens[index] === STAR; index++) result.add(index + 1);
  }
  return [...result].sort((a, b) => a - b);
}
