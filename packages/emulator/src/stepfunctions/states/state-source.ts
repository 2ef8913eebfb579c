import type { DefinitionReader, QueryLanguage } from "../definition/state-definition.js";
import type { StateProgram } from "../runtime/state-program.js";

/** Compiles a nested `States` block: a Parallel branch or a Map's item processor. */
export type ProgramCompiler = (definition: unknown, where: string) => StateProgram;

/** A state's definition with what compiling it needs to know. */
export interface StateSource {
  readonly name: string;
  readonly reader: DefinitionReader;
  /** The state's `QueryLanguage`, or the state machine's. */
  readonly language: QueryLanguage;
  /** Where the state sits in the definition (`/States/Name`), for messages. */
  readonly where: string;
  readonly compileProgram: ProgramCompiler;
}

/** The state that follows, or undefined for a state that ends its branch (`End: true`). */
export function nextState(source: StateSource): string | undefined {
  return source.reader.string("Next");
}
