import { describe, expect, it } from "vitest";
import { bucketFromHost, resolveAddress } from "../../../src/services/s3/addressing.js";
import { parseRange } from "../../../src/services/s3/byte-range.js";
import { parseCopySource } from "../../../src/services/s3/copy-source.js";

const address = (path: string, host = "127.0.0.1:4510") =>
  resolveAddress({ path, headers: { host } });

describe("resolveAddress", () => {
  it.each([
    ["/", "127.0.0.1:4510", {}],
    ["/my-bucket", "127.0.0.1:4510", { bucket: "my-bucket" }],
    ["/my-bucket/", "localhost:4510", { bucket: "my-bucket" }],
    ["/my-bucket/a%20b/%C3%BC%2B%25.txt", "localhost", { bucket: "my-bucket", key: "a b/ü+%.txt" }],
    ["/my-bucket//lead", "localhost", { bucket: "my-bucket", key: "/lead" }],
    ["/a+b", "my-bucket.localhost:4510", { bucket: "my-bucket", key: "a+b" }],
    ["/", "my.dotted.bucket.s3.localhost:4510", { bucket: "my.dotted.bucket" }],
    ["/k", "my-bucket.s3.eu-west-1.amazonaws.com", { bucket: "my-bucket", key: "k" }],
    ["/my-bucket/k", "s3.localhost:4510", { bucket: "my-bucket", key: "k" }],
  ])("%s on %s", (path, host, expected) => {
    expect(address(path, host)).toEqual(expected);
  });

  it("decodes a percent sign once: %2525 is the key %25", () => {
    expect(address("/bucket/%2525")).toEqual({ bucket: "bucket", key: "%25" });
  });

  it("refuses a path that is not valid percent-encoding", () => {
    expect(() => address("/bucket/%E0%A4%A")).toThrow(
      expect.objectContaining({ code: "InvalidURI" }),
    );
  });

  it("takes endpoint hosts for path-style", () => {
    expect(bucketFromHost("s3.amazonaws.com")).toBeUndefined();
    expect(bucketFromHost("localhost:80")).toBeUndefined();
    expect(bucketFromHost("example.com")).toBeUndefined();
  });
});

describe("parseRange", () => {
  it.each([
    ["bytes=0-4", { start: 0, end: 4 }],
    ["bytes=5-", { start: 5, end: 9 }],
    ["bytes=-3", { start: 7, end: 9 }],
    ["bytes=-30", { start: 0, end: 9 }],
    ["bytes=8-100", { start: 8, end: 9 }],
    ["bytes=4-2", undefined],
    ["bytes=0-1,3-4", undefined],
    ["lines=1-2", undefined],
  ])("%s of 10 bytes", (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });

  it.each([["bytes=10-"], ["bytes=-0"]])("refuses %s with S3's InvalidRange", (header) => {
    expect(() => parseRange(header, 10)).toThrow(
      expect.objectContaining({ code: "InvalidRange", statusCode: 416 }),
    );
  });
});

describe("parseCopySource", () => {
  it.each([
    ["bucket/a%20b", { bucket: "bucket", key: "a b" }],
    [
      "/bucket/dir/%3F.txt?versionId=null",
      { bucket: "bucket", key: "dir/?.txt", versionId: "null" },
    ],
  ])("%s", (header, expected) => {
    expect(parseCopySource(header)).toEqual(expected);
  });

  it.each([["bucket"], ["/bucket/"], ["bucket/%ZZ"]])("refuses %s", (header) => {
    expect(() => parseCopySource(header)).toThrow(
      expect.objectContaining({ code: "InvalidArgument" }),
    );
  });
});
