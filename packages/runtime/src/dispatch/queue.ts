import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from "aws-lambda";
import { itemIdentifierOf } from "../batch.js";
import { BatchFailedError, NoHandlerError } from "../errors.js";
import type { SqsSource } from "../sources/index.js";
import type { InnerRouter } from "./inner-route.js";
import type { Invocation } from "./invocation.js";
import type { Route } from "./outcomes.js";

/**
 * An SQS batch. Each message is looked at on its own: one that carries another source with a
 * handler of its own goes there, the others go together to the queue's handler. A batch that
 * nothing diverts is the queue handler's, whole and unchanged; a split batch is answered record
 * by record with `batchItemFailures` (the deployer enables `ReportBatchItemFailures`), so that no
 * record's outcome depends on another's and none is dropped.
 */
export function queueRoute(
  source: SqsSource,
  invocation: Invocation,
  innerRoute: InnerRouter,
): Route | undefined {
  const handler = source.key === null ? undefined : invocation.registry.byKey.sqs.get(source.key);
  const diverted: [string, Route][] = [];
  const own: SQSRecord[] = [];
  for (const { record, inner } of source.records) {
    const route = inner && innerRoute(inner);
    if (route) diverted.push([record.messageId, route]);
    else own.push(record);
  }
  if (diverted.length === 0) return invocation.routeTo(handler, source.event);
  // A split batch is answered by message id, so every record must have one.
  const ids = source.records.map(({ record }, index) => itemIdentifierOf(record, index));
  const ownRoute: Route =
    invocation.routeTo(handler, { Records: own }) ??
    (async () => {
      throw new NoHandlerError("sqs", source.key, [...invocation.registry.byKey.sqs.keys()]);
    });
  return () => splitBatch(ids, own, ownRoute, diverted, invocation);
}

async function splitBatch(
  ids: readonly string[],
  own: readonly SQSRecord[],
  ownRoute: Route,
  diverted: readonly [string, Route][],
  invocation: Invocation,
): Promise<SQSBatchResponse> {
  const failures = new Map<string, unknown>();
  const runs = diverted.map(async ([messageId, route]) => {
    try {
      await route();
    } catch (error) {
      failures.set(messageId, error);
    }
  });
  if (own.length > 0) {
    runs.push(
      ownRoute().then(
        (result) => {
          for (const id of failedIds(result, own)) {
            failures.set(id, "reported by the queue's handler");
          }
        },
        (error) => {
          for (const record of own) failures.set(record.messageId, error);
        },
      ),
    );
  }
  await Promise.all(runs);
  if (failures.size === ids.length) {
    // Lambda treats a response that fails every record like an error; an error also fails the
    // batch where ReportBatchItemFailures is off, where a response would delete the messages.
    const errors = [...failures.values()];
    throw errors.length === 1
      ? errors[0]
      : new BatchFailedError(`All ${ids.length} records of the batch failed.`, errors);
  }
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const itemIdentifier of ids) {
    if (!failures.has(itemIdentifier)) continue;
    invocation.reportRecordFailure(itemIdentifier, failures.get(itemIdentifier));
    batchItemFailures.push({ itemIdentifier });
  }
  return { batchItemFailures };
}

/**
 * The records a partial batch response names. A malformed response, or one naming a message that
 * was not given to the handler, fails all of them, as Lambda treats it.
 */
function failedIds(result: unknown, own: readonly SQSRecord[]): string[] {
  const ownIds = own.map((record) => record.messageId);
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)
    ?.batchItemFailures;
  if (failures === undefined || failures === null) return [];
  const ids = Array.isArray(failures)
    ? failures.map((failure) => (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier)
    : [undefined];
  return ids.every((id) => ownIds.includes(id as string)) ? (ids as string[]) : ownIds;
}
