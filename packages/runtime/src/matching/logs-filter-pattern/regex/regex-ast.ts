/**
 * A parsed CloudWatch Logs regular expression. AWS's subset has no groups, so a regex is a list
 * of top-level alternatives, each a sequence of (possibly repeated) atoms.
 */
export interface RegexAst {
  readonly alternatives: readonly (readonly RegexPiece[])[];
}

export interface RegexPiece {
  readonly atom: RegexAtom;
  readonly min: number;
  /** `Infinity` for `*`, `+` and `{m,}`. */
  readonly max: number;
}

export type RegexAtom =
  | { readonly kind: "chars"; readonly set: CharSet }
  | { readonly kind: "start" }
  | { readonly kind: "end" };

/** A character class: matches when `negated` differs from "some item matches". */
export interface CharSet {
  readonly negated: boolean;
  readonly items: readonly CharSetItem[];
}

/** Inclusive code point ranges, flattened as [from, to, from, to, …]; `negated` for \D, \S, \W. */
export interface CharSetItem {
  readonly negated: boolean;
  readonly ranges: readonly number[];
}
