export { type HashKeyRange, hashKeyOf } from "./hash-keys.js";
export { KinesisBackend, type KinesisBackendOptions } from "./kinesis-backend.js";
export {
  type KinesisEventSourceMappingOptions,
  kinesisEventSourceMapping,
} from "./kinesis-event-source-mapping.js";
export { createKinesisService, type KinesisService } from "./kinesis-service.js";
export type { KinesisRecord, KinesisShard } from "./kinesis-shard.js";
export type { KinesisStream, StreamMode } from "./kinesis-stream.js";
export { kinesisStreamKind } from "./lambda-record.js";
