/**
 * The pattern language of one AWS service. EventBridge accepts every operator and `$or`; Lambda
 * event filtering documents a subset of the same language.
 */
export interface PatternDialect {
  /** Operators allowed in a match expression, and inside `anything-but`. */
  readonly operators: ReadonlySet<string>;
  readonly allowsOr: boolean;
}

export const EVENTBRIDGE_DIALECT: PatternDialect = {
  operators: new Set([
    "prefix",
    "suffix",
    "equals-ignore-case",
    "wildcard",
    "numeric",
    "cidr",
    "exists",
    "anything-but",
  ]),
  allowsOr: true,
};
