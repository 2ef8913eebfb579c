import { availableParallelism, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { generateEvent } from "../packages/emulator/src/events/index.js";
import {
  type BenchProject,
  createProject,
  type DomovoiDev,
  QUEUE,
  timeToFirstInvoke,
} from "./emulator-domovoi.js";
import {
  type InvokeTarget,
  invoke,
  sampleRoundTrips,
  summarizeRoundTrips,
  throughput,
} from "./emulator-invoke.js";
import { ChildProcesses, poll } from "./emulator-process.js";
import { type EmulatorFigures, formatEmulatorReport } from "./emulator-report.js";
import { installServerlessPeers, startServerlessOffline } from "./emulator-serverless.js";

/**
 * `domovoi dev` as a developer meets it: a fresh process's time to its first invocation, the
 * time from saving a file to the first invocation of the new code, and the Lambda Invoke API's
 * round trip and throughput through @aws-sdk/client-lambda, against serverless-offline's Lambda
 * endpoint running the same handler as plain JavaScript.
 */

/** Measured start runs; a warm-up run before them is printed, not counted in the median. */
const START_RUNS = 5;
const RELOAD_EDITS = 7;
/** Between edits, as between a developer's saves: the emulator re-warms its standby worker. */
const RELOAD_PAUSE_MS = 1000;
const RELOAD_POLL_MS = 2;
const ROUND_TRIPS = { blocks: 10, perBlock: 100, budgetMs: 60_000 };
const WARMUP_INVOKES = 200;
const WARMUP_CONCURRENT_ROUNDS = 10;
const SEQUENTIAL = { callers: 1, perCaller: 100 };
const CONCURRENT = { callers: 4, perCaller: 50 };

export const EMULATOR_TITLE =
  "Local emulator: domovoi dev against serverless-offline (Lambda Invoke API through @aws-sdk/client-lambda, loopback)";

/** The printed report of `npm run bench -- emulator`, under EMULATOR_TITLE. */
export async function reportEmulator(): Promise<string> {
  installServerlessPeers();
  const payload = benchPayload();
  const processes = new ChildProcesses();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const loadBefore = loadavg()[0]!;
    const { running, starts } = await measureStarts(processes, payload, cleanups);
    const reloads = await measureReloads(running, payload);
    const offline = await startServerlessOffline(processes, payload);
    cleanups.push(offline.remove, async () => offline.target.client.destroy());
    const ours = running.dev.target;
    const theirs = offline.target;
    for (const target of [ours, theirs]) await warmUp(target, payload);
    const roundTrips = await sampleRoundTrips([ours, theirs], payload, ROUND_TRIPS);
    const compareThroughput = async (shape: typeof SEQUENTIAL) => ({
      ours: await throughput(ours, payload, shape),
      theirs: await throughput(theirs, payload, shape),
    });
    return formatEmulatorReport({
      load: { before: loadBefore, after: loadavg()[0]!, cores: availableParallelism() },
      starts,
      offlineStartMs: offline.firstInvokeMs,
      reloads,
      reloadPollMs: RELOAD_POLL_MS,
      roundTrips: {
        perBlock: ROUND_TRIPS.perBlock,
        ours: summarizeRoundTrips(roundTrips.get(ours)!),
        theirs: summarizeRoundTrips(roundTrips.get(theirs)!),
      },
      rates: {
        sequential: await compareThroughput(SEQUENTIAL),
        concurrent: await compareThroughput(CONCURRENT),
        concurrentCallers: CONCURRENT.callers,
      },
    });
  } finally {
    await processes.stopAll();
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** An SQS event for the app's queue, as JSON bytes, the same for both servers. */
function benchPayload(): Uint8Array {
  const event = generateEvent(
    "sqs",
    { queue: QUEUE, body: JSON.stringify({ orderId: "ORD-4711", quantity: 2 }) },
    { region: "us-east-1", now: () => new Date("2024-06-01T12:00:00.000Z") },
  );
  return new TextEncoder().encode(JSON.stringify(event));
}

/** The `domovoi dev` that stays up after the start runs, and the project it serves. */
interface Running {
  readonly project: BenchProject;
  readonly dev: DomovoiDev;
}

/**
 * Starts `domovoi dev` afresh, each time in a new copy of the app, and times it to its first
 * invocation; the last server stays up for the other measurements.
 */
async function measureStarts(
  processes: ChildProcesses,
  payload: Uint8Array,
  cleanups: (() => Promise<void>)[],
): Promise<{ readonly running: Running; readonly starts: EmulatorFigures["starts"] }> {
  const times: number[] = [];
  let running: Running | undefined;
  for (let run = 0; run <= START_RUNS; run++) {
    if (running) await processes.stop(running.dev.server);
    const project = await createProject(0);
    cleanups.push(project.remove);
    const { dev, ms } = await timeToFirstInvoke(processes, project, payload);
    cleanups.push(async () => dev.target.client.destroy());
    times.push(ms);
    running = { project, dev };
  }
  const [warmup, ...measured] = times;
  return { running: running!, starts: { warmup: warmup!, measured } };
}

/**
 * Rewrites the handler's return value and polls with invocations until the new value comes
 * back: the time from the write to the first invocation served by the new code.
 */
async function measureReloads({ project, dev }: Running, payload: Uint8Array): Promise<number[]> {
  const samples: number[] = [];
  for (let version = 1; version <= RELOAD_EDITS; version++) {
    await sleep(RELOAD_PAUSE_MS);
    const written = performance.now();
    await project.setVersion(version);
    await poll(
      `the invocation that returns version ${version}`,
      dev.server,
      async () => ((await invoke(dev.target, payload)).version === version ? true : undefined),
      { timeoutMs: 10_000, intervalMs: RELOAD_POLL_MS },
    );
    samples.push(performance.now() - written);
  }
  return samples;
}

/**
 * Invocations before any timing: connections, JIT, and the environments that both servers
 * start on demand for concurrent callers.
 */
async function warmUp(target: InvokeTarget, payload: Uint8Array): Promise<void> {
  for (let i = 0; i < WARMUP_INVOKES; i++) await invoke(target, payload);
  const concurrently = () =>
    Promise.all(Array.from({ length: CONCURRENT.callers }, () => invoke(target, payload)));
  for (let i = 0; i < WARMUP_CONCURRENT_ROUNDS; i++) await concurrently();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`${EMULATOR_TITLE}\n${await reportEmulator()}`);
}
