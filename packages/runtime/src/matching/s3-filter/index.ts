export {
  assertS3EventTypes,
  isS3EventType,
  S3_EVENT_TYPES,
  type S3EventType,
  s3EventTypeMatches,
  s3EventTypesOverlap,
} from "./event-types.js";
export { decodeS3EventKey, encodeS3EventKey } from "./key-encoding.js";
export {
  checkS3KeyFilter,
  parseS3FilterRules,
  type S3FilterRule,
  type S3KeyFilter,
  s3KeyFilterMatches,
  s3KeyFiltersOverlap,
} from "./key-filter.js";
export {
  assertNoS3NotificationOverlap,
  type CheckedS3NotificationFilter,
  checkS3NotificationFilter,
  compileS3NotificationFilter,
  findS3NotificationOverlap,
  type S3NotificationFilter,
  type S3NotificationMatcher,
  s3NotificationFiltersOverlap,
} from "./notification-filter.js";
