import { InvalidS3NotificationError } from "../errors.js";
import {
  assertS3EventTypes,
  type S3EventType,
  s3EventTypeMatches,
  s3EventTypesOverlap,
} from "./event-types.js";
import {
  checkS3KeyFilter,
  type S3KeyFilter,
  s3KeyFilterMatches,
  s3KeyFiltersOverlap,
} from "./key-filter.js";

/** What one notification configuration of a bucket listens to. */
export interface S3NotificationFilter extends S3KeyFilter {
  readonly events: readonly string[];
}

/** A filter whose event types and key rules have been validated. */
export interface CheckedS3NotificationFilter extends S3KeyFilter {
  readonly events: readonly S3EventType[];
}

export type S3NotificationMatcher = (eventName: string, encodedKey: string) => boolean;

export function checkS3NotificationFilter(
  filter: S3NotificationFilter,
): CheckedS3NotificationFilter {
  const events = [...filter.events];
  assertS3EventTypes(events);
  return { events, ...checkS3KeyFilter(filter) };
}

/** Compiles a configuration's filter into a test of a record's `eventName` and encoded key. */
export function compileS3NotificationFilter(filter: S3NotificationFilter): S3NotificationMatcher {
  const { events, ...keyFilter } = checkS3NotificationFilter(filter);
  return (eventName, encodedKey) =>
    events.some((type) => s3EventTypeMatches(type, eventName)) &&
    s3KeyFilterMatches(keyFilter, encodedKey);
}

/** True when some S3 event would be delivered under both configurations. */
export function s3NotificationFiltersOverlap(
  a: CheckedS3NotificationFilter,
  b: CheckedS3NotificationFilter,
): boolean {
  return (
    a.events.some((x) => b.events.some((y) => s3EventTypesOverlap(x, y))) &&
    s3KeyFiltersOverlap(a, b)
  );
}

/**
 * S3 rejects a notification configuration in which two entries could both receive one event: they
 * share an event type and their prefixes and suffixes overlap. Returns the indexes of the first
 * such pair, so callers can name the registrations involved.
 */
export function findS3NotificationOverlap(
  filters: readonly S3NotificationFilter[],
): [number, number] | undefined {
  const checked = filters.map(checkS3NotificationFilter);
  for (let i = 0; i < checked.length; i++) {
    for (let j = i + 1; j < checked.length; j++) {
      if (s3NotificationFiltersOverlap(checked[i]!, checked[j]!)) return [i, j];
    }
  }
  return undefined;
}

/** Throws S3's own error when {@link findS3NotificationOverlap} finds a pair. */
export function assertNoS3NotificationOverlap(filters: readonly S3NotificationFilter[]): void {
  const pair = findS3NotificationOverlap(filters);
  if (pair) {
    throw new InvalidS3NotificationError(
      `Configurations overlap. Configurations on the same bucket cannot share a common event type. (configurations ${pair[0]} and ${pair[1]})`,
    );
  }
}
