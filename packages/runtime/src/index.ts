// The public API of @domovoi/runtime. Importing it loads no AWS SDK: the SFN client is imported on
// the first startExecution.
export { Domovoi, type DomovoiOptions } from "./app.js";
export {
  type BatchRecord,
  type BatchResponse,
  type PerRecordOptions,
  perRecord,
  type RecordHandler,
} from "./batch.js";
export type { DomovoiContext, Handler } from "./context.js";
export {
  BatchFailedError,
  DomovoiError,
  DuplicateRegistrationError,
  InvalidNameError,
  InvalidStateMachineError,
  MalformedEventError,
  NoHandlerError,
  RegistrationError,
  StartExecutionError,
  UnrecognizedEventError,
} from "./errors.js";
export {
  type AlbRegistration,
  type DomovoiManifest,
  type DynamoDbRegistration,
  type EventRuleRegistration,
  type FilterCriteria,
  type JsonObject,
  type JsonValue,
  type KeyAttribute,
  type KinesisRegistration,
  type LogsRegistration,
  MANIFEST_VERSION,
  type RegistrationKind,
  type RegistrationManifest,
  type S3Delivery,
  type S3Registration,
  type ScheduleRegistration,
  type SesRegistration,
  type SnsRegistration,
  type SqsRegistration,
  type StartingPosition,
  type StateMachineManifest,
  type StateMachineTask,
  type StepFunctionsTaskRegistration,
  type StreamMappingOptions,
  type StreamViewType,
  type TableDescription,
} from "./manifest.js";
export {
  functionNameOf,
  NAME_RULES,
  type PhysicalNames,
  physicalNames,
  type RegistrationResourceNames,
  type StateMachineResourceNames,
  taskAlias,
} from "./naming.js";
export type { AlbHandler, AlbOptions } from "./registrations/alb.js";
export type { DynamoDbHandler, DynamoDbOptions } from "./registrations/dynamodb.js";
export type { EventRuleHandler, EventRuleOptions } from "./registrations/event-rule.js";
export type { KinesisHandler, KinesisOptions } from "./registrations/kinesis.js";
export type { LogsHandler, LogsOptions } from "./registrations/logs.js";
export type { S3Handler, S3Options } from "./registrations/s3.js";
export type { ScheduleHandler, ScheduleOptions } from "./registrations/schedule.js";
export type { SesHandler, SesOptions } from "./registrations/ses.js";
export type { SnsHandler, SnsOptions } from "./registrations/sns.js";
export type { SqsHandler, SqsOptions } from "./registrations/sqs.js";
export {
  FUNCTION_ARN_PLACEHOLDER,
  type StateMachineOptions,
  type StepFunctionTaskOptions,
  type TaskHandler,
} from "./registrations/state-machines.js";
export type { StreamOptions } from "./registrations/stream-mapping.js";
export {
  type StartExecutionOptions,
  type StartedExecution,
  type StateMachineHandle,
  type StepFunctionsClient,
  stateMachineDefinition,
} from "./state-machine.js";
