import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { Domovoi } from "@domovoi/runtime";
import type { SNSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { FUNCTION_ARN, REGION, wire } from "./harness.js";

const topicArn = (name: string) => `arn:aws:sns:${REGION}:000000000000:${name}`;

describe("snsTopicSubscriber registrations", () => {
  it("get their topic and the function's subscription, which delivers one record per message", async () => {
    const messages: string[] = [];
    const app = new Domovoi({ name: "shop" });
    app.snsTopicSubscriber("bartender", async (event: SNSEvent) => {
      messages.push(...event.Records.map((record) => record.Sns.Message));
    });
    const wired = await wire(app);
    const [subscription] = wired.aws.sns.subscriptions(REGION);
    expect(subscription).toMatchObject({ protocol: "lambda", endpoint: FUNCTION_ARN });
    const sns = new SNSClient(wired.sdk);
    await sns.send(new PublishCommand({ TopicArn: topicArn("bartender"), Message: "one beer" }));
    await wired.until(() => messages.length > 0, "the delivery");
    expect(messages).toEqual(["one beer"]);
    expect(wired.invoker.invocations[0]?.request).toMatchObject({
      invocationType: "Event",
      trigger: "sns:bartender",
    });
    sns.destroy();
  });

  it("carry the filter policy in its scope", async () => {
    const messages: string[] = [];
    const app = new Domovoi({ name: "shop" });
    app.snsTopicSubscriber(
      "bartender",
      { filterPolicy: { beer: ["Quadrupel"] }, filterPolicyScope: "MessageBody" },
      async (event: SNSEvent) => {
        messages.push(...event.Records.map((record) => record.Sns.Message));
      },
    );
    const wired = await wire(app);
    const topic = wired.aws.sns.topic(topicArn("bartender"));
    for (const beer of ["Tripel", "Quadrupel"]) {
      wired.aws.sns.publish(topic, { message: JSON.stringify({ beer }), messageAttributes: {} });
    }
    await wired.until(() => messages.length > 0, "the matching message");
    await wired.clock.advance(1000);
    expect(messages).toEqual(['{"beer":"Quadrupel"}']);
  });

  it("reach a topic given by ARN in its region", async () => {
    const app = new Domovoi({ name: "shop" });
    app.snsTopicSubscriber("arn:aws:sns:eu-west-1:000000000000:alerts", async () => {});
    const { aws } = await wire(app);
    expect(aws.sns.topics("eu-west-1").map((topic) => topic.name)).toEqual(["alerts"]);
  });

  it("of another account are reported, and the others are provisioned", async () => {
    const app = new Domovoi({ name: "shop" });
    app.snsTopicSubscriber("arn:aws:sns:us-east-1:123456789012:theirs", async () => {});
    app.snsTopicSubscriber("ours", async () => {});
    const { aws, warnings } = await wire(app);
    expect(aws.sns.topics(REGION).map((topic) => topic.name)).toEqual(["ours"]);
    expect(warnings).toEqual([
      expect.stringContaining("belongs to account 123456789012; the emulator has only account"),
    ]);
  });
});
