import {
  CreateTopicCommand,
  DeleteTopicCommand,
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  SetTopicAttributesCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();
const topicArn = (name: string, region = REGION) => `arn:aws:sns:${region}:${ACCOUNT}:${name}`;

describe("CreateTopic", () => {
  it("creates a standard topic with SNS's computed attributes", async () => {
    const { sns } = emulator();
    const { TopicArn } = await sns.send(
      new CreateTopicCommand({ Name: "bartender", Attributes: { DisplayName: "Bar" } }),
    );
    expect(TopicArn).toBe(topicArn("bartender"));
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(Attributes).toMatchObject({
      DisplayName: "Bar",
      Owner: ACCOUNT,
      SubscriptionsConfirmed: "0",
      SubscriptionsPending: "0",
      SubscriptionsDeleted: "0",
      TopicArn,
    });
    expect(Object.keys(Attributes ?? {}).sort()).toEqual([
      "DisplayName",
      "EffectiveDeliveryPolicy",
      "Owner",
      "Policy",
      "SubscriptionsConfirmed",
      "SubscriptionsDeleted",
      "SubscriptionsPending",
      "TopicArn",
    ]);
    expect(JSON.parse(Attributes?.Policy ?? "")).toMatchObject({
      Statement: [
        { Resource: TopicArn, Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT } } },
      ],
    });
  });

  it("creates a FIFO topic named .fifo with FifoTopic and ContentBasedDeduplication", async () => {
    const { sns } = emulator();
    const { TopicArn } = await sns.send(
      new CreateTopicCommand({
        Name: "orders.fifo",
        Attributes: { FifoTopic: "true", ContentBasedDeduplication: "TRUE" },
      }),
    );
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(Attributes).toMatchObject({ FifoTopic: "true", ContentBasedDeduplication: "true" });
  });

  it("is idempotent: same ARN, attributes kept, fewer tags accepted", async () => {
    const { sns } = emulator();
    const tags = [
      { Key: "a", Value: "1" },
      { Key: "b", Value: "2" },
    ];
    const first = await sns.send(
      new CreateTopicCommand({ Name: "t", Attributes: { DisplayName: "first" }, Tags: tags }),
    );
    for (const again of [{ Tags: tags }, { Tags: [tags[0]!] }, { Tags: [] }, {}]) {
      const { TopicArn } = await sns.send(
        new CreateTopicCommand({ Name: "t", Attributes: { DisplayName: "second" }, ...again }),
      );
      expect(TopicArn).toBe(first.TopicArn);
    }
    const { Attributes } = await sns.send(
      new GetTopicAttributesCommand({ TopicArn: first.TopicArn }),
    );
    expect(Attributes?.DisplayName).toBe("first");
  });

  it.each([
    [
      "different tags",
      { Name: "t", Tags: [{ Key: "k", Value: "v" }] },
      "Invalid parameter: Tags Reason: Topic already exists with different tags",
    ],
  ])("refuses %s for an existing topic", async (_name, input, message) => {
    const { sns } = emulator();
    await sns.send(new CreateTopicCommand({ Name: "t" }));
    expect(await failureOf(sns.send(new CreateTopicCommand(input)))).toMatchObject({
      name: "InvalidParameterException",
      message,
    });
  });

  it.each([
    ["an empty name", ""],
    ["a name over 256 characters", "a".repeat(257)],
    ["a colon", "a:b"],
    ["a space", "a b"],
    [".fifo without FifoTopic", "t.fifo"],
  ])("refuses %s: Invalid parameter: Topic Name", async (_case, name) => {
    const { sns } = emulator();
    expect(await failureOf(sns.send(new CreateTopicCommand({ Name: name })))).toMatchObject({
      name: "InvalidParameterException",
      code: "InvalidParameter",
      message: "Invalid parameter: Topic Name",
      status: 400,
    });
  });

  it("accepts a 256-character name", async () => {
    const { sns } = emulator();
    const name = "a".repeat(256);
    expect((await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn).toBe(topicArn(name));
  });

  it("refuses a FIFO topic whose name does not end in .fifo", async () => {
    const { sns } = emulator();
    const error = await failureOf(
      sns.send(new CreateTopicCommand({ Name: "orders", Attributes: { FifoTopic: "true" } })),
    );
    expect(error.message).toMatch(/^Invalid parameter: Fifo Topic names must end with \.fifo/);
  });

  it.each([
    [
      "an unknown attribute",
      { Colour: "red" },
      "Invalid parameter: Attributes Reason: Unknown attribute Colour",
    ],
    [
      "ContentBasedDeduplication on a standard topic",
      { ContentBasedDeduplication: "true" },
      "Invalid parameter: Attributes Reason: Unknown attribute ContentBasedDeduplication",
    ],
    [
      "a Policy that is not JSON",
      { Policy: "{nope" },
      "Invalid parameter: Attributes Reason: Policy: failed to parse JSON.",
    ],
    [
      "a SignatureVersion other than 1 or 2",
      { SignatureVersion: "3" },
      "Invalid parameter: Attributes Reason: SignatureVersion: Invalid value [3]. Must be one of 1, 2.",
    ],
  ])("refuses %s", async (_case, attributes, message) => {
    const { sns } = emulator();
    expect(
      await failureOf(sns.send(new CreateTopicCommand({ Name: "t", Attributes: attributes }))),
    ).toMatchObject({ name: "InvalidParameterException", message });
  });
});

