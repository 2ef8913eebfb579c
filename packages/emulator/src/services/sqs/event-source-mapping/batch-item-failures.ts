/** Every record of the batch failed: the function threw, or its partial response is invalid. */
export const WHOLE_BATCH = "whole-batch";

/**
 * The records a function's partial batch response (`ReportBatchItemFailures`) reports as
 * failed, read as Lambda reads it. A missing or null response or `batchItemFailures` list
 * means every record succeeded; an item without a non-empty `itemIdentifier` that names a
 * message of the batch fails the whole batch, and so does a response that is not an object.
 */
export function reportedFailures(
  response: unknown,
  messageIds: ReadonlySet<string>,
): ReadonlySet<string> | typeof WHOLE_BATCH {
  if (response === null || response === undefined) return new Set();
  if (!isObject(response)) return WHOLE_BATCH;
  const failures = response.batchItemFailures;
  if (failures === null || failures === undefined) return new Set();
  if (!Array.isArray(failures)) return WHOLE_BATCH;
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = isObject(failure) ? failure.itemIdentifier : undefined;
    if (typeof id !== "string" || !messageIds.has(id)) return WHOLE_BATCH;
    failed.add(id);
  }
  return failed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
