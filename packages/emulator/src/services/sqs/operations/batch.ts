import { AwsServiceError } from "../../errors.js";
import type { OperationInput } from "../operation-input.js";
import {
  type BatchEntryError,
  batchEntryError,
  batchEntryIdsNotDistinct,
  emptyBatchRequest,
  invalidBatchEntryId,
  tooManyEntriesInBatchRequest,
} from "../sqs-errors.js";

const MAX_ENTRIES = 10;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export interface BatchEntry {
  readonly id: string;
  readonly input: OperationInput;
}

export interface BatchResult<T> {
  readonly Successful: ({ readonly Id: string } & T)[];
  readonly Failed: BatchEntryError[];
}

/** The entries of a batch request, after the checks that fail the request as a whole. */
export function readBatch(input: OperationInput, entryName: string): BatchEntry[] {
  const entries = input.list("Entries");
  if (entries.length === 0) throw emptyBatchRequest(entryName);
  if (entries.length > MAX_ENTRIES) throw tooManyEntriesInBatchRequest(entries.length);
  const ids = new Set<string>();
  return entries.map((entry) => {
    const id = entry.string("Id");
    if (!ENTRY_ID.test(id)) throw invalidBatchEntryId();
    if (ids.has(id)) throw batchEntryIdsNotDistinct(id);
    ids.add(id);
    return { id, input: entry };
  });
}

/** Runs every entry; an SQS error fails its entry only, reported in `Failed`. */
export function runBatch<T extends object>(
  entries: readonly BatchEntry[],
  run: (entry: OperationInput) => T,
): BatchResult<T> {
  const result: BatchResult<T> = { Successful: [], Failed: [] };
  for (const { id, input } of entries) {
    try {
      result.Successful.push({ Id: id, ...run(input) });
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      result.Failed.push(batchEntryError(id, error));
    }
  }
  return result;
}
