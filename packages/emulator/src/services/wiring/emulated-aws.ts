import type { DomovoiManifest } from "@domovoi/runtime";
import type { Clock } from "../../clock/clock.js";
import { createDynamoDbService, DynamoDbBackend } from "../dynamodb/index.js";
import { EventBridgeBackend } from "../eventbridge/index.js";
import { KinesisBackend } from "../kinesis/index.js";
import { LogsBackend } from "../logs/index.js";
import { createS3Service, type S3Service } from "../s3/index.js";
import type { EmulatedService } from "../service.js";
import { SnsBackend } from "../sns/index.js";
import { SqsBackend } from "../sqs/index.js";
import { AppResources } from "./app-resources.js";
import { type AppFunction, messageOf, type ServiceBackends } from "./provision-context.js";
import { SENDER_IDS } from "./sender-ids.js";
import { queueSink, topicSink } from "./service-links.js";

export interface EmulatedAwsOptions {
  /** The clock of every delivery, delay and retry. */
  readonly clock: Clock;
  /** The stage's region, where the app's resources are created. */
  readonly region: string;
  readonly stage: string;
  readonly appFunction: AppFunction;
  /**
   * The function's timeout in seconds (default 60): queues created for its mappings get six times
   * as much visibility timeout, as the deployer gives them.
   */
  readonly functionTimeoutSeconds?: number;
  /** Told of what goes wrong around the function: lost deliveries, resources not created. */
  readonly onWarning?: (message: string) => void;
}

const DEFAULT_TIMEOUT_SECONDS = 60;
/** SQS's longest visibility timeout, 12 hours. */
const MAX_VISIBILITY_TIMEOUT = 43_200;

/**
 * The AWS around the app: each emulated service instantiated once and connected to the others
 * as AWS connects them (SNS to SQS and the function; S3 to SQS, SNS, EventBridge and the
 * function; EventBridge to the function, SQS and SNS; Logs subscriptions to the function), and
 * the app's resources, kept in line with its manifest by `provision`.
 */
export class EmulatedAws implements ServiceBackends {
  readonly sqs: SqsBackend;
  readonly sns: SnsBackend;
  readonly s3: S3Service;
  readonly dynamoDb: DynamoDbBackend;
  readonly dynamoDbApi: EmulatedService;
  readonly kinesis: KinesisBackend;
  readonly eventBridge: EventBridgeBackend;
  readonly logs: LogsBackend;
  readonly #resources: AppResources;
  #provisioning: Promise<void> = Promise.resolve();

  constructor(options: EmulatedAwsOptions) {
    const { clock, region, stage, appFunction } = options;
    const warn = options.onWarning ?? ((message: string) => process.emitWarning(message));
    this.sqs = new SqsBackend({ clock });
    this.sns = new SnsBackend({
      clock,
      queues: { deliver: queueSink(this.sqs, SENDER_IDS.sns) },
      functions: appFunction,
      onDeliveryFailure: ({ messageId, subscriptionArn, reason }) =>
        warn(`SNS could not deliver message ${messageId} to ${subscriptionArn}: ${reason}`),
    });
    this.eventBridge = new EventBridgeBackend({
      clock,
      targets: {
        functions: appFunction,
        queue: queueSink(this.sqs, SENDER_IDS.eventBridge),
        topic: topicSink(this.sns),
      },
      onDeliveryFailure: ({ eventId, targetArn, reason }) =>
        warn(`EventBridge could not deliver event ${eventId} to ${targetArn}: ${reason}`),
    });
    const toQueue = queueSink(this.sqs, SENDER_IDS.s3);
    this.s3 = createS3Service({
      clock,
      targets: {
        lambda: appFunction.invoker,
        queue: (queueArn, body) => toQueue(queueArn, { body }),
        topic: topicSink(this.sns),
        eventBus: async (event) => this.eventBridge.publishServiceEvent(event),
      },
      onDeliveryError: (error, destination) =>
        warn(`S3 could not deliver a notification to ${destination}: ${messageOf(error)}`),
    });
    this.dynamoDb = new DynamoDbBackend({ clock });
    this.dynamoDbApi = createDynamoDbService(this.dynamoDb);
    this.kinesis = new KinesisBackend({ clock });
    this.logs = new LogsBackend({
      clock,
      region,
      functions: appFunction,
      onDeliveryFailure: ({ logGroup, filterName, eventCount, reason }) =>
        warn(
          `CloudWatch Logs could not deliver ${eventCount} events of ${logGroup} (filter ${filterName}): ${reason}`,
        ),
    });
    const timeout = options.functionTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    this.#resources = new AppResources({
      backends: this,
      appFunction,
      region,
      stage,
      queueVisibilityTimeout: Math.min(Math.ceil(6 * timeout), MAX_VISIBILITY_TIMEOUT),
      warn,
    });
  }

  /**
   * Creates the manifest's resources with their physical names and starts their event source
   * mappings; given the manifest of reloaded code, brings them in line with it. Calls run one
   * after the other; what cannot be provisioned is reported as a warning.
   */
  provision(manifest: DomovoiManifest): Promise<void> {
    const provisioned = this.#provisioning.then(() => this.#resources.reconcile(manifest));
    this.#provisioning = provisioned.catch(() => undefined);
    return provisioned;
  }

  /** Stops the mappings (their invocations in flight finish first) and ends every long poll. */
  async close(): Promise<void> {
    await this.#provisioning;
    await this.#resources.stop();
    this.sqs.close();
  }
}
