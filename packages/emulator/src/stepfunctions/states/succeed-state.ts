import { JsonataIo } from "../io/jsonata-io.js";
import { JsonPathIo } from "../io/jsonpath-io.js";
import type { CompiledState } from "../runtime/state-program.js";
import type { StateSource } from "./state-source.js";

/** Succeed ends its branch successfully with its (filtered) input as the output. */
export function compileSucceedState(source: StateSource): CompiledState {
  const { name, reader } = source;
  if (source.language === "JSONata") {
    const io = new JsonataIo(reader.definition);
    return { name, type: "Succeed", execute: (input, run) => io.finish({ input }, run) };
  }
  const io = new JsonPathIo(reader.definition);
  return {
    name,
    type: "Succeed",
    execute: async (input, run) => ({ output: io.outputOf(io.effectiveInput(input, run), run) }),
  };
}
