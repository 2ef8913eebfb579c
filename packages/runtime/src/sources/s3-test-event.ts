import { Fields, isJsonObject } from "./fields.js";

/**
 * The message S3 sends to an SNS topic or SQS queue when a notification to it is configured (S3
 * User Guide, "Event message structure"). It reports nothing that happened to an object.
 */
export interface S3TestEvent {
  readonly Service: string;
  readonly Event: "s3:TestEvent";
  readonly Time: string;
  readonly Bucket: string;
  readonly RequestId: string;
  readonly HostId: string;
}

export const S3_TEST_EVENT = "s3:TestEvent";

/** S3 names this message, and only this one, `s3:TestEvent`; it has no `Records`. */
export function isS3TestEvent(event: unknown): event is S3TestEvent {
  return isJsonObject(event) && event.Event === S3_TEST_EVENT;
}

/** A test event, wherever it arrived: acknowledged and dropped, never given to a handler. */
export interface S3TestEventSource {
  readonly kind: "s3-test-event";
  readonly event: S3TestEvent;
  readonly key: string;
}

export function detectS3TestEvent(event: S3TestEvent, path = ""): S3TestEventSource {
  return { kind: "s3-test-event", event, key: Fields.of(event, path).string("Bucket") };
}
