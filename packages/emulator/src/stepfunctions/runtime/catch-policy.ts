import { DefinitionReader, type QueryLanguage } from "../definition/state-definition.js";
import { errorOutput, type StatesError } from "../errors.js";
import { evaluateOutcome, optionalTemplate } from "../io/jsonata-io.js";
import { compilePayloadTemplate } from "../jsonpath/payload-template.js";
import { ResultPath } from "../jsonpath/result-path.js";
import { errorEqualsMatches } from "./error-names.js";
import type { StateStep } from "./state-program.js";
import type { StateRun } from "./state-run.js";

/** How a catcher turns the error and the state's raw input into the step it takes. */
type CatchHandler = (error: StatesError, raw: unknown, run: StateRun) => Promise<StateStep>;

interface Catcher {
  readonly errorEquals: readonly string[];
  readonly handle: CatchHandler;
}

/**
 * A state's `Catch` list: the first catcher whose `ErrorEquals` covers the error moves on to its
 * `Next`. In JSONPath its `ResultPath` (default `$`) places `{ Error, Cause }` into the raw
 * input; in JSONata its `Output` (default the error output) is the output. Either may `Assign`.
 */
export class CatchPolicy {
  readonly #catchers: readonly Catcher[];

  constructor(catchers: readonly unknown[], language: QueryLanguage, where: string) {
    this.#catchers = catchers.map((definition, i) => {
      const reader = new DefinitionReader(definition, `${where}/Catch[${i}]`);
      const next = reader.requiredString("Next");
      return {
        errorEquals: reader.array("ErrorEquals").map(String),
        handle:
          language === "JSONata" ? jsonataHandler(reader, next) : jsonPathHandler(reader, next),
      };
    });
  }

  /** The step the first matching catcher takes, or undefined when none matches. */
  async handle(error: StatesError, raw: unknown, run: StateRun): Promise<StateStep | undefined> {
    const catcher = this.#catchers.find((candidate) =>
      errorEqualsMatches(candidate.errorEquals, error),
    );
    return catcher?.handle(error, raw, run);
  }
}

function jsonPathHandler(reader: DefinitionReader, next: string): CatchHandler {
  const resultPath = new ResultPath(
    reader.definition.ResultPath === undefined
      ? "$"
      : (reader.definition.ResultPath as string | null),
  );
  const assign =
    reader.definition.Assign === undefined
      ? undefined
      : compilePayloadTemplate(reader.definition.Assign);
  return async (error, raw, run) => {
    const caught = errorOutput(error);
    const assigned = assign?.(run.pathScope(caught), run.branch.core.services.randomness);
    return {
      output: resultPath.apply(raw, caught),
      next,
      ...(assigned !== undefined && { assigned: assigned as Record<string, unknown> }),
    };
  };
}

function jsonataHandler(reader: DefinitionReader, next: string): CatchHandler {
  const output = optionalTemplate(reader.definition.Output, "Output");
  const assign = optionalTemplate(reader.definition.Assign, "Assign");
  return async (error, raw, run) => {
    const caught = errorOutput(error);
    const outcome = await evaluateOutcome(
      { input: raw, errorOutput: caught },
      run,
      output,
      assign,
      caught,
    );
    return { ...outcome, next };
  };
}
