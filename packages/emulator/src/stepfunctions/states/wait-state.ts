import { InvalidStateMachineError } from "@domovoi/runtime";
import type { QueryLanguage } from "../definition/state-definition.js";
import { queryEvaluationError, runtimeError, type StateEvaluationError } from "../errors.js";
import { JsonataIo } from "../io/jsonata-io.js";
import { compileDataPath, JsonPathIo } from "../io/jsonpath-io.js";
import { plainText, toJsonText } from "../json.js";
import { compileJsonataTemplate } from "../jsonata/jsonata-template.js";
import type { CompiledState } from "../runtime/state-program.js";
import type { StateRun } from "../runtime/state-run.js";
import { parseOffsetDateTime } from "../time/iso-timestamp.js";
import type { StateSource } from "./state-source.js";

/** Step Functions refuses waits longer than a Java int of seconds (about 68 years). */
const MAX_WAIT_SECONDS = 2 ** 31 - 1;

/** When the wait ends (epoch ms), from the state's effective input (JSONPath) or raw input. */
type Deadline = (input: unknown, run: StateRun) => Promise<number>;

/**
 * Wait pauses the branch on the execution's clock until `Seconds` have passed or `Timestamp`
 * is reached (a past timestamp does not wait); the `...Path` forms read the value from the input.
 */
export function compileWaitState(source: StateSource): CompiledState {
  const { name, reader } = source;
  const next = source.reader.string("Next");
  const deadline = compileDeadline(source);
  const wait = async (input: unknown, run: StateRun) => {
    const { clock } = run.branch.core.services;
    const delay = (await deadline(input, run)) - clock.now();
    if (delay > MAX_WAIT_SECONDS * 1000) {
      throw failure(source.language, "Wait state delay is too long.");
    }
    await run.branch.sleep(delay);
  };
  if (source.language === "JSONata") {
    const io = new JsonataIo(reader.definition);
    return {
      name,
      type: "Wait",
      execute: async (input, run) => {
        await wait(input, run);
        return { ...(await io.finish({ input }, run)), next };
      },
    };
  }
  const io = new JsonPathIo(reader.definition);
  return {
    name,
    type: "Wait",
    execute: async (input, run) => {
      const effective = io.effectiveInput(input, run);
      await wait(effective, run);
      const assigned = io.assignments(effective, run);
      return { output: io.outputOf(effective, run), next, ...(assigned && { assigned }) };
    },
  };
}

function compileDeadline(source: StateSource): Deadline {
  const { definition } = source.reader;
  const now = (run: StateRun) => run.branch.core.services.clock.now();
  if (source.language === "JSONata") {
    if (definition.Seconds !== undefined) {
      const seconds = compileJsonataTemplate(definition.Seconds, "Seconds");
      return async (input, run) => {
        const value = await seconds(run.jsonataScope({ input }));
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
          throw queryEvaluationError(
            `The Seconds field must be a non-negative integer, but was: ${toJsonText(value)}`,
          );
        }
        return now(run) + value * 1000;
      };
    }
    const timestamp = compileJsonataTemplate(definition.Timestamp, "Timestamp");
    return async (input, run) => {
      const value = await timestamp(run.jsonataScope({ input }));
      const time = typeof value === "string" ? parseOffsetDateTime(value) : undefined;
      if (time === undefined) {
        throw queryEvaluationError(
          `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${plainText(value)}`,
        );
      }
      return time;
    };
  }
  return compileJsonPathDeadline(source, now);
}

function compileJsonPathDeadline(source: StateSource, now: (run: StateRun) => number): Deadline {
  const { reader } = source;
  const seconds = reader.number("Seconds");
  if (seconds !== undefined) return async (_input, run) => now(run) + seconds * 1000;
  const timestamp = reader.string("Timestamp");
  if (timestamp !== undefined) {
    const time = parseOffsetDateTime(timestamp);
    if (time === undefined) {
      throw new InvalidStateMachineError(
        `${source.where}/Timestamp '${timestamp}' is not an ISO-8601 date-time with an offset.`,
      );
    }
    return async () => time;
  }
  const secondsPath = reader.string("SecondsPath");
  if (secondsPath !== undefined) {
    const read = compileDataPath(secondsPath);
    return async (input, run) => {
      const value = read(run.pathScope(input));
      const shown = `${secondsPath} == ${plainText(value)}`;
      if (typeof value !== "number" || !Number.isInteger(value)) {
        throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${shown}`);
      }
      if (value < 0)
        throw runtimeError(`The SecondsPath parameter references a negative value: ${shown}`);
      return now(run) + value * 1000;
    };
  }
  const timestampPath = reader.requiredString("TimestampPath");
  const read = compileDataPath(timestampPath);
  return async (input, run) => {
    const value = read(run.pathScope(input));
    const time = typeof value === "string" ? parseOffsetDateTime(value) : undefined;
    if (time === undefined) {
      throw runtimeError(
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${timestampPath} == ${plainText(value)}`,
      );
    }
    return time;
  };
}

function failure(language: QueryLanguage, detail: string): StateEvaluationError {
  return language === "JSONata" ? queryEvaluationError(detail) : runtimeError(detail);
}
