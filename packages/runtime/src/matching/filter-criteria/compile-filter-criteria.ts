import { InvalidEventPatternError, InvalidFilterCriteriaError } from "../errors.js";
import { compileBranches, readPattern } from "../event-pattern/compile-event-pattern.js";
import type { PatternDialect } from "../event-pattern/dialect.js";
import type { Branch } from "../event-pattern/flatten-pattern.js";
import { DATA_KEYS, type FilterSource, VIEWS } from "./record-views.js";

/** `FilterCriteria` of CreateEventSourceMapping. */
export interface FilterCriteria {
  readonly Filters?: readonly { readonly Pattern?: string }[];
}

/** Whether Lambda would pass a record of the mapping's source to the function. */
export type RecordFilter = (record: unknown) => boolean;

/** The operators Lambda documents for event filtering: no `wildcard`, `cidr` or `$or`. */
const LAMBDA_DIALECT: PatternDialect = {
  operators: new Set([
    "prefix",
    "suffix",
    "equals-ignore-case",
    "numeric",
    "exists",
    "anything-but",
  ]),
  allowsOr: false,
};

/** Lambda's default quota of filters per event source mapping. */
const MAX_FILTERS = 5;
const INVALID = "Invalid filter pattern definition.";

type DataFormat = "json" | "plain" | "none";

/**
 * Compiles the filter criteria of an event source mapping. A record passes when any filter
 * matches it. Throws InvalidFilterCriteriaError when Lambda would reject the criteria.
 */
export function compileFilterCriteria(
  criteria: FilterCriteria,
  source: FilterSource,
): RecordFilter {
  const filters = criteria.Filters ?? [];
  if (filters.length > MAX_FILTERS) {
    throw new InvalidFilterCriteriaError(`At most ${MAX_FILTERS} filters are allowed.`);
  }
  const compiled = filters.map(({ Pattern }) => compileFilter(Pattern, source));
  const toView = VIEWS[source];
  return (record) => {
    if (compiled.length === 0) return true;
    const view = toView(record);
    return view !== undefined && compiled.some((filter) => filter(view.view, view.dataIsJson));
  };
}

function compileFilter(
  pattern: string | undefined,
  source: FilterSource,
): (view: Record<string, unknown>, dataIsJson: boolean) => boolean {
  const branches = readFilterPattern(pattern);
  const format = dataFormat(branches, DATA_KEYS[source]);
  // Stream records must be filtered as JSON: Lambda refuses plain-text patterns on their data.
  if (format === "plain" && source !== "sqs") throw new InvalidFilterCriteriaError(INVALID);
  const matches = compileBranches(branches);
  return (view, dataIsJson) => {
    if (format !== "none" && dataIsJson !== (format === "json")) return false;
    return matches(view);
  };
}

function readFilterPattern(pattern: string | undefined): Branch[] {
  if (pattern === undefined) throw new InvalidFilterCriteriaError(INVALID);
  try {
    return readPattern(pattern, LAMBDA_DIALECT);
  } catch (cause) {
    if (!(cause instanceof InvalidEventPatternError)) throw cause;
    throw new InvalidFilterCriteriaError(INVALID, { cause });
  }
}

/** Whether the pattern reads the data property as JSON (`{"body": {...}}`) or as text. */
function dataFormat(branches: readonly Branch[], dataKey: string): DataFormat {
  const paths = branches.flatMap((branch) => branch.map((field) => field.path));
  if (paths.includes(dataKey)) return "plain";
  return paths.some((path) => path.startsWith(`${dataKey}.`)) ? "json" : "none";
}
