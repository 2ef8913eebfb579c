import { createHash, type Hash } from "node:crypto";
import type { SQSMessageAttributes } from "aws-lambda";

/** `md5OfBody`: the MD5 of the body's UTF-8 bytes, as SQS computes it and the SDKs verify it. */
export function md5OfBody(body: string): string {
  return createHash("md5").update(body, "utf8").digest("hex");
}

const STRING_TRANSPORT = 1;
const BINARY_TRANSPORT = 2;

function updateLengthPrefixed(hash: Hash, bytes: Uint8Array): void {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  hash.update(length).update(bytes);
}

/**
 * `md5OfMessageAttributes`, following the algorithm of the SQS Developer Guide ("Calculating the
 * MD5 message digest for message attributes"): attributes sorted by name, each encoded as its
 * name, data type (both length-prefixed UTF-8), a transport byte (1 string, 2 binary) and the
 * length-prefixed value bytes. The list values are reserved by SQS and not part of the digest.
 */
export function md5OfMessageAttributes(attributes: SQSMessageAttributes): string {
  const hash = createHash("md5");
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name];
    if (attribute === undefined) continue;
    updateLengthPrefixed(hash, Buffer.from(name, "utf8"));
    updateLengthPrefixed(hash, Buffer.from(attribute.dataType, "utf8"));
    if (attribute.binaryValue === undefined) {
      hash.update(Uint8Array.of(STRING_TRANSPORT));
      updateLengthPrefixed(hash, Buffer.from(attribute.stringValue ?? "", "utf8"));
    } else {
      hash.update(Uint8Array.of(BINARY_TRANSPORT));
      updateLengthPrefixed(hash, Buffer.from(attribute.binaryValue, "base64"));
    }
  }
  return hash.digest("hex");
}
