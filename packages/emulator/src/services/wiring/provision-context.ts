import type { PhysicalNames, RegistrationManifest } from "@domovoi/runtime";
import type { DynamoDbBackend } from "../dynamodb/index.js";
import type { EventBridgeBackend } from "../eventbridge/index.js";
import type { FunctionInvoker } from "../function-invoker.js";
import type { KinesisBackend } from "../kinesis/index.js";
import type { LogsBackend } from "../logs/index.js";
import type { S3Service } from "../s3/index.js";
import type { EmulatedService } from "../service.js";
import type { SnsBackend } from "../sns/index.js";
import type { SqsBackend } from "../sqs/index.js";

/** The app's function as the emulated services deliver to it. */
export interface AppFunction {
  /** `<app>-<stage>`: read at each delivery, since it is known once the app has loaded. */
  readonly functionName: string;
  readonly invoker: FunctionInvoker;
}

/** Every emulated service's state, each instantiated once and connected to the others. */
export interface ServiceBackends {
  readonly sqs: SqsBackend;
  readonly sns: SnsBackend;
  readonly s3: S3Service;
  readonly dynamoDb: DynamoDbBackend;
  /** DynamoDB's API in front of `dynamoDb`, which creates tables as CreateTable does. */
  readonly dynamoDbApi: EmulatedService;
  readonly kinesis: KinesisBackend;
  readonly eventBridge: EventBridgeBackend;
  readonly logs: LogsBackend;
}

/** What creating one registration's resources works with. */
export interface ProvisionContext {
  readonly backends: ServiceBackends;
  readonly appFunction: AppFunction;
  /** The stage's region, where resources named without an ARN live. */
  readonly region: string;
  readonly stage: string;
  readonly names: PhysicalNames;
  readonly functionArn: string;
  /** For queues created for the function's mappings: six times its timeout, as deployed. */
  readonly queueVisibilityTimeout: number;
  /** Told of what goes wrong outside the function, such as a mapping's own failure. */
  readonly warn: (message: string) => void;
}

/**
 * What runs for one registration (mappings, subscriptions, rules, subscription filters). Stopping
 * it leaves queues, topics, buckets, tables, streams and log groups with their data.
 */
export interface Provisioned {
  stop(): Promise<void>;
}

export type Provisioner<R extends RegistrationManifest> = (
  registration: R,
  context: ProvisionContext,
) => Provisioned | Promise<Provisioned>;

export const NOTHING_RUNS: Provisioned = { stop: async () => undefined };

/** Runs for several parts of one registration, stopped together. */
export function together(...parts: readonly Provisioned[]): Provisioned {
  return {
    stop: async () => {
      await Promise.all(parts.map((part) => part.stop()));
    },
  };
}

/** An error's message, for warnings. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
