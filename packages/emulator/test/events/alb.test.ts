import { describe, expect, it } from "vitest";
import { generateAlbEvent } from "../../src/events/index.js";
import { fixedSources } from "./support.js";

describe("generateAlbEvent", () => {
  it("builds a GET of / by default", () => {
    const event = generateAlbEvent({}, fixedSources());
    expect(event).toMatchObject({
      requestContext: {
        elb: {
          targetGroupArn: expect.stringMatching(
            /^arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup\/domovoi\/[0-9a-f]{16}$/,
          ),
        },
      },
      httpMethod: "GET",
      path: "/",
      queryStringParameters: {},
      body: "",
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({
      "x-forwarded-proto": "http",
      "x-forwarded-port": "80",
      accept: "*/*",
    });
    expect(event.headers?.["x-amzn-trace-id"]).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(event.headers?.host).toMatch(/\.us-east-1\.elb\.amazonaws\.com$/);
  });

  it("URL-encodes query values given as an object, as a client sends them", () => {
    expect(generateAlbEvent({ query: { q: "a b&c" } }).queryStringParameters).toEqual({
      q: "a%20b%26c",
    });
  });

  it("passes a raw query string on undecoded, keeping the last of repeated names", () => {
    expect(generateAlbEvent({ path: "/search?q=a%20b&tag=x&tag=y" })).toMatchObject({
      path: "/search",
      queryStringParameters: { q: "a%20b", tag: "y" },
    });
  });

  it("keeps every value with multi-value headers", () => {
    const event = generateAlbEvent({
      query: "tag=x&tag=y",
      headers: { Cookie: ["a=1", "b=2"] },
      multiValueHeaders: true,
    });
    expect(event.multiValueQueryStringParameters).toEqual({ tag: ["x", "y"] });
    expect(event.multiValueHeaders?.cookie).toEqual(["a=1", "b=2"]);
    expect(event).not.toHaveProperty("headers");
    expect(event).not.toHaveProperty("queryStringParameters");
  });

  it("lower-cases header names and lets given headers replace the defaults", () => {
    const event = generateAlbEvent({
      headers: { "User-Agent": "test", "X-Forwarded-For": "10.0.0.1" },
    });
    expect(event.headers).toMatchObject({ "user-agent": "test", "x-forwarded-for": "10.0.0.1" });
  });

  it("sends JSON bodies as text with their content type and length", () => {
    const event = generateAlbEvent({ method: "POST", body: { a: 1 } });
    expect(event).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    expect(event.headers).toMatchObject({
      "content-type": "application/json",
      "content-length": "7",
    });
  });

  it("base64-encodes bytes, and text whose content type is not textual", () => {
    expect(generateAlbEvent({ body: Uint8Array.of(0xff, 0) })).toMatchObject({
      body: "/wA=",
      isBase64Encoded: true,
    });
    expect(
      generateAlbEvent({ body: "png", headers: { "content-type": "image/png" } }),
    ).toMatchObject({
      body: Buffer.from("png").toString("base64"),
      isBase64Encoded: true,
    });
    expect(
      generateAlbEvent({ body: "<a/>", headers: { "content-type": "application/xml" } }),
    ).toMatchObject({
      body: "<a/>",
      isBase64Encoded: false,
    });
  });

  it("accepts a target group ARN", () => {
    const arn =
      "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/lambda-target/49e9d65c45c6791a";
    expect(generateAlbEvent({ targetGroup: arn }).requestContext.elb.targetGroupArn).toBe(arn);
  });

  it.each([
    ["a path without /", { path: "orders" }, "path"],
    ["a lower-case method", { method: "get" }, "method"],
    ["a query in the path and as a parameter", { path: "/?a=1", query: "b=2" }, "query"],
    ["a header value that is not a string", { headers: { a: 1 } }, "headers.a"],
    ["an invalid target group name", { targetGroup: "-x" }, "targetGroup"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateAlbEvent(params as never)).toThrow(
      expect.objectContaining({ kind: "alb", param }),
    );
  });
});
