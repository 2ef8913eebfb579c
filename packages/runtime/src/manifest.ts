/**
 * The manifest: what an app registers, as plain JSON. It is the one contract between the runtime
 * and the tools around it (the emulator builds local resources from it, the deployer real ones),
 * so every option is recorded with its effective value, defaults included. The schema is
 * documented in the package README; any incompatible change bumps {@link MANIFEST_VERSION}.
 */
export const MANIFEST_VERSION = 1;

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface DomovoiManifest {
  readonly manifestVersion: typeof MANIFEST_VERSION;
  /** The app's name; the deployed function is `<app>-<stage>`. */
  readonly app: string;
  /** In registration order. */
  readonly registrations: readonly RegistrationManifest[];
  readonly stateMachines: readonly StateMachineManifest[];
}

interface RegistrationOf<K extends string, O> {
  readonly kind: K;
  /** Unique within the app; physical names are derived from it. */
  readonly name: string;
  /** What the dispatcher routes by: queue, topic, bucket, table, stream, log group, ... */
  readonly key: string;
  readonly options: O;
}

export type ScheduleRegistration = RegistrationOf<
  "schedule",
  {
    readonly expression: string;
    /** IANA time zone in which `cron()` and `at()` are read. */
    readonly timezone: string;
    readonly description?: string;
    readonly enabled: boolean;
  }
>;

export type EventRuleRegistration = RegistrationOf<
  "eventbridge",
  { readonly eventPattern: JsonObject; readonly eventBusName: string }
>;

export type SnsRegistration = RegistrationOf<
  "sns",
  {
    /** Set when the topic was given by ARN (it may live in another account or region). */
    readonly topicArn?: string;
    readonly filterPolicy?: JsonObject;
    readonly filterPolicyScope: "MessageAttributes" | "MessageBody";
  }
>;

export interface FilterCriteria {
  readonly Filters: readonly { readonly Pattern: string }[];
}

export type SqsRegistration = RegistrationOf<
  "sqs",
  {
    readonly queueArn?: string;
    readonly fifo: boolean;
    readonly batchSize: number;
    readonly maximumBatchingWindowInSeconds: number;
    readonly maximumConcurrency?: number;
    /** Attributes for creating the queue (locally, or when it is missing), as SQS names them. */
    readonly queueAttributes?: Readonly<Record<string, string>>;
    readonly filterCriteria?: FilterCriteria;
    /**
     * Always true: the dispatcher answers an SQS batch record by record whenever it diverts
     * wrapped messages (SNS, S3, EventBridge) to their own handlers.
     */
    readonly reportBatchItemFailures: true;
  }
>;

/** How S3 notifications reach the function; `sns-sqs` goes through a topic, then a queue. */
export type S3Delivery = "direct" | "sns" | "sqs" | "sns-sqs" | "eventbridge";

export type S3Registration = RegistrationOf<
  "s3",
  {
    readonly events: readonly string[];
    readonly prefix?: string;
    readonly suffix?: string;
    readonly delivery: S3Delivery;
  }
>;

export type StartingPosition = "TRIM_HORIZON" | "LATEST";

export interface StreamMappingOptions {
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly startingPosition: StartingPosition;
  readonly parallelizationFactor: number;
  readonly bisectBatchOnFunctionError: boolean;
  /** -1 retries until the record expires. */
  readonly maximumRetryAttempts: number;
  /** -1 keeps records until they expire from the stream. */
  readonly maximumRecordAgeInSeconds: number;
  readonly filterCriteria?: FilterCriteria;
  /** The handler was wrapped with `perRecord` and answers with `batchItemFailures`. */
  readonly reportBatchItemFailures: boolean;
}

export interface KeyAttribute {
  readonly name: string;
  readonly type: "S" | "N" | "B";
}

export type StreamViewType = "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";

/** The table's schema, for creating it locally; absent when the app does not describe it. */
export interface TableDescription {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly streamViewType: StreamViewType;
}

export type DynamoDbRegistration = RegistrationOf<
  "dynamodb",
  StreamMappingOptions & { readonly tableArn?: string; readonly table?: TableDescription }
>;

export type KinesisRegistration = RegistrationOf<
  "kinesis",
  StreamMappingOptions & { readonly streamArn?: string; readonly shardCount: number }
>;

export type LogsRegistration = RegistrationOf<"logs", { readonly filterPattern: string }>;

export type StepFunctionsTaskRegistration = RegistrationOf<
  "step-functions-task",
  { readonly stateMachine: string; readonly stateName: string }
>;

export type AlbRegistration = RegistrationOf<"alb", { readonly multiValueHeaders: boolean }>;

export type SesRegistration = RegistrationOf<
  "ses",
  /** Addresses and domains as in a receipt rule; empty means every recipient. */
  { readonly recipients: readonly string[] }
>;

export type RegistrationManifest =
  | ScheduleRegistration
  | EventRuleRegistration
  | SnsRegistration
  | SqsRegistration
  | S3Registration
  | DynamoDbRegistration
  | KinesisRegistration
  | LogsRegistration
  | StepFunctionsTaskRegistration
  | AlbRegistration
  | SesRegistration;

export type RegistrationKind = RegistrationManifest["kind"];

export interface StateMachineTask {
  readonly stateName: string;
  /** The registration that runs this state. */
  readonly registration: string;
  /** The function alias the state invokes; the dispatcher routes by it. */
  readonly alias: string;
}

export interface StateMachineManifest {
  readonly name: string;
  readonly type: "STANDARD" | "EXPRESS";
  /**
   * The definition as registered, where every task of the app has `Resource` set to
   * `${DomovoiFunctionArn}:<alias>` (the syntax of Step Functions definition substitutions);
   * `stateMachineDefinition` fills in the function's ARN.
   */
  readonly definition: JsonObject;
  readonly tasks: readonly StateMachineTask[];
}
