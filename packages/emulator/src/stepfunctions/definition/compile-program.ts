import { InvalidStateMachineError } from "@domovoi/runtime";
import { type CompiledState, StateProgram } from "../runtime/state-program.js";
import { compileState } from "../states/compile-state.js";
import { DefinitionReader, type QueryLanguage } from "./state-definition.js";

/**
 * Compiles a `States` block and, through the states that hold them, every nested block (Parallel
 * branches, Map item processors). A state without `QueryLanguage` uses the state machine's.
 */
export function compileProgram(
  definition: unknown,
  where: string,
  machineLanguage: QueryLanguage,
): StateProgram {
  const reader = new DefinitionReader(definition, where);
  const startAt = reader.requiredString("StartAt");
  const states = new Map<string, CompiledState>();
  for (const [name, state] of Object.entries(reader.object("States") ?? {})) {
    const stateReader = new DefinitionReader(state, `${where}/States/${name}`);
    states.set(
      name,
      compileState({
        name,
        reader: stateReader,
        language:
          (stateReader.string("QueryLanguage") as QueryLanguage | undefined) ?? machineLanguage,
        where: stateReader.where,
        compileProgram: (nested, nestedWhere) =>
          compileProgram(nested, nestedWhere, machineLanguage),
      }),
    );
  }
  if (!states.has(startAt)) {
    throw new InvalidStateMachineError(`${where}/StartAt '${startAt}' names no state.`);
  }
  return new StateProgram(startAt, states);
}
