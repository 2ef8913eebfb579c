import { Agent } from "node:http";
import type { LookupFunction } from "node:net";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { VirtualClock } from "../../../src/clock/index.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import type {
  FunctionInvocation,
  FunctionInvoker,
} from "../../../src/services/function-invoker.js";
import {
  createS3Service,
  type NotificationTargets,
  type S3Service,
} from "../../../src/services/s3/index.js";
import type { AwsRequest } from "../../../src/services/service.js";

export const START = Date.parse("2024-05-01T12:00:00.000Z");
export const REGION = "us-east-1";

/** Notification destinations that record what reaches them; unknown ARNs are refused. */
export class RecordingTargets implements NotificationTargets {
  readonly invocations: FunctionInvocation[] = [];
  readonly queueMessages: { arn: string; body: string }[] = [];
  readonly topicMessages: { arn: string; message: string; subject: string }[] = [];
  readonly busEvents: unknown[] = [];
  readonly existing = new Set<string>();

  readonly lambda: FunctionInvoker = {
    invoke: async (invocation) => {
      this.invocations.push(invocation);
      return { ok: true, payload: null };
    },
  };

  queue = async (arn: string, body: string) => {
    this.#check(arn);
    this.queueMessages.push({ arn, body });
  };

  topic = async (arn: string, message: string, subject: string) => {
    this.#check(arn);
    this.topicMessages.push({ arn, message, subject });
  };

  eventBus = async (event: unknown) => {
    this.busEvents.push(event);
  };

  /** Every message sent so far, test events excluded, parsed. */
  records(): unknown[] {
    return [
      ...this.invocations.map((invocation) => invocation.payload),
      ...this.queueMessages.map((message) => JSON.parse(message.body)),
      ...this.topicMessages.map((message) => JSON.parse(message.message)),
    ].filter((message) => (message as { Event?: string }).Event !== "s3:TestEvent");
  }

  clear(): void {
    this.invocations.length = 0;
    this.queueMessages.length = 0;
    this.topicMessages.length = 0;
    this.busEvents.length = 0;
  }

  #check(arn: string): void {
    if (!this.existing.has(arn)) throw new Error(`${arn} does not exist`);
  }
}

/** Resolves every `*.localhost` name to loopback, as browsers do and Node 20 does not. */
const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

export interface S3Emulator {
  readonly service: S3Service;
  readonly clock: VirtualClock;
  readonly targets: RecordingTargets;
  readonly port: number;
  /** A client of the emulator: path-style on 127.0.0.1 unless `virtualHosted`. */
  client(
    options?: { virtualHosted?: boolean; region?: string } & Partial<S3ClientConfig>,
  ): S3Client;
  /** Runs the clock's pending timers and waits for the notifications they send. */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

export async function startS3Emulator(): Promise<S3Emulator> {
  const clock = new VirtualClock(START);
  const targets = new RecordingTargets();
  const service = createS3Service({ clock, targets, account: "123456789012" });
  const app = buildEmulatorApp({
    dispatcher: createServiceDispatcher([service], { defaultRegion: REGION }),
  });
  const { port } = await listen(app, { port: 0 });
  const agent = new Agent({ keepAlive: true, lookup: loopbackLookup });
  return {
    service,
    clock,
    targets,
    port,
    client: ({ virtualHosted = false, region = REGION, ...config } = {}) =>
      new S3Client({
        endpoint: virtualHosted ? `http://localhost:${port}` : `http://127.0.0.1:${port}`,
        forcePathStyle: !virtualHosted,
        region,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
        requestHandler: { httpAgent: agent },
        ...config,
      }),
    async deliver() {
      await clock.advance(0);
      await service.settled();
    },
    async close() {
      agent.destroy();
      await app.close();
    },
  };
}

/** What the SDK's exceptions carry, for assertions. */
export interface SdkError extends Error {
  readonly $metadata: { readonly httpStatusCode?: number };
  readonly $response?: unknown;
  readonly [field: string]: unknown;
}

export async function failure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("Expected the call to fail");
}

/** A request straight to the service, for what the SDK would not send. */
export function rawRequest(
  method: string,
  path: string,
  { query = "", headers = {}, body = "", region = REGION }: RawRequestOptions = {},
): AwsRequest {
  return {
    method,
    path,
    query: new URLSearchParams(query),
    headers,
    body: Buffer.from(body),
    service: "s3",
    region,
  };
}

export interface RawRequestOptions {
  readonly query?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  readonly region?: string;
}
