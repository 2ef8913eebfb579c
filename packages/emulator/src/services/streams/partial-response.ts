/** The function's partial batch response could not be read: the whole batch failed. */
export const INVALID_RESPONSE = "invalid";

/**
 * Where a stream batch resumes after a function answered with a partial batch response
 * (`ReportBatchItemFailures`), as Lambda reads it: the index of the failed record with the lowest
 * sequence number, from which every record is retried; `sequenceNumbers.length` when nothing
 * failed (a null or missing response or list, or an empty list). An item whose `itemIdentifier`
 * is missing, empty or names no record of the batch makes the whole batch fail.
 */
export function resumeIndex(
  response: unknown,
  sequenceNumbers: readonly string[],
): number | typeof INVALID_RESPONSE {
  if (response === null || response === undefined) return sequenceNumbers.length;
  if (!isObject(response)) return INVALID_RESPONSE;
  const failures = response.batchItemFailures;
  if (failures === null || failures === undefined) return sequenceNumbers.length;
  if (!Array.isArray(failures)) return INVALID_RESPONSE;
  let lowest = sequenceNumbers.length;
  for (const failure of failures) {
    const id = isObject(failure) ? failure.itemIdentifier : undefined;
    const index = typeof id === "string" ? sequenceNumbers.indexOf(id) : -1;
    if (index === -1) return INVALID_RESPONSE;
    lowest = Math.min(lowest, index);
  }
  return lowest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
