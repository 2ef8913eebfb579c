import { InvalidStateMachineError } from "@domovoi/runtime";
import { isJsonObject, type JsonObject } from "../json.js";
import { compileProgram } from "./compile-program.js";
import { checkSchema, type DefinitionProblem } from "./schema-check.js";
import type { QueryLanguage } from "./state-definition.js";

export type { DefinitionProblem } from "./schema-check.js";

export type DefinitionValidation =
  | { readonly valid: true; readonly problems: readonly [] }
  | {
      readonly valid: false;
      readonly problems: readonly DefinitionProblem[];
      /** The message of AWS's `InvalidDefinition` error for these problems. */
      readonly message: string;
    };

/**
 * Validates a state machine definition (an object, or its JSON text as `CreateStateMachine`
 * takes it) as Step Functions does before creating it: the ASL schema and transitions
 * (`asl-validator`), then everything the interpreter compiles (paths, intrinsic functions,
 * JSONata expressions, resources).
 */
export function validateDefinition(definition: unknown): DefinitionValidation {
  const parsed = parseDefinition(definition);
  if (!parsed.ok) return invalid([parsed.problem]);
  const problems = checkSchema(parsed.definition);
  if (problems.length > 0) return invalid(problems);
  try {
    compileProgram(parsed.definition, "", machineLanguage(parsed.definition));
  } catch (error) {
    if (!(error instanceof InvalidStateMachineError)) throw error;
    return invalid([{ code: "SCHEMA_VALIDATION_FAILED", message: error.message }]);
  }
  return { valid: true, problems: [] };
}

export function parseDefinition(
  definition: unknown,
): { ok: true; definition: JsonObject } | { ok: false; problem: DefinitionProblem } {
  let value = definition;
  if (typeof definition === "string") {
    try {
      value = JSON.parse(definition);
    } catch (error) {
      return {
        ok: false,
        problem: { code: "INVALID_JSON_DESCRIPTION", message: (error as Error).message },
      };
    }
  }
  if (!isJsonObject(value)) {
    return {
      ok: false,
      problem: {
        code: "SCHEMA_VALIDATION_FAILED",
        message: "The definition must be a JSON object",
      },
    };
  }
  return { ok: true, definition: value };
}

export function machineLanguage(definition: JsonObject): QueryLanguage {
  return definition.QueryLanguage === "JSONata" ? "JSONata" : "JSONPath";
}

/** AWS's `InvalidDefinition` message for a list of problems. */
export function invalidDefinitionMessage(problems: readonly DefinitionProblem[]): string {
  return `Invalid State Machine Definition: '${problems.map((p) => `${p.code}: ${p.message}`).join(", ")}'`;
}

function invalid(problems: readonly DefinitionProblem[]): DefinitionValidation {
  return { valid: false, problems, message: invalidDefinitionMessage(problems) };
}
