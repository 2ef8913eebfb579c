import { type CharTest, compileCharSet } from "./char-sets.js";
import type { RegexAst, RegexAtom, RegexPiece } from "./regex-ast.js";

export type TextTest = (text: string) => boolean;

// State kinds of the Thompson NFA.
const CHAR = 0;
const SPLIT = 1;
const AT_START = 2;
const AT_END = 3;
const MATCH = 4;
const MATCHED = -1;

interface Nfa {
  readonly kind: number[];
  readonly out: number[];
  /** Second successor of SPLIT states. */
  readonly alt: number[];
  readonly test: (CharTest | undefined)[];
  readonly start: number;
}

/**
 * Compiles a regex into an unanchored search ("does the text contain a match", as CloudWatch
 * applies `%…%`). Without groups or backreferences the subset is truly regular, so the search
 * simulates a Thompson NFA: time is linear in the text, and patterns like `%a*a*a*a*b%` cannot
 * backtrack catastrophically as they would in JavaScript's RegExp.
 */
export function compileRegex(ast: RegexAst): TextTest {
  const nfa = buildNfa(ast);
  const size = nfa.kind.length;
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  const marks = new Int32Array(size);
  const stack = new Int32Array(size);
  let generation = 0;
  let top = 0;

  const push = (state: number) => {
    if (marks[state] !== generation) {
      marks[state] = generation;
      stack[top++] = state;
    }
  };
  // Adds `state` and everything reachable from it without consuming input; MATCHED on a match.
  const follow = (
    state: number,
    position: number,
    length: number,
    list: Int32Array,
    count: number,
  ) => {
    top = 0;
    push(state);
    while (top > 0) {
      const s = stack[--top]!;
      switch (nfa.kind[s]) {
        case MATCH:
          return MATCHED;
        case CHAR:
          list[count++] = s;
          break;
        case SPLIT:
          push(nfa.alt[s]!);
          push(nfa.out[s]!);
          break;
        case AT_START:
          if (position === 0) push(nfa.out[s]!);
          break;
        case AT_END:
          if (position === length) push(nfa.out[s]!);
          break;
      }
    }
    return count;
  };
  const nextGeneration = () => {
    if (generation === 0x7fffffff) {
      marks.fill(0);
      generation = 0;
    }
    generation++;
  };

  return (text) => {
    const length = text.length;
    nextGeneration();
    let count = follow(nfa.start, 0, length, current, 0);
    for (let position = 0; count !== MATCHED && position < length; ) {
      const codePoint = text.codePointAt(position)!;
      const nextPosition = position + (codePoint > 0xffff ? 2 : 1);
      nextGeneration();
      let nextCount = 0;
      for (let index = 0; index < count && nextCount !== MATCHED; index++) {
        const state = current[index]!;
        if (nfa.test[state]!(codePoint)) {
          nextCount = follow(nfa.out[state]!, nextPosition, length, next, nextCount);
        }
      }
      if (nextCount !== MATCHED) {
        nextCount = follow(nfa.start, nextPosition, length, next, nextCount);
      }
      const filled = next;
      next = current;
      current = filled;
      count = nextCount;
      position = nextPosition;
    }
    return count === MATCHED;
  };
}

/** Builds the NFA back to front: each piece is compiled knowing the state that follows it. */
function buildNfa(ast: RegexAst): Nfa {
  const nfa: Nfa = { kind: [], out: [], alt: [], test: [], start: 0 };
  const add = (kind: number, out: number, alt = -1, test?: CharTest): number => {
    nfa.kind.push(kind);
    nfa.out.push(out);
    nfa.alt.push(alt);
    nfa.test.push(test);
    return nfa.kind.length - 1;
  };
  const tests = new Map<RegexAtom, CharTest>();
  const addAtom = (atom: RegexAtom, out: number): number => {
    if (atom.kind === "start") return add(AT_START, out);
    if (atom.kind === "end") return add(AT_END, out);
    let test = tests.get(atom);
    if (!test) {
      test = compileCharSet(atom.set);
      tests.set(atom, test);
    }
    return add(CHAR, out, -1, test);
  };
  const addPiece = (piece: RegexPiece, out: number): number => {
    let start = out;
    if (piece.max === Number.POSITIVE_INFINITY) {
      const loop = add(SPLIT, -1, out);
      nfa.out[loop] = addAtom(piece.atom, loop);
      start = loop;
    } else {
      // Optional copies nest: each may be skipped straight to what follows the piece.
      for (let copy = piece.min; copy < piece.max; copy++) {
        start = add(SPLIT, addAtom(piece.atom, start), out);
      }
    }
    for (let copy = 0; copy < piece.min; copy++) start = addAtom(piece.atom, start);
    return start;
  };

  const match = add(MATCH, -1);
  const starts = ast.alternatives.map((pieces) =>
    pieces.reduceRight((out, piece) => addPiece(piece, out), match),
  );
  const start = starts.reduceRight((rest, first) => add(SPLIT, first, rest));
  return { ...nfa, start };
}
