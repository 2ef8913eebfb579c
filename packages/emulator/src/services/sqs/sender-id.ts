import { createHash } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ACCESS_KEY = /Credential=([^/,\s]+)\//;

/**
 * The `SenderId` SQS reports for a caller: an IAM user id (`AIDA` and 17 base-32 characters),
 * the same for every call made with the same access key, so that senders can be told apart.
 */
export function senderIdOf(authorization: string | undefined): string {
  const accessKey = (authorization && ACCESS_KEY.exec(authorization)?.[1]) || "anonymous";
  let senderId = senderIds.get(accessKey);
  if (senderId === undefined) {
    const digest = createHash("sha256").update(accessKey).digest();
    senderId = `AIDA${Array.from(digest.subarray(0, 17), (byte) => BASE32[byte % 32]).join("")}`;
    // A handful of access keys in practice; the cache only saves a hash per request.
    if (senderIds.size < MAX_CACHED) senderIds.set(accessKey, senderId);
  }
  return senderId;
}

const MAX_CACHED = 1000;
const senderIds = new Map<string, string>();
