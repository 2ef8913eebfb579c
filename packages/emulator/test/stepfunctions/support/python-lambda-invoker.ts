import { randomUUID } from "node:crypto";
import type { Clock } from "../../../src/clock/index.js";
import {
  lambdaFunctionError,
  lambdaFunctionNotFound,
  type TaskInvoker,
  type TaskRequest,
  type TaskResult,
} from "../../../src/stepfunctions/index.js";
import { type PythonBehaviour, parsePythonHandler } from "./python-handler.js";
import { pythonJsonDumps, pythonJsonDumpsValue } from "./python-json.js";

/**
 * A TaskInvoker that plays a corpus case's Python functions locally: it answers with the bytes
 * the Python runtime would send (json.dumps of the return value, or the returned bytes), raises
 * as the runtime reports errors, and sleeps on the execution's clock.
 */
export class PythonLambdaInvoker implements TaskInvoker {
  readonly #functions: ReadonlyMap<string, PythonBehaviour>;
  readonly #clock: Clock;

  constructor(lambdas: Readonly<Record<string, { readonly source: string }>>, clock: Clock) {
    this.#functions = new Map(
      Object.entries(lambdas).map(([arn, { source }]) => [arn, parsePythonHandler(source)]),
    );
    this.#clock = clock;
  }

  async invoke(request: TaskRequest): Promise<TaskResult> {
    if (request.kind !== "lambda") {
      return {
        ok: false,
        error: "States.Runtime",
        cause: `No local service for ${request.resource}`,
      };
    }
    const behaviour = this.#functions.get(request.functionArn);
    if (behaviour === undefined) return lambdaFunctionNotFound(request);
    if (behaviour.sleepSeconds > 0) {
      try {
        await this.#clock.sleep(behaviour.sleepSeconds * 1000, request.signal);
      } catch {
        return { ok: false, error: "Sandbox.Timedout", cause: "The invocation was abandoned." };
      }
    }
    const { outcome } = behaviour;
    if (outcome.kind === "raise") {
      return lambdaFunctionError(
        outcome.errorType,
        pythonJsonDumpsValue({
          errorMessage: outcome.errorMessage,
          errorType: outcome.errorType,
          requestId: randomUUID(),
          stackTrace: [
            `  File "/var/task/handler.py", line ${outcome.line}, in handler\n    ${outcome.code}\n`,
          ],
        }),
      );
    }
    const body = outcome.kind === "echo" ? pythonJsonDumps(request.payloadText) : outcome.body;
    return { ok: true, output: parseOrKeep(body), body };
  }
}

function parseOrKeep(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
