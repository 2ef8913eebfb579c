import type { RegexAst } from "./regex/regex-ast.js";

/** A parsed filter pattern, one variant per syntax CloudWatch Logs recognises. */
export type FilterPatternAst =
  | { readonly kind: "terms"; readonly terms: readonly Term[] }
  | { readonly kind: "regex"; readonly regex: RegexAst }
  | { readonly kind: "json"; readonly expression: JsonExpression }
  | { readonly kind: "space-delimited"; readonly fields: readonly DelimitedField[] };

/** A word or quoted phrase of a term pattern, with its `?` (optional) or `-` (excluded) prefix. */
export interface Term {
  readonly mode: "required" | "optional" | "excluded";
  readonly text: string;
}

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** The right-hand side of a comparison; `*` at either end of a text is a wildcard. */
export type Operand =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "regex"; readonly regex: RegexAst };

export interface Comparison {
  readonly operator: ComparisonOperator;
  readonly operand: Operand;
}

export type SelectorStep =
  | { readonly kind: "property"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "wildcard" };

export type JsonExpression =
  | { readonly kind: "or" | "and"; readonly operands: readonly JsonExpression[] }
  | {
      readonly kind: "compare";
      readonly selector: readonly SelectorStep[];
      readonly comparison: Comparison;
    }
  | {
      readonly kind: "is";
      readonly selector: readonly SelectorStep[];
      readonly value: boolean | null;
    }
  | { readonly kind: "not-exists"; readonly selector: readonly SelectorStep[] };

/**
 * A field of a space-delimited pattern: `...` (any number of fields), or one field with an optional
 * name and conditions in disjunctive form (`anyOf` of all-of lists; empty when unconditional).
 */
export type DelimitedField =
  | { readonly kind: "ellipsis" }
  | {
      readonly kind: "field";
      readonly name: string | undefined;
      readonly anyOf: readonly (readonly Comparison[])[];
    };
