import { JsonataIo } from "../io/jsonata-io.js";
import { JsonPathIo } from "../io/jsonpath-io.js";
import type { CompiledState } from "../runtime/state-program.js";
import { nextState, type StateSource } from "./state-source.js";

/**
 * Pass: in JSONPath its result is `Result` (taken as written, `.$` keys included) or else its
 * effective input after `Parameters`; in JSONata its output is `Output`, or its input.
 */
export function compilePassState(source: StateSource): CompiledState {
  const { name, reader } = source;
  const next = nextState(source);
  if (source.language === "JSONata") {
    const io = new JsonataIo(reader.definition);
    return {
      name,
      type: "Pass",
      execute: async (input, run) => ({ ...(await io.finish({ input }, run)), next }),
    };
  }
  const io = new JsonPathIo(reader.definition);
  const hasResult = reader.has("Result");
  const result = reader.definition.Result;
  return {
    name,
    type: "Pass",
    execute: async (input, run) => {
      const value = hasResult ? result : io.parameters(io.effectiveInput(input, run), run);
      const assigned = io.assignments(value, run);
      return { output: io.output(input, value, run), next, ...(assigned && { assigned }) };
    },
  };
}
