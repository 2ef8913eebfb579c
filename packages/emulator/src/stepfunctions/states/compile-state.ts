import { InvalidStateMachineError } from "@domovoi/runtime";
import type { CompiledState } from "../runtime/state-program.js";
import { compileChoiceState } from "./choice-state.js";
import { compileFailState } from "./fail-state.js";
import { compileMapState } from "./map-state.js";
import { compileParallelState } from "./parallel-state.js";
import { compilePassState } from "./pass-state.js";
import type { StateSource } from "./state-source.js";
import { compileSucceedState } from "./succeed-state.js";
import { compileTaskState } from "./task-state.js";
import { compileWaitState } from "./wait-state.js";

const COMPILERS: Readonly<Record<string, (source: StateSource) => CompiledState>> = {
  Pass: compilePassState,
  Task: compileTaskState,
  Choice: compileChoiceState,
  Wait: compileWaitState,
  Succeed: compileSucceedState,
  Fail: compileFailState,
  Parallel: compileParallelState,
  Map: compileMapState,
};

export function compileState(source: StateSource): CompiledState {
  const type = source.reader.requiredString("Type");
  const compile = Object.hasOwn(COMPILERS, type) ? COMPILERS[type] : undefined;
  if (compile === undefined) {
    throw new InvalidStateMachineError(`${source.where}/Type '${type}' is not a state type.`);
  }
  return compile(source);
}
