import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import type { SNSEvent } from "aws-lambda";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import type { SqsMessage } from "../../../src/events/sqs.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import type {
  FunctionInvocation,
  FunctionInvoker,
  FunctionOutcome,
} from "../../../src/services/function-invoker.js";
import type { EmulatedService } from "../../../src/services/service.js";
import {
  createSnsService,
  type QueueDelivery,
  SnsBackend,
  type SnsBackendOptions,
  type SnsDeliveryFailure,
} from "../../../src/services/sns/index.js";

export const REGION = "us-east-1";
export const ACCOUNT = "000000000000";
export const FUNCTION_NAME = "bartender-dev";
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${FUNCTION_NAME}`;
export const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;

/** A queue delivery that records what SNS sent, and fails for the queues told to. */
export class RecordingQueues implements QueueDelivery {
  readonly sent: { queueArn: string; message: SqsMessage }[] = [];
  readonly #failures = new Map<string, { error: () => Error; times: number }>();

  async deliver(queueArn: string, message: SqsMessage): Promise<void> {
    const failure = this.#failures.get(queueArn);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      throw failure.error();
    }
    this.sent.push({ queueArn, message });
  }

  /** Makes the next `times` deliveries to the queue fail with `error`. */
  failFor(queueArn: string, error: () => Error, times = Number.POSITIVE_INFINITY): void {
    this.#failures.set(queueArn, { error, times });
  }

  to(queueArn: string): SqsMessage[] {
    return this.sent.filter((sent) => sent.queueArn === queueArn).map((sent) => sent.message);
  }
}

/** A function invoker that records invocations and answers with `outcome` (success by default). */
export class RecordingInvoker implements FunctionInvoker {
  readonly invocations: FunctionInvocation[] = [];
  outcome: () => FunctionOutcome = () => ({ ok: true, payload: null });

  async invoke(request: FunctionInvocation): Promise<FunctionOutcome> {
    this.invocations.push(request);
    return this.outcome();
  }

  /** The message of each SNS record the function was invoked with. */
  messages(): string[] {
    return this.invocations.flatMap((invocation) =>
      (invocation.payload as SNSEvent).Records.map((record) => record.Sns.Message),
    );
  }
}

export interface SnsHarness {
  readonly clock: VirtualClock;
  readonly backend: SnsBackend;
  readonly queues: RecordingQueues;
  readonly invoker: RecordingInvoker;
  readonly failures: SnsDeliveryFailure[];
  readonly sns: SNSClient;
  /** Runs the deliveries due now (they wait for the clock, as Publish returns first). */
  deliver(): Promise<void>;
  /** CreateTopic through the SDK; the topic's ARN. */
  createTopic(name?: string, attributes?: Record<string, string>): Promise<string>;
  /** Subscribe through the SDK; the subscription's ARN (or `pending confirmation`). */
  subscribe(
    topicArn: string,
    protocol: string,
    endpoint: string,
    attributes?: Record<string, string>,
  ): Promise<string>;
  /** A topic with one subscription, both made through the SDK. */
  topicWith(
    protocol: string,
    endpoint: string,
    attributes?: Record<string, string>,
    topic?: { name: string; attributes?: Record<string, string> },
  ): Promise<{ topicArn: string; subscriptionArn: string }>;
  /**
   * A topic subscribed by queue `q` (made directly in the backend): FIFO when its name ends in
   * `.fifo`, then with the FIFO queue `q.fifo`.
   */
  topicToQueue(name: string, attributes?: Record<string, string>): string;
}

/**
 * Serves a fresh emulated SNS per test on one real endpoint per file, reached with the real AWS
 * SDK client; deliveries go to recording fakes and run on a virtual clock.
 */
export function useSnsEmulator(options: Partial<SnsBackendOptions> = {}): () => SnsHarness {
  let app: FastifyInstance;
  let url = "";
  let harness: SnsHarness | undefined;
  let currentService: EmulatedService | undefined;
  const service: EmulatedService = {
    signingName: "sns",
    protocol: "awsQuery",
    handle: (request) => (currentService ?? fail()).handle(request),
  };

  beforeAll(async () => {
    app = buildEmulatorApp({
      dispatcher: createServiceDispatcher([service], { defaultRegion: REGION }),
    });
    ({ url } = await listen(app, { port: 0 }));
  });
  afterAll(() => app.close());
  beforeEach(() => {
    const clock = new VirtualClock(Date.parse("2024-05-01T12:00:00.000Z"));
    const queues = new RecordingQueues();
    const invoker = new RecordingInvoker();
    const failures: SnsDeliveryFailure[] = [];
    const backend = new SnsBackend({
      clock,
      queues,
      functions: { functionName: FUNCTION_NAME, invoker },
      onDeliveryFailure: (failure) => failures.push(failure),
      ...options,
    });
    currentService = createSnsService(backend);
    const sns = new SNSClient({
      endpoint: url,
      region: REGION,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const createTopic = async (name = "bartender", attributes: Record<string, string> = {}) =>
      (await sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes }))).TopicArn ??
      "";
    const subscribe = async (
      TopicArn: string,
      Protocol: string,
      Endpoint: string,
      Attributes?: Record<string, string>,
    ) =>
      (await sns.send(new SubscribeCommand({ TopicArn, Protocol, Endpoint, Attributes })))
        .SubscriptionArn ?? "";
    harness = {
      clock,
      backend,
      queues,
      invoker,
      failures,
      sns,
      deliver: () => clock.advance(0),
      createTopic,
      subscribe,
      async topicWith(protocol, endpoint, attributes, topic = { name: "bartender" }) {
        const topicArn = await createTopic(topic.name, topic.attributes);
        return {
          topicArn,
          subscriptionArn: await subscribe(topicArn, protocol, endpoint, attributes),
        };
      },
      topicToQueue(name, attributes = {}) {
        const fifo = name.endsWith(".fifo");
        const topic = backend.createTopic(REGION, name, {
          ...(fifo && { FifoTopic: "true" }),
          ...attributes,
        });
        backend.subscribe(topic, "sqs", queueArn(fifo ? "q.fifo" : "q"));
        return topic.arn;
      },
    };
  });
  return () => harness ?? fail();
}

function fail(): never {
  throw new Error("The SNS harness is used outside a test.");
}

/** What an SNS call failed with, as the SDK reports it. */
export interface SnsCallError {
  readonly name: string;
  readonly code: string | undefined;
  readonly message: string;
  readonly status: number | undefined;
}

export async function failureOf(call: Promise<unknown>): Promise<SnsCallError> {
  const error = await call.then(
    () => {
      throw new Error("Expected the call to fail.");
    },
    (error: unknown) => error,
  );
  const sdkError = error as {
    name: string;
    message: string;
    Code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  return {
    name: sdkError.name,
    code: sdkError.Code,
    message: sdkError.message,
    status: sdkError.$metadata?.httpStatusCode,
  };
}
