import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { type BenchResult, measure } from "./measure.js";

const REQUEST_TIMEOUT_MS = 10_000;

/** What every benchmarked handler returns: the version of its code. */
interface HandlerResult {
  readonly version: number;
}

/** A Lambda function behind a local Invoke API, reached by the real SDK client. */
export interface InvokeTarget {
  readonly name: string;
  readonly client: LambdaClient;
  readonly functionName: string;
}

/** An SDK client for a loopback endpoint: dummy credentials, no retries, bounded requests. */
export function lambdaClient(endpoint: string): LambdaClient {
  return new LambdaClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    maxAttempts: 1,
    requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: REQUEST_TIMEOUT_MS },
  });
}

/**
 * One synchronous invocation with `payload` (JSON text, encoded once by the caller).
 * @throws Error when the function fails or returns something else than a HandlerResult.
 */
export async function invoke(target: InvokeTarget, payload: Uint8Array): Promise<HandlerResult> {
  const response = await target.client.send(
    new InvokeCommand({ FunctionName: target.functionName, Payload: payload }),
  );
  const text = new TextDecoder().decode(response.Payload);
  if (response.FunctionError) {
    throw new Error(`${target.name}: the function failed (${response.FunctionError}): ${text}`);
  }
  const result = JSON.parse(text) as Partial<HandlerResult> | null;
  if (typeof result?.version !== "number") {
    throw new Error(`${target.name}: unexpected result ${text}`);
  }
  return { version: result.version };
}

/**
 * Round-trip times (ms) of sequential invocations, taken in blocks that alternate between the
 * targets, so that a slow spell of the machine falls on all of them alike.
 */
export async function sampleRoundTrips(
  targets: readonly InvokeTarget[],
  payload: Uint8Array,
  { blocks, perBlock, budgetMs }: { blocks: number; perBlock: number; budgetMs: number },
): Promise<Map<InvokeTarget, number[]>> {
  const samples = new Map(targets.map((target) => [target, [] as number[]]));
  const deadline = performance.now() + budgetMs;
  for (let block = 0; block < blocks && performance.now() < deadline; block++) {
    for (const [target, times] of samples) {
      for (let i = 0; i < perBlock; i++) {
        const start = performance.now();
        await invoke(target, payload);
        times.push(performance.now() - start);
      }
    }
  }
  return samples;
}

export interface RoundTrips {
  readonly p50: number;
  readonly p95: number;
  readonly count: number;
}

export function summarizeRoundTrips(samples: readonly number[]): RoundTrips {
  return { p50: median(samples), p95: percentile(samples, 0.95), count: samples.length };
}

/** Invocations per second: `callers` concurrent callers, each invoking one after another. */
export function throughput(
  target: InvokeTarget,
  payload: Uint8Array,
  { callers, perCaller }: { callers: number; perCaller: number },
): Promise<BenchResult> {
  const caller = async () => {
    for (let i = 0; i < perCaller; i++) await invoke(target, payload);
  };
  return measure(
    `${target.name}, ${callers} caller${callers === 1 ? "" : "s"}`,
    () => Promise.all(Array.from({ length: callers }, caller)),
    { opsPerRound: callers * perCaller, rounds: 5, warmupRounds: 1 },
  );
}

/** The value below which `fraction` of the samples fall (nearest rank). */
function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error("No samples.");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}
