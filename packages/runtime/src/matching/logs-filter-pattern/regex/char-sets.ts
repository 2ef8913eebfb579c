import type { CharSet, CharSetItem } from "./regex-ast.js";

const code = (char: string): number => char.codePointAt(0)!;

export function singleChar(char: string): CharSetItem {
  return { negated: false, ranges: [code(char), code(char)] };
}

export function charRange(from: string, to: string): CharSetItem {
  return { negated: false, ranges: [code(from), code(to)] };
}

const DIGITS = [code("0"), code("9")];
const SPACES = [9, 10, 11, 12, 13, 13, 32, 32];
const WORD = [...DIGITS, code("A"), code("Z"), code("_"), code("_"), code("a"), code("z")];

/** The shorthand classes of the documented subset: \d \D \s \S \w \W. */
export const SHORTHAND_CLASSES: Readonly<Record<string, CharSetItem>> = {
  d: { negated: false, ranges: DIGITS },
  D: { negated: true, ranges: DIGITS },
  s: { negated: false, ranges: SPACES },
  S: { negated: true, ranges: SPACES },
  w: { negated: false, ranges: WORD },
  W: { negated: true, ranges: WORD },
};

/** `.` matches any single character, line breaks included ("Matches any single character"). */
export const ANY_CHAR: CharSet = { negated: true, items: [] };

export type CharTest = (codePoint: number) => boolean;

export function compileCharSet(set: CharSet): CharTest {
  const items = set.items.map(compileItem);
  if (items.length === 1 && !set.negated) return items[0]!;
  return (codePoint) => items.some((test) => test(codePoint)) !== set.negated;
}

function compileItem(item: CharSetItem): CharTest {
  const { ranges, negated } = item;
  return (codePoint) => {
    for (let index = 0; index < ranges.length; index += 2) {
      if (codePoint >= ranges[index]! && codePoint <= ranges[index + 1]!) return !negated;
    }
    return negated;
  };
}
