/**
 * The emulated S3: buckets, objects (checksums, ranges, conditional requests, copies, multipart
 * uploads), listings, and bucket notifications delivered through the targets the emulator
 * connects. Buckets are unversioned; ACLs, policies, tagging, lifecycle and the other bucket
 * subresources answer `NotImplemented`.
 */
export type {
  DestinationConfiguration,
  LambdaFunctionConfiguration,
  NotificationConfiguration,
  QueueConfiguration,
  TopicConfiguration,
} from "./notification-configuration.js";
export type { NotificationTargets } from "./notification-targets.js";
export { createS3Service, type S3Service, type S3ServiceOptions } from "./s3-service.js";
