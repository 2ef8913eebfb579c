import { ExecutionAbortedError, errorOutput, StatesError, StatesErrorName } from "../errors.js";
import { JsonataIo } from "../io/jsonata-io.js";
import { JsonPathIo } from "../io/jsonpath-io.js";
import { Branch } from "../runtime/branch.js";
import { CatchPolicy } from "../runtime/catch-policy.js";
import { type ErrorHandling, withRetryAndCatch } from "../runtime/recovery.js";
import { RetryPolicy } from "../runtime/retry-policy.js";
import { runConcurrently } from "../runtime/run-concurrently.js";
import type { CompiledState, StateProgram } from "../runtime/state-program.js";
import type { StateRun } from "../runtime/state-run.js";
import { VariableScope } from "../runtime/variable-scope.js";
import { compileItemBatcher, type ItemBatcher } from "./map-batcher.js";
import { compileItemReader } from "./map-item-reader.js";
import { type ItemsSource, jsonataItems, jsonPathItems } from "./map-items.js";
import { compileMapNumber, type MapNumber } from "./map-limits.js";
import { nextState, type StateSource } from "./state-source.js";

interface MapRunner {
  readonly name: string;
  readonly program: StateProgram;
  readonly distributed: boolean;
  readonly maxConcurrency: MapNumber;
  readonly toleratedCount: MapNumber;
  readonly toleratedPercentage: MapNumber;
  readonly batcher: ItemBatcher | undefined;
}

/**
 * Map runs its item processor once per item (or per batch), at most `MaxConcurrency` at a time,
 * and results in the array of their outputs. Inline iterations read the outer variables; a
 * distributed one runs as a child execution would, seeing none, and may tolerate failures.
 */
export function compileMapState(source: StateSource): CompiledState {
  const { name, reader, where, language } = source;
  const processor = reader.object("ItemProcessor") ?? reader.object("Iterator");
  const config = processor?.ProcessorConfig as { Mode?: string } | undefined;
  const handling: ErrorHandling = {
    retry: new RetryPolicy(reader.array("Retry"), where),
    catch: new CatchPolicy(reader.array("Catch"), language, where),
  };
  const { definition } = reader;
  const runner: MapRunner = {
    name,
    program: source.compileProgram(processor, `${where}/ItemProcessor`),
    distributed: config?.Mode === "DISTRIBUTED",
    maxConcurrency: compileMapNumber(definition, language, "MaxConcurrency", { integer: true }),
    toleratedCount: compileMapNumber(definition, language, "ToleratedFailureCount", {
      integer: true,
    }),
    toleratedPercentage: compileMapNumber(definition, language, "ToleratedFailurePercentage", {
      integer: false,
      max: 100,
    }),
    batcher: compileItemBatcher(source),
  };
  const next = nextState(source);
  const itemReader = compileItemReader(source);
  if (language === "JSONata") {
    const io = new JsonataIo(definition);
    const items = jsonataItems(source, itemReader);
    return {
      name,
      type: "Map",
      execute: (input, run) =>
        withRetryAndCatch(handling, input, run, async () => {
          const result = await runMap(runner, items, input, input, run);
          return { ...(await io.finish({ input, result }, run)), next };
        }),
    };
  }
  const io = new JsonPathIo(
    definition,
    definition.ItemSelector === undefined ? "Parameters" : "ItemSelector",
  );
  const items = jsonPathItems(source, io, itemReader);
  return {
    name,
    type: "Map",
    execute: (input, run) =>
      withRetryAndCatch(handling, input, run, async () => {
        const effective = io.effectiveInput(input, run);
        const result = io.selectResult(await runMap(runner, items, effective, input, run), run);
        const assigned = io.assignments(result, run);
        return { output: io.output(input, result, run), next, ...(assigned && { assigned }) };
      }),
  };
}

async function runMap(
  runner: MapRunner,
  itemsSource: ItemsSource,
  effective: unknown,
  raw: unknown,
  run: StateRun,
): Promise<unknown[]> {
  const maxConcurrency = (await runner.maxConcurrency(effective, raw, run)) ?? 0;
  const toleratedCount = await runner.toleratedCount(effective, raw, run);
  const toleratedPercentage = await runner.toleratedPercentage(effective, raw, run);
  const items = await itemsSource(raw, run);
  const inputs = runner.batcher ? await runner.batcher(items, effective, raw, run) : items;
  const { branch } = run;
  branch.record("MapStateStarted", "mapStateStartedEventDetails", { length: inputs.length });
  const { outcomes, firstFailure } = await runConcurrently(
    { count: inputs.length, maxConcurrency, signal: branch.signal, failFast: !runner.distributed },
    (index, signal) => runIteration(runner, inputs[index], index, run, signal),
  );
  branch.throwIfAborted();
  const failures = outcomes.filter((outcome) => outcome.status === "rejected").length;
  const tolerated =
    runner.distributed &&
    withinTolerance(failures, inputs.length, toleratedCount, toleratedPercentage);
  if (firstFailure !== undefined && !tolerated) {
    branch.record("MapStateFailed");
    if (!runner.distributed) throw firstFailure;
    throw new StatesError(
      StatesErrorName.ExceedToleratedFailureThreshold,
      "The specified tolerated failure threshold was exceeded",
    );
  }
  branch.record("MapStateSucceeded");
  return outcomes.map((outcome) => {
    if (outcome.status === "fulfilled") return outcome.value;
    if (outcome.reason instanceof StatesError) return errorOutput(outcome.reason);
    throw new ExecutionAbortedError();
  });
}

/** A distributed Map fails once failures exceed either tolerance; with neither set, at the first. */
function withinTolerance(
  failures: number,
  total: number,
  count: number | undefined,
  percentage: number | undefined,
): boolean {
  if (count === undefined && percentage === undefined) return failures === 0;
  return (
    (count === undefined || failures <= count) &&
    (percentage === undefined || failures * 100 <= percentage * total)
  );
}

async function runIteration(
  runner: MapRunner,
  input: unknown,
  index: number,
  run: StateRun,
  signal: AbortSignal,
): Promise<unknown> {
  const { branch } = run;
  const details = { name: runner.name, index };
  const started = branch.record("MapIterationStarted", "mapIterationStartedEventDetails", details);
  const variables = runner.distributed ? VariableScope.root() : branch.variables.child();
  const iteration = new Branch(branch.core, variables, { last: started }, signal);
  try {
    const output = await runner.program.run(input, iteration);
    endIteration(
      run,
      iteration,
      "MapIterationSucceeded",
      "mapIterationSucceededEventDetails",
      details,
    );
    return output;
  } catch (error) {
    if (error instanceof ExecutionAbortedError) {
      endIteration(
        run,
        iteration,
        "MapIterationAborted",
        "mapIterationAbortedEventDetails",
        details,
      );
    } else {
      endIteration(run, iteration, "MapIterationFailed", "mapIterationFailedEventDetails", details);
    }
    throw error;
  }
}

/**
 * Records the end of an iteration. As in AWS's histories, the Map's next events chain to the
 * iteration's last state event, not to this one.
 */
function endIteration(
  run: StateRun,
  iteration: Branch,
  type: "MapIterationSucceeded" | "MapIterationFailed" | "MapIterationAborted",
  key:
    | "mapIterationSucceededEventDetails"
    | "mapIterationFailedEventDetails"
    | "mapIterationAbortedEventDetails",
  details: { readonly name: string; readonly index: number },
): void {
  const lastStateEvent = iteration.lane.last;
  iteration.record(type, key, details);
  run.branch.lane.last = lastStateEvent;
}
