import {
  EventBridgeClient,
  PutRuleCommand,
  type PutRuleRequest,
  PutTargetsCommand,
  type Target,
} from "@aws-sdk/client-eventbridge";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import type { SqsMessage } from "../../../src/events/sqs.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import { AwsServiceError } from "../../../src/services/errors.js";
import {
  createEventBridgeService,
  EventBridgeBackend,
  type EventBridgeBackendOptions,
  type EventBridgeDeliveryFailure,
} from "../../../src/services/eventbridge/index.js";
import type { EmulatedService } from "../../../src/services/service.js";
import { RecordingInvoker } from "./recording-invoker.js";

export { failureOf } from "./sdk-failure.js";
export { RecordingInvoker };

export const REGION = "us-east-1";
export const ACCOUNT = "000000000000";
export const FUNCTION_NAME = "bartender-dev";
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${FUNCTION_NAME}`;
export const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
export const topicArn = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
export const START = Date.parse("2024-05-01T12:00:00.000Z");

/** Queue and topic sinks that record what EventBridge sent; queues named `missing` do not exist. */
export class RecordingSinks {
  readonly queued: { queueArn: string; message: SqsMessage }[] = [];
  readonly published: { topicArn: string; message: string }[] = [];

  readonly queue = async (queueArn: string, message: SqsMessage): Promise<void> => {
    if (queueArn.endsWith(":missing")) {
      throw new AwsServiceError("QueueDoesNotExist", "The specified queue does not exist.");
    }
    this.queued.push({ queueArn, message });
  };

  readonly topic = async (topicArn: string, message: string): Promise<void> => {
    this.published.push({ topicArn, message });
  };

  bodiesTo(arn: string): string[] {
    return this.queued.filter((sent) => sent.queueArn === arn).map((sent) => sent.message.body);
  }
}

export interface EventBridgeHarness {
  readonly clock: VirtualClock;
  readonly backend: EventBridgeBackend;
  readonly invoker: RecordingInvoker;
  readonly sinks: RecordingSinks;
  readonly failures: EventBridgeDeliveryFailure[];
  readonly events: EventBridgeClient;
  /** A client of another region. */
  client(region: string): EventBridgeClient;
  /** Runs the deliveries due now (they wait for the clock, as PutEvents returns first). */
  deliver(): Promise<void>;
  /** PutRule then PutTargets through the SDK; the rule's ARN. */
  ruleWith(rule: PutRuleRequest & { Name: string }, targets: Target[]): Promise<string>;
}

/**
 * Serves a fresh emulated EventBridge per test on one real endpoint per file, reached with the
 * real AWS SDK client; deliveries go to recording fakes and run on a virtual clock.
 */
export function useEventBridgeEmulator(
  options: Partial<EventBridgeBackendOptions> = {},
): () => EventBridgeHarness {
  let app: FastifyInstance;
  let url = "";
  let harness: EventBridgeHarness | undefined;
  let currentService: EmulatedService | undefined;
  const service: EmulatedService = {
    signingName: "events",
    protocol: "awsJson",
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
    const clock = new VirtualClock(START);
    const invoker = new RecordingInvoker();
    const sinks = new RecordingSinks();
    const failures: EventBridgeDeliveryFailure[] = [];
    let uuids = 0;
    const backend = new EventBridgeBackend({
      clock,
      targets: {
        functions: { functionName: FUNCTION_NAME, invoker },
        queue: sinks.queue,
        topic: sinks.topic,
      },
      onDeliveryFailure: (failure) => failures.push(failure),
      randomUUID: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, "0")}`,
      ...options,
    });
    currentService = createEventBridgeService(backend);
    const client = (region: string) =>
      new EventBridgeClient({
        endpoint: url,
        region,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
      });
    const events = client(REGION);
    harness = {
      clock,
      backend,
      invoker,
      sinks,
      failures,
      events,
      client,
      deliver: () => clock.advance(0),
      async ruleWith(rule, targets) {
        const { RuleArn } = await events.send(new PutRuleCommand(rule));
        await events.send(
          new PutTargetsCommand({
            Rule: rule.Name,
            Targets: targets,
            ...(rule.EventBusName !== undefined && { EventBusName: rule.EventBusName }),
          }),
        );
        return RuleArn ?? "";
      },
    };
  });
  return () => harness ?? fail();
}

function fail(): never {
  throw new Error("The EventBridge harness is used outside a test.");
}
