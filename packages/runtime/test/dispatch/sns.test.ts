import type { S3Event, SNSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { Domovoi, MalformedEventError, NoHandlerError } from "../../src/index.js";
import { S3_TEST_EVENT, s3Notification, snsEvent } from "../support/events.js";
import { lambdaContext } from "../support/lambda-context.js";

const S3_SUBJECT = "Amazon S3 Notification";

function shop() {
  const calls: { topic: SNSEvent[]; bucket: S3Event[] } = { topic: [], bucket: [] };
  const app = new Domovoi({ name: "shop" });
  app.snsTopicSubscriber("news", async (event) => {
    calls.topic.push(event);
    return "topic";
  });
  app.s3EventHandler({ bucket: "my-s3-bucket" }, async (event) => {
    calls.bucket.push(event);
    return "bucket";
  });
  return { app, calls };
}

describe("SNS dispatch", () => {
  it("gives a topic's messages to its handler, unchanged", async () => {
    const { app, calls } = shop();
    const event = snsEvent("news", "hello");
    await expect(app.handler(event, lambdaContext())).resolves.toBe("topic");
    expect(calls.topic[0]).toBe(event);
  });

  it("gives S3 notifications published to the topic to the bucket's handler", async () => {
    const { app, calls } = shop();
    const notification = s3Notification("my-s3-bucket", ["ObjectCreated:Put", "a.txt"]);
    const event = snsEvent("news", JSON.stringify(notification), S3_SUBJECT);
    await expect(app.handler(event, lambdaContext())).resolves.toBe("bucket");
    expect(calls.bucket).toEqual([notification]);
    expect(calls.topic).toEqual([]);
  });

  it("leaves an S3 notification of a bucket without handler to the topic's handler", async () => {
    const { app, calls } = shop();
    const notification = s3Notification("other-bucket", ["ObjectCreated:Put", "a.txt"]);
    await app.handler(snsEvent("news", JSON.stringify(notification), S3_SUBJECT), lambdaContext());
    expect(calls.topic).toHaveLength(1);
  });

  it("drops S3 test events and reports S3-subject messages that are not S3's", async () => {
    const { app, calls } = shop();
    const test = snsEvent("news", JSON.stringify(S3_TEST_EVENT), S3_SUBJECT);
    await expect(app.handler(test, lambdaContext())).resolves.toBeUndefined();
    expect(calls).toEqual({ topic: [], bucket: [] });
    const forged = snsEvent("news", '{"beer":1}', S3_SUBJECT);
    await expect(app.handler(forged, lambdaContext())).rejects.toThrow(MalformedEventError);
  });

  it("names the topic and the registered ones when no handler fits", async () => {
    const { app } = shop();
    await expect(app.handler(snsEvent("alerts", "x"), lambdaContext())).rejects.toThrow(
      new NoHandlerError("sns", "alerts", ["news"]),
    );
  });
});
