export { DynaliteEngine, type EngineResponse } from "./dynalite-engine.js";
export { DynamoDbBackend, type DynamoDbBackendOptions } from "./dynamodb-backend.js";
export {
  DYNAMODB_STREAM_KIND,
  type DynamoDbEventSourceMappingOptions,
  dynamoDbEventSourceMapping,
} from "./dynamodb-event-source-mapping.js";
export { createDynamoDbService, type DynamoDbService } from "./dynamodb-service.js";
export type { DynamoDbChangeRecord } from "./stream-record.js";
export type { KeySchemaElement, TableStream } from "./table-stream.js";