describe("DeleteTopic", () => {
  it("deletes the topic and its subscriptions, and succeeds again for a deleted topic", async () => {
    const { sns, backend } = emulator();
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "t" }));
    const topic = backend.topic(TopicArn ?? "");
    const subscription = backend.subscribe(topic, "sqs", `arn:aws:sqs:${REGION}:${ACCOUNT}:q`);
    await sns.send(new DeleteTopicCommand({ TopicArn }));
    await sns.send(new DeleteTopicCommand({ TopicArn }));
    expect(subscription.active).toBe(false);
    expect(await failureOf(sns.send(new GetTopicAttributesCommand({ TopicArn })))).toMatchObject({
      name: "NotFoundException",
      message: "Topic does not exist",
      status: 404,
    });
  });

  it("refuses a malformed ARN and a topic of another region", async () => {
    const { sns } = emulator();
    expect(await failureOf(sns.send(new DeleteTopicCommand({ TopicArn: "t" })))).toMatchObject({
      message: "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1",
    });
    expect(
      await failureOf(sns.send(new DeleteTopicCommand({ TopicArn: topicArn("t", "eu-west-1") }))),
    ).toMatchObject({ message: "Invalid parameter: TopicArn" });
  });
});

describe("GetTopicAttributes / SetTopicAttributes", () => {
  it("sets, shows and removes attributes", async () => {
    const { sns } = emulator();
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "t" }));
    const deliveryPolicy = JSON.stringify({ http: { disableSubscriptionOverrides: false } });
    await sns.send(
      new SetTopicAttributesCommand({
        TopicArn,
        AttributeName: "DeliveryPolicy",
        AttributeValue: deliveryPolicy,
      }),
    );
    await sns.send(
      new SetTopicAttributesCommand({
        TopicArn,
        AttributeName: "DisplayName",
        AttributeValue: "Bar",
      }),
    );
    const set = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(set.Attributes).toMatchObject({ DeliveryPolicy: deliveryPolicy, DisplayName: "Bar" });
    await sns.send(
      new SetTopicAttributesCommand({
        TopicArn,
        AttributeName: "DeliveryPolicy",
        AttributeValue: "",
      }),
    );
    const removed = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(removed.Attributes).not.toHaveProperty("DeliveryPolicy");
  });

  it.each([
    ["FifoTopic", "false", "Invalid parameter: AttributeName"],
    ["Colour", "red", "Invalid parameter: AttributeName"],
    [
      "TracingConfig",
      "Sometimes",
      "Invalid parameter: TracingConfig: Invalid value [Sometimes]. Must be one of PassThrough, Active.",
    ],
  ])("refuses setting %s to %s", async (name, value, message) => {
    const { sns } = emulator();
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "t" }));
    expect(
      await failureOf(
        sns.send(
          new SetTopicAttributesCommand({ TopicArn, AttributeName: name, AttributeValue: value }),
        ),
      ),
    ).toMatchObject({ name: "InvalidParameterException", message });
  });

  it("answers NotFound for a well-formed ARN of no topic", async () => {
    const { sns } = emulator();
    expect(
      await failureOf(sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn("nope") }))),
    ).toMatchObject({ name: "NotFoundException", code: "NotFound", status: 404 });
  });

  it("names a missing TopicArn as SNS's validation does", async () => {
    const { sns } = emulator();
    expect(
      await failureOf(sns.send(new GetTopicAttributesCommand({} as { TopicArn: string }))),
    ).toMatchObject({
      code: "ValidationError",
      message:
        "1 validation error detected: Value null at 'topicArn' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe("ListTopics", () => {
  it("lists the region's topics 100 a page, in creation order", async () => {
    const { sns, backend } = emulator();
    const names = Array.from({ length: 230 }, (_, index) => `topic-${index}`);
    for (const name of names) backend.createTopic(REGION, name);
    backend.createTopic("eu-west-1", "elsewhere");
    const pages: string[][] = [];
    let NextToken: string | undefined;
    do {
      const page = await sns.send(new ListTopicsCommand({ NextToken }));
      pages.push((page.Topics ?? []).map((topic) => topic.TopicArn ?? ""));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(pages.map((page) => page.length)).toEqual([100, 100, 30]);
    expect(pages.flat()).toEqual(names.map((name) => topicArn(name)));
  });

  it("does not shift a page when a topic of an earlier page is deleted", async () => {
    const { sns, backend } = emulator();
    for (let index = 0; index < 150; index++) backend.createTopic(REGION, `topic-${index}`);
    const first = await sns.send(new ListTopicsCommand({}));
    await sns.send(new DeleteTopicCommand({ TopicArn: topicArn("topic-0") }));
    const second = await sns.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    expect(second.Topics?.[0]?.TopicArn).toBe(topicArn("topic-100"));
    expect(second.Topics).toHaveLength(50);
  });

  it("refuses a token it did not give", async () => {
    const { sns } = emulator();
    expect(await failureOf(sns.send(new ListTopicsCommand({ NextToken: "@@" })))).toMatchObject({
      message: "Invalid parameter: NextToken",
    });
  });
});

describe("tags", () => {
  it("tags, lists and untags a topic; refuses duplicated keys", async () => {
    const { sns } = emulator();
    const { TopicArn: ResourceArn } = await sns.send(
      new CreateTopicCommand({ Name: "t", Tags: [{ Key: "k0", Value: "v0" }] }),
    );
    await sns.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: "k1", Value: "v1" }] }));
    await sns.send(new UntagResourceCommand({ ResourceArn, TagKeys: ["k0"] }));
    const { Tags } = await sns.send(new ListTagsForResourceCommand({ ResourceArn }));
    expect(Tags).toEqual([{ Key: "k1", Value: "v1" }]);
    expect(
      await failureOf(
        sns.send(
          new TagResourceCommand({
            ResourceArn,
            Tags: [
              { Key: "k", Value: "1" },
              { Key: "k", Value: "2" },
            ],
          }),
        ),
      ),
    ).toMatchObject({ message: "Invalid parameter: Duplicated keys are not allowed." });
  });
});
