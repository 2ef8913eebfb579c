/** Where a shard iterator points: a position in one shard of one stream, and when it was issued. */
export interface ShardIteratorPosition {
  readonly streamArn: string;
  readonly shardId: string;
  readonly position: number;
  readonly issuedAt: number;
}

/** Kinesis and DynamoDB Streams iterators stop working five minutes after they are issued. */
export const SHARD_ITERATOR_LIFETIME_MS = 5 * 60 * 1000;

/**
 * Shard iterators are opaque to callers; these carry their position themselves (base64 JSON), so
 * that the emulator keeps no state per iterator, however many a consumer asks for.
 */
export function encodeShardIterator(iterator: ShardIteratorPosition): string {
  const { streamArn, shardId, position, issuedAt } = iterator;
  return Buffer.from(JSON.stringify([streamArn, shardId, position, issuedAt])).toString("base64");
}

/** The position an iterator names, or undefined when the text is not an iterator. */
export function decodeShardIterator(text: string): ShardIteratorPosition | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields.length !== 4) return undefined;
  const [streamArn, shardId, position, issuedAt] = fields as unknown[];
  if (typeof streamArn !== "string" || typeof shardId !== "string") return undefined;
  if (!Number.isSafeInteger(position) || !Number.isFinite(issuedAt)) return undefined;
  return { streamArn, shardId, position: position as number, issuedAt: issuedAt as number };
}
