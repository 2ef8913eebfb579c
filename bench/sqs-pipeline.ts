import { once } from "node:events";
import { setImmediate as nextMacrotask } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { CreateQueueCommand, SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { RealClock } from "../packages/emulator/src/clock/real-clock.js";
import { buildEmulatorApp } from "../packages/emulator/src/server/app.js";
import { listen } from "../packages/emulator/src/server/server.js";
import { createServiceDispatcher } from "../packages/emulator/src/services/dispatch.js";
import type {
  FunctionInvocation,
  FunctionInvoker,
  FunctionOutcome,
} from "../packages/emulator/src/services/function-invoker.js";
import {
  createSqsService,
  queueArn,
  SqsBackend,
  SqsEventSourceMapping,
} from "../packages/emulator/src/services/sqs/index.js";
import { type BenchResult, formatResults, measure } from "./measure.js";

const REGION = "us-east-1";
const QUEUE = "bench-pipeline";
const MESSAGES_PER_ROUND = 5000;
const BATCH_SIZE = 10;
/** Concurrent SendMessageBatch calls, as a busy producer would make. */
const SENDERS = 8;
const EMULATOR_ROLE = "sqs-pipeline-emulator";

/** Messages between the producer (main thread) and the emulator (worker thread). */
type ToEmulator = { readonly type: "drain"; readonly target: number };
type FromEmulator =
  | { readonly type: "listening"; readonly url: string }
  | { readonly type: "drained" };

/**
 * Messages per second through the emulator's whole SQS path: SendMessageBatch with the real SDK
 * client over loopback, the event source mapping (batch size 10), an in-process handler that
 * succeeds at once, and the deletion of each batch; a round ends when the queue is empty
 * again. The emulator runs in a worker thread, as `domovoi dev` runs apart from the scripts
 * that send to it, so producer and emulator each have a core.
 */
export async function benchSqsPipeline(): Promise<BenchResult[]> {
  const emulator = startEmulatorWorker();
  const [listening] = (await once(emulator, "message")) as [FromEmulator];
  if (listening.type !== "listening") throw new Error("The emulator worker did not start.");
  const sqs = new SQSClient({
    endpoint: listening.url,
    region: REGION,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    maxAttempts: 1,
  });
  try {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: QUEUE }));
    let sent = 0;
    const sendBatches = async (batches: number) => {
      for (let batch = 0; batch < batches; batch++) {
        const Entries = Array.from({ length: BATCH_SIZE }, (_, i) => ({
          Id: `m${i}`,
          MessageBody: JSON.stringify({ batch, i }),
        }));
        await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
      }
    };
    const round = async () => {
      sent += MESSAGES_PER_ROUND;
      const drained = once(emulator, "message");
      const perSender = MESSAGES_PER_ROUND / BATCH_SIZE / SENDERS;
      await Promise.all(Array.from({ length: SENDERS }, () => sendBatches(perSender)));
      emulator.postMessage({ type: "drain", target: sent } satisfies ToEmulator);
      await drained;
    };
    const result = await measure(
      `SendMessageBatch -> mapping -> handler -> delete (batch ${BATCH_SIZE})`,
      round,
      { opsPerRound: MESSAGES_PER_ROUND, rounds: 5, warmupRounds: 1 },
    );
    return [{ ...result, note: "messages/s (target >= 5,000); emulator in a worker thread" }];
  } finally {
    sqs.destroy();
    await emulator.terminate();
  }
}

/** This module again, in a worker thread that compiles TypeScript as the main thread does. */
function startEmulatorWorker(): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(source, { eval: true, workerData: { role: EMULATOR_ROLE } });
}

/** The emulator side: SQS on a real clock, a mapping and a handler that counts records. */
async function runEmulator(): Promise<void> {
  const port = parentPort!;
  const backend = new SqsBackend({ clock: new RealClock() });
  const app = buildEmulatorApp({
    dispatcher: createServiceDispatcher([createSqsService(backend)], { defaultRegion: REGION }),
  });
  const { url } = await listen(app, { port: 0 });
  const handler = new CountingHandler();
  new SqsEventSourceMapping({
    backend,
    queueArn: queueArn(REGION, QUEUE),
    invoker: handler,
    batchSize: BATCH_SIZE,
  }).start();
  port.on("message", async ({ target }: ToEmulator) => {
    await handler.reach(target);
    // The mapping deletes a batch right after the handler returns.
    const counts = () => backend.queueByArn(queueArn(REGION, QUEUE))!.counts();
    while (counts().notVisible > 0) await nextMacrotask();
    port.postMessage({ type: "drained" } satisfies FromEmulator);
  });
  port.postMessage({ type: "listening", url } satisfies FromEmulator);
}

/** A handler that succeeds at once and counts the records it saw. */
class CountingHandler implements FunctionInvoker {
  #count = 0;
  #waiting: { readonly target: number; readonly resolve: () => void } | undefined;

  async invoke(request: FunctionInvocation): Promise<FunctionOutcome> {
    this.#count += (request.payload as { Records: unknown[] }).Records.length;
    if (this.#waiting && this.#count >= this.#waiting.target) this.#waiting.resolve();
    return { ok: true, payload: null };
  }

  /** Resolves once `target` records have been handled in all. */
  reach(target: number): Promise<void> {
    if (this.#count >= target) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiting = { target, resolve };
    });
  }
}

if (!isMainThread && workerData?.role === EMULATOR_ROLE) {
  await runEmulator();
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatResults("SQS pipeline", await benchSqsPipeline()));
}
