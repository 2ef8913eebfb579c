import { InvalidStateMachineError } from "@domovoi/runtime";
import { compileProgram } from "./definition/compile-program.js";
import {
  invalidDefinitionMessage,
  machineLanguage,
  parseDefinition,
} from "./definition/validate-definition.js";
import { Execution, type StartExecutionOptions } from "./execution.js";
import type { JsonObject } from "./json.js";
import type { StateProgram } from "./runtime/state-program.js";

/**
 * A state machine definition, validated and compiled once (paths, templates, JSONata and
 * intrinsic functions are parsed here, not per execution); `start` runs executions of it.
 */
export class StateMachine {
  readonly definition: JsonObject;
  readonly #program: StateProgram;
  readonly #timeoutSeconds: number | undefined;

  private constructor(definition: JsonObject, program: StateProgram) {
    this.definition = definition;
    this.#program = program;
    const timeout = definition.TimeoutSeconds;
    this.#timeoutSeconds = typeof timeout === "number" ? timeout : undefined;
  }

  /**
   * Compiles a definition (an object or its JSON text). What the interpreter cannot compile
   * throws `InvalidStateMachineError` with the message of AWS's `InvalidDefinition` error; the
   * complete check of the language is `validateDefinition`, which callers run first (it takes
   * far longer: asl-validator builds its JSON schemas anew on every call).
   */
  static compile(definition: unknown): StateMachine {
    const parsed = parseDefinition(definition);
    if (!parsed.ok) throw new InvalidStateMachineError(invalidDefinitionMessage([parsed.problem]));
    try {
      const program = compileProgram(parsed.definition, "", machineLanguage(parsed.definition));
      return new StateMachine(parsed.definition, program);
    } catch (error) {
      if (!(error instanceof InvalidStateMachineError)) throw error;
      throw new InvalidStateMachineError(
        invalidDefinitionMessage([{ code: "SCHEMA_VALIDATION_FAILED", message: error.message }]),
        { cause: error },
      );
    }
  }

  /** Starts an execution; it runs on the given clock and invoker until it ends. */
  start(options: StartExecutionOptions): Execution {
    return new Execution(this.#program, this.#timeoutSeconds, options);
  }
}
