import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEmulatorApp } from "../../src/server/app.js";
import { listen } from "../../src/server/server.js";
import { createServiceDispatcher } from "../../src/services/dispatch.js";
import { AwsServiceError } from "../../src/services/errors.js";
import { routeRequest } from "../../src/services/router.js";
import type { EmulatedService } from "../../src/services/service.js";

const seen: { service: string; region: string }[] = [];

/** A stand-in service that records what reached it and fails like SQS does for a missing queue. */
const sqs: EmulatedService = {
  signingName: "sqs",
  protocol: "awsJson",
  async handle(request) {
    seen.push({ service: request.service, region: request.region });
    throw new AwsServiceError("QueueDoesNotExist", "The specified queue does not exist.", {
      queryErrorCode: "AWS.SimpleQueueService.NonExistentQueue",
    });
  },
};

let app: FastifyInstance;
let url: string;
const clientConfig = () => ({
  endpoint: url,
  region: "eu-west-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});

beforeAll(async () => {
  app = buildEmulatorApp({
    dispatcher: createServiceDispatcher([sqs], { defaultRegion: "us-east-1" }),
  });
  ({ url } = await listen(app, { port: 0 }));
});
afterAll(() => app.close());

describe("one endpoint for every emulated service", () => {
  it("routes by the SigV4 credential scope and answers errors in the service's protocol", async () => {
    const error = await new SQSClient(clientConfig())
      .send(new ListQueuesCommand({}))
      .catch((e) => e);
    expect(error.name).toBe("QueueDoesNotExist");
    expect(error.message).toBe("The specified queue does not exist.");
    expect(seen).toEqual([{ service: "sqs", region: "eu-west-1" }]);
  });

  it.each([
    [
      "sns (query protocol)",
      () => new SNSClient(clientConfig()).send(new ListTopicsCommand({})),
      "sns",
    ],
    [
      "s3 (REST-XML)",
      () =>
        new S3Client({ ...clientConfig(), forcePathStyle: true }).send(new ListBucketsCommand({})),
      "s3",
    ],
    [
      "ssm (JSON)",
      () => new SSMClient(clientConfig()).send(new GetParameterCommand({ Name: "x" })),
      "ssm",
    ],
  ])("refuses a service it does not emulate, in kind: %s", async (_name, call, service) => {
    const error = await call().catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("NotEmulated");
    expect((error as Error).message).toContain(`does not emulate the AWS service "${service}"`);
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(501);
  });
});

describe("routeRequest without a signature", () => {
  const facts = (headers: Record<string, string>, body = "", path = "/", method = "POST") => ({
    method,
    path,
    query: new URLSearchParams(),
    headers,
    body: Buffer.from(body),
  });

  it("uses each protocol's own markers", () => {
    expect(routeRequest(facts({ "x-amz-target": "DynamoDB_20120810.PutItem" }))).toMatchObject({
      service: "dynamodb",
      protocol: "awsJson",
    });
    expect(
      routeRequest(
        facts(
          { "content-type": "application/x-www-form-urlencoded" },
          "Action=Publish&Version=2010-03-31",
        ),
      ),
    ).toMatchObject({ service: "sns", protocol: "awsQuery" });
    expect(routeRequest(facts({}, "", "/2015-03-31/functions/f/invocations"))).toMatchObject({
      service: "lambda",
      protocol: "restJson",
    });
    expect(routeRequest(facts({}, "", "/my-bucket/key", "GET"))).toMatchObject({
      service: "s3",
      protocol: "restXml",
    });
  });
});
