import { createHash } from "node:crypto";
import type { AwsRequest } from "../service.js";
import { decodeAwsChunked } from "./aws-chunked.js";
import {
  CHECKSUM_ALGORITHMS,
  CHECKSUM_BYTES,
  type Checksum,
  type ChecksumAlgorithm,
  checksumHeader,
  computeChecksum,
} from "./checksums.js";
import {
  badDigest,
  contentSha256Mismatch,
  incompleteBody,
  invalidDigest,
  invalidRequest,
} from "./s3-errors.js";

/** A request body as S3 accepts it: decoded from aws-chunked and verified against its digests. */
export interface Payload {
  readonly data: Buffer;
  /** The hex MD5 of `data`, which is the ETag of an object uploaded in one piece. */
  readonly md5: string;
  /** The additional checksum the client sent in a header or trailer, verified. */
  readonly checksum?: Checksum;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads the body of any S3 request: checks a hex `x-amz-content-sha256` against the bytes sent,
 * decodes aws-chunked streaming bodies (the SDK's default for streamed uploads), then verifies
 * `Content-MD5` and the `x-amz-checksum-*` header or trailer, with S3's errors on a mismatch.
 */
export function readPayload(request: AwsRequest): Payload {
  const { headers } = request;
  const contentSha256 = headers["x-amz-content-sha256"] ?? "";
  if (SHA256_HEX.test(contentSha256)) {
    const computed = createHash("sha256").update(request.body).digest("hex");
    if (computed !== contentSha256) throw contentSha256Mismatch(contentSha256, computed);
  }
  const chunked = isAwsChunked(headers, contentSha256);
  const { data, trailers } = chunked
    ? decodeAwsChunked(request.body)
    : { data: request.body, trailers: {} };
  if (chunked) checkDecodedLength(headers["x-amz-decoded-content-length"], data.length);
  const digest = createHash("md5").update(data).digest();
  checkContentMd5(headers["content-md5"], digest);
  const checksum = readChecksum({ ...headers, ...trailers });
  if (checksum) verifyChecksum(checksum, data);
  return { data, md5: digest.toString("hex"), ...(checksum && { checksum }) };
}

function isAwsChunked(headers: AwsRequest["headers"], contentSha256: string): boolean {
  return (
    contentSha256.startsWith("STREAMING-") ||
    (headers["content-encoding"] ?? "").split(",").some((coding) => coding.trim() === "aws-chunked")
  );
}

function checkDecodedLength(declared: string | undefined, actual: number): void {
  if (declared !== undefined && Number(declared) !== actual) {
    throw incompleteBody(
      `You did not provide the number of bytes specified by the x-amz-decoded-content-length HTTP header (${declared} declared, ${actual} sent).`,
    );
  }
}

function checkContentMd5(contentMd5: string | undefined, digest: Buffer): void {
  if (contentMd5 === undefined) return;
  const claimed = BASE64.test(contentMd5) ? Buffer.from(contentMd5, "base64") : undefined;
  if (claimed?.length !== 16) throw invalidDigest(contentMd5);
  if (!claimed.equals(digest)) {
    throw badDigest("The Content-MD5 you specified did not match what we received.", {
      ExpectedDigest: contentMd5,
      CalculatedDigest: digest.toString("base64"),
    });
  }
}

/** The one `x-amz-checksum-*` value of a request, checked for shape. */
function readChecksum(headers: Readonly<Record<string, string | undefined>>): Checksum | undefined {
  const present = CHECKSUM_ALGORITHMS.filter((algorithm) => headers[checksumHeader(algorithm)]);
  if (present.length > 1) {
    throw invalidRequest(
      "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.",
    );
  }
  const [algorithm] = present;
  if (algorithm === undefined) return undefined;
  const value = headers[checksumHeader(algorithm)]!;
  if (!isDigestOf(algorithm, value)) {
    throw invalidRequest(`Value for ${checksumHeader(algorithm)} header is invalid.`);
  }
  return { algorithm, value };
}

function isDigestOf(algorithm: ChecksumAlgorithm, value: string): boolean {
  return BASE64.test(value) && Buffer.from(value, "base64").length === CHECKSUM_BYTES[algorithm];
}

function verifyChecksum({ algorithm, value }: Checksum, data: Buffer): void {
  if (computeChecksum(algorithm, data) !== value) {
    throw badDigest(`The ${algorithm} you specified did not match the calculated checksum.`);
  }
}
