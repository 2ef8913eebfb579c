import type { S3Event, S3EventRecord } from "aws-lambda";
import { MalformedEventError } from "../errors.js";
import type { RegistrationOf } from "../registrations/registration.js";
import type { Invocation } from "./invocation.js";
import { type Route, runAll } from "./outcomes.js";

/**
 * The handlers of a bucket that an S3 notification's records go to, chosen by event name and key
 * as S3 chose the configuration; each handler receives its records as one `S3Event`. Undefined
 * when some record has no handler, so that an outer route (the queue or topic the notification
 * came through) can take it.
 */
export function bucketRoute(
  bucket: string,
  event: S3Event,
  invocation: Invocation,
): Route | undefined {
  const handlers = invocation.registry.buckets.get(bucket) ?? [];
  const groups = new Map<RegistrationOf<"s3">, S3EventRecord[]>();
  for (const [index, record] of event.Records.entries()) {
    const { eventName, key } = eventNameAndKey(record, index);
    const handler = handlers.find((h) => h.matches(eventName, key));
    if (!handler) return undefined;
    const records = groups.get(handler) ?? [];
    records.push(record);
    groups.set(handler, records);
  }
  if (groups.size === 0) return undefined;
  return () =>
    runAll(
      [...groups].map(
        ([handler, Records]) =>
          () =>
            invocation.run(handler, { ...event, Records }),
      ),
    );
}

/** The fields S3 filters by; notifications are free to come from anywhere, so they are checked. */
function eventNameAndKey(record: S3EventRecord, index: number) {
  const eventName: unknown = record?.eventName;
  const key: unknown = record?.s3?.object?.key;
  if (typeof eventName !== "string") {
    throw new MalformedEventError(`Records[${index}].eventName`, "a string", typeof eventName);
  }
  if (typeof key !== "string") {
    throw new MalformedEventError(`Records[${index}].s3.object.key`, "a string", typeof key);
  }
  return { eventName, key };
}

/** What a bucket's handlers listen to, for a NoHandlerError. */
export function bucketKeys(invocation: Invocation): string[] {
  return [...invocation.registry.buckets.values()].flat().map(({ manifest }) => {
    const { events, prefix = "", suffix = "" } = manifest.options;
    return `${manifest.key} ${events.join("|")} ${prefix}*${suffix}`;
  });
}
