import type { StateDefinition } from "../definition/state-definition.js";
import { runtimeError } from "../errors.js";
import { JsonPath, MISSING, type PathScope } from "../jsonpath/json-path.js";
import { compilePayloadTemplate, type PayloadTemplate } from "../jsonpath/payload-template.js";
import { ResultPath } from "../jsonpath/result-path.js";
import type { MapItem, StateRun } from "../runtime/state-run.js";

/** `InputPath` and `OutputPath`: absent keeps the value, null makes it `{}`. */
export type DataPath = (scope: PathScope) => unknown;

export function compileDataPath(text: unknown): DataPath {
  if (text === undefined) return (scope) => scope.data;
  if (text === null) return () => ({});
  const path = new JsonPath(String(text));
  return (scope) => {
    const value = path.evaluate(scope);
    if (value !== MISSING) return value;
    throw runtimeError(`Invalid path '${path.text}' : ${path.describeMissing(scope)}`);
  };
}

/**
 * The data flow of a JSONPath state: InputPath, then Parameters, the state's work, then
 * ResultSelector, ResultPath (into the raw input) and OutputPath; Assign reads the result.
 */
export class JsonPathIo {
  readonly #inputPath: DataPath;
  readonly #parameters: PayloadTemplate | undefined;
  readonly #resultSelector: PayloadTemplate | undefined;
  readonly #resultPath: ResultPath;
  readonly #outputPath: DataPath;
  readonly #assign: PayloadTemplate | undefined;

  constructor(definition: StateDefinition, parametersField = "Parameters") {
    this.#inputPath = compileDataPath(definition.InputPath);
    this.#parameters = optionalTemplate(definition[parametersField]);
    this.#resultSelector = optionalTemplate(definition.ResultSelector);
    this.#resultPath = new ResultPath(
      definition.ResultPath === undefined ? "$" : (definition.ResultPath as string | null),
    );
    this.#outputPath = compileDataPath(definition.OutputPath);
    this.#assign = optionalTemplate(definition.Assign);
  }

  effectiveInput(raw: unknown, run: StateRun): unknown {
    return this.#inputPath(run.pathScope(raw));
  }

  get hasParameters(): boolean {
    return this.#parameters !== undefined;
  }

  /** Parameters (or ItemSelector) applied to the effective input, or that input as it is. */
  parameters(effective: unknown, run: StateRun, mapItem?: MapItem): unknown {
    const template = this.#parameters;
    return template
      ? template(run.pathScope(effective, mapItem), run.branch.core.services.randomness)
      : effective;
  }

  selectResult(result: unknown, run: StateRun): unknown {
    const template = this.#resultSelector;
    return template ? template(run.pathScope(result), run.branch.core.services.randomness) : result;
  }

  /** The state's variables; JSONPath's `Assign` sees `value` (the result, or the input) as `$`. */
  assignments(value: unknown, run: StateRun): Readonly<Record<string, unknown>> | undefined {
    const template = this.#assign;
    return template
      ? (template(run.pathScope(value), run.branch.core.services.randomness) as Record<
          string,
          unknown
        >)
      : undefined;
  }

  /** ResultPath places the result into the raw input; OutputPath selects from that. */
  output(raw: unknown, result: unknown, run: StateRun): unknown {
    return this.#outputPath(run.pathScope(this.#resultPath.apply(raw, result)));
  }

  /** For states without a result: OutputPath of the effective input. */
  outputOf(effective: unknown, run: StateRun): unknown {
    return this.#outputPath(run.pathScope(effective));
  }
}

function optionalTemplate(template: unknown): PayloadTemplate | undefined {
  return template === undefined ? undefined : compilePayloadTemplate(template);
}
