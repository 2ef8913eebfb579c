import { createRequire } from "node:module";

/** One thing wrong with a definition, with AWS's error code (`SCHEMA_VALIDATION_FAILED`...). */
export interface DefinitionProblem {
  readonly code: string;
  readonly message: string;
  /** Where in the definition, as a JSON pointer (`/States/Start/Next`), when known. */
  readonly location?: string;
}

interface AslValidatorError {
  readonly "Error code": string;
  readonly Message: string;
  readonly schemaError?: { readonly instancePath: string };
}

type AslValidator = (definition: unknown) => { readonly errors: readonly AslValidatorError[] };

const aslValidator = createRequire(import.meta.url)("asl-validator") as AslValidator;

const STATE_TYPES = new Set([
  "Pass",
  "Task",
  "Choice",
  "Wait",
  "Succeed",
  "Fail",
  "Parallel",
  "Map",
]);
const QUERY_LANGUAGES = new Set(["JSONPath", "JSONata"]);

/**
 * Checks a definition with `asl-validator` (its JSON schemas, transitions, terminal states and
 * paths), minus the constructs its schemas reject although Step Functions accepts them: any JSON
 * as a JSONata `Output`, a boolean `Condition`, a fractional `ToleratedFailurePercentage`,
 * non-string `Assign` values, and the enum errors a failing `oneOf` reports for valid
 * `Type` and `QueryLanguage` values.
 */
export function checkSchema(definition: unknown): DefinitionProblem[] {
  // The validator writes default QueryLanguage fields into what it checks.
  const { errors } = aslValidator(structuredClone(definition));
  return errors
    .filter((error) => !acceptedByAws(error, definition))
    .map((error) => {
      const location = error.schemaError?.instancePath;
      const prefix = `${location} is invalid. `;
      const message =
        location && error.Message.startsWith(prefix)
          ? `${error.Message.slice(prefix.length)} at ${location}`
          : error.Message;
      return { code: error["Error code"], message, ...(location !== undefined && { location }) };
    });
}

function acceptedByAws(error: AslValidatorError, definition: unknown): boolean {
  const pointer = error.schemaError?.instancePath;
  if (pointer === undefined) return false;
  const segments = pointer.split("/").slice(1);
  const field = segments.at(-1);
  const value = valueAt(definition, segments);
  if (field === "Output") return true;
  if (field === "Condition") return typeof value === "boolean";
  if (field === "ToleratedFailurePercentage") {
    return typeof value === "number" && value >= 0 && value <= 100;
  }
  if (segments.includes("Assign")) return typeof value !== "string";
  if (field === "Type") return STATE_TYPES.has(String(value));
  if (field === "QueryLanguage") return QUERY_LANGUAGES.has(String(value ?? "JSONPath"));
  return false;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return node;
}
