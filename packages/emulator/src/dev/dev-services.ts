import { createEventBridgeService } from "../services/eventbridge/index.js";
import { createKinesisService } from "../services/kinesis/index.js";
import { createLambdaService, type LambdaFunction } from "../services/lambda/index.js";
import { createLogsService } from "../services/logs/index.js";
import type { EmulatedService } from "../services/service.js";
import { createSnsService } from "../services/sns/index.js";
import { createSqsService } from "../services/sqs/index.js";
import type { EmulatedAws } from "../services/wiring/index.js";

/** What an emulated service of `domovoi dev` is built from. */
export interface DevServiceContext {
  /** The app's function as Lambda runs it: Invoke API, asynchronous queue, recording. */
  readonly lambda: LambdaFunction;
  /** The services' state, connected to one another. */
  readonly aws: EmulatedAws;
}

/** One AWS service on the port of `domovoi dev`. */
export interface DevService {
  /**
   * The AWS SDK's ids of the service (its `serviceId` in upper case, `_` for spaces): the app's
   * execution environment gets `AWS_ENDPOINT_URL_<ID>` for each, pointing at the port.
   */
  readonly sdkIds: readonly string[];
  readonly create: (context: DevServiceContext) => EmulatedService;
}

/** The AWS services `domovoi dev` emulates on its port: adding one is adding its line. */
export const DEV_SERVICES: readonly DevService[] = [
  { sdkIds: ["LAMBDA"], create: ({ lambda }) => createLambdaService(lambda) },
  { sdkIds: ["SQS"], create: ({ aws }) => createSqsService(aws.sqs) },
  { sdkIds: ["SNS"], create: ({ aws }) => createSnsService(aws.sns) },
  { sdkIds: ["S3"], create: ({ aws }) => aws.s3 },
  { sdkIds: ["DYNAMODB", "DYNAMODB_STREAMS"], create: ({ aws }) => aws.dynamoDbApi },
  { sdkIds: ["KINESIS"], create: ({ aws }) => createKinesisService(aws.kinesis) },
  { sdkIds: ["EVENTBRIDGE"], create: ({ aws }) => createEventBridgeService(aws.eventBridge) },
  { sdkIds: ["CLOUDWATCH_LOGS"], create: ({ aws }) => createLogsService(aws.logs) },
];

/** The `AWS_ENDPOINT_URL_<ID>` suffixes of every emulated service. */
export const DEV_SDK_IDS: readonly string[] = DEV_SERVICES.flatMap((service) => service.sdkIds);
