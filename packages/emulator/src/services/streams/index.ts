export { RETRY_DELAY_MS } from "./batch-delivery.js";
export { ChangeSignal } from "./change-signal.js";
export type {
  DiscardCondition,
  DiscardedBatch,
  StreamBatchInfo,
  StreamFailureRecord,
} from "./failure-record.js";
export type { StreamMappingConfig } from "./mapping-settings.js";
export { INVALID_RESPONSE, resumeIndex } from "./partial-response.js";
export {
  decodeShardIterator,
  encodeShardIterator,
  SHARD_ITERATOR_LIFETIME_MS,
  type ShardIteratorPosition,
} from "./shard-iterators.js";
export { type SequencedRecord, ShardLog } from "./shard-log.js";
export {
  StreamEventSourceMapping,
  type StreamEventSourceMappingOptions,
} from "./stream-event-source-mapping.js";
export type { PolledStream, StreamKind, StreamSource } from "./stream-source.js";
