import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeAwsChunked } from "../../../src/services/s3/aws-chunked.js";
import { computeChecksum } from "../../../src/services/s3/checksums.js";
import { readPayload } from "../../../src/services/s3/request-payload.js";
import type { AwsRequest } from "../../../src/services/service.js";

const request = (body: string | Buffer, headers: Record<string, string> = {}): AwsRequest => ({
  method: "PUT",
  path: "/bucket/key",
  query: new URLSearchParams(),
  headers,
  body: Buffer.from(body),
  service: "s3",
  region: "us-east-1",
});

describe("checksums", () => {
  it.each([
    ["CRC32", "cbf43926"],
    ["CRC32C", "e3069283"],
    ["CRC64NVME", "ae8b14860a799888"],
    ["SHA1", "f7c3bc1d808e04732adf679965ccc34ca7ae3441"],
  ] as const)("computes %s (check value of 123456789)", (algorithm, hex) => {
    expect(computeChecksum(algorithm, Buffer.from("123456789"))).toBe(
      Buffer.from(hex, "hex").toString("base64"),
    );
  });
});

describe("decodeAwsChunked", () => {
  it("reads unsigned chunks with trailing checksums", () => {
    const decoded = decodeAwsChunked(
      Buffer.from("6\r\nhello \r\n5\r\nworld\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n"),
    );
    expect(decoded.data.toString()).toBe("hello world");
    expect(decoded.trailers).toEqual({ "x-amz-checksum-crc32": "DUoRhQ==" });
  });

  it("reads signed chunks", () => {
    const signature = "a".repeat(64);
    const decoded = decodeAwsChunked(
      Buffer.from(
        `3;chunk-signature=${signature}\r\nabc\r\n0;chunk-signature=${signature}\r\n\r\n`,
      ),
    );
    expect(decoded.data.toString()).toBe("abc");
    expect(decoded.trailers).toEqual({});
  });

  it.each([
    ["a size that is not hexadecimal", "zz\r\nabc\r\n0\r\n\r\n"],
    ["a chunk shorter than its size", "a\r\nabc\r\n0\r\n\r\n"],
    ["no final chunk", "3\r\nabc\r\n"],
    ["a trailer without a colon", "0\r\nnonsense\r\n\r\n"],
  ])("refuses %s", (_, body) => {
    expect(() => decodeAwsChunked(Buffer.from(body))).toThrow(
      expect.objectContaining({ code: "IncompleteBody" }),
    );
  });
});

describe("readPayload", () => {
  const md5 = (text: string) => createHash("md5").update(text).digest("base64");

  it("verifies Content-MD5 and returns the hex MD5", () => {
    const payload = readPayload(request("hello", { "content-md5": md5("hello") }));
    expect(payload.md5).toBe("5d41402abc4b2a76b9719d911017c592");
  });

  it.each([
    ["a Content-MD5 of other bytes", { "content-md5": md5("other") }, "BadDigest"],
    ["a Content-MD5 that is no MD5", { "content-md5": "abc" }, "InvalidDigest"],
    ["a wrong CRC32", { "x-amz-checksum-crc32": "AAAAAA==" }, "BadDigest"],
    ["a CRC32 of the wrong length", { "x-amz-checksum-crc32": "AAAA" }, "InvalidRequest"],
    [
      "two checksums",
      { "x-amz-checksum-crc32": "NhCmhg==", "x-amz-checksum-sha1": "qvTGHdzF6KLavt4PO0gs2a6pQ00=" },
      "InvalidRequest",
    ],
    [
      "a wrong x-amz-content-sha256",
      { "x-amz-content-sha256": "0".repeat(64) },
      "XAmzContentSHA256Mismatch",
    ],
  ])("refuses %s", (_, headers, code) => {
    expect(() => readPayload(request("hello", headers))).toThrow(expect.objectContaining({ code }));
  });

  it("decodes aws-chunked bodies and checks their trailer and decoded length", () => {
    const headers = {
      "content-encoding": "aws-chunked",
      "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
      "x-amz-decoded-content-length": "5",
    };
    const body = (crc: string) => `5\r\nhello\r\n0\r\nx-amz-checksum-crc32:${crc}\r\n\r\n`;
    expect(readPayload(request(body("NhCmhg=="), headers))).toMatchObject({
      checksum: { algorithm: "CRC32", value: "NhCmhg==" },
    });
    expect(() => readPayload(request(body("AAAAAA=="), headers))).toThrow(
      expect.objectContaining({ code: "BadDigest" }),
    );
    expect(() =>
      readPayload(request(body("NhCmhg=="), { ...headers, "x-amz-decoded-content-length": "6" })),
    ).toThrow(expect.objectContaining({ code: "IncompleteBody" }));
  });
});
