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
  const targets: [string, string][] = [
    [startAt, `${where}/StartAt`],
    ...transitions(reader, where),
  ];
  for (const [target, field] of targets) {
    if (!states.has(target)) {
      throw new InvalidStateMachineError(`${field} '${target}' names no state.`);
    }
  }
  return new StateProgram(startAt, states);
}

/** Every state a block's states may go to, with the field that names it. */
function transitions(block: DefinitionReader, where: string): [string, string][] {
  const targets: [string, string][] = [];
  for (const [name, state] of Object.entries(block.object("States") ?? {})) {
    const at = `${where}/States/${name}`;
    const reader = new DefinitionReader(state, at);
    for (const field of ["Next", "Default"]) {
      const target = reader.string(field);
      if (target !== undefined) targets.push([target, `${at}/${field}`]);
    }
    for (const list of ["Choices", "Catch"]) {
      for (const [i, item] of reader.array(list).entries()) {
        const target = new DefinitionReader(item, `${at}/${list}[${i}]`).string("Next");
        if (target !== undefined) targets.push([target, `${at}/${list}[${i}]/Next`]);
      }
    }
  }
  return targets;
}
