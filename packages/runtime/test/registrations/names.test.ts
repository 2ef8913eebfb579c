import type { SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { Domovoi, DuplicateRegistrationError, RegistrationError } from "../../src/index.js";

const names = (app: Domovoi) => app.manifest().registrations.map((r) => r.name);

describe("registration names", () => {
  it("takes the name option first, then the function's own name", () => {
    const app = new Domovoi({ name: "shop" });
    async function tend() {}
    const restock = async () => {};
    app.snsTopicSubscriber("bartender", tend);
    app.sqsQueueSubscriber("orders", restock);
    app.sqsQueueSubscriber("returns", { name: "refunds" }, tend);
    expect(names(app)).toEqual(["tend", "restock", "refunds"]);
  });

  it("derives a name from the source and key for anonymous handlers, never a position", () => {
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("my_queue", async () => {});
    app.scheduledFunction("rate(1 minute)", async () => {});
    app.cloudwatchEventHandler({ source: ["aws.ecs"] }, async () => {});
    app.s3EventHandler({ bucket: "my-s3-bucket", prefix: "foo", suffix: ".bar" }, async () => {});
    app.albTarget(async () => ({ statusCode: 200 }));
    app.cloudwatchLogsSubFilterHandler({ logGroupName: "/aws/lambda/x" }, async () => {});
    expect(names(app)).toEqual([
      "sqs-my_queue",
      "schedule-rate-1-minute",
      "rule-source-aws.ecs",
      "s3-my-s3-bucket-foo-.bar",
      "alb",
      "logs-aws-lambda-x",
    ]);
  });

  it("shortens a long derived name with a hash of the key", () => {
    const app = new Domovoi({ name: "shop" });
    const pattern = { source: ["aws.ecs"], detail: { clusterArn: ["a".repeat(100)] } };
    app.cloudwatchEventHandler(pattern, async () => {});
    const [name] = names(app);
    expect(name).toMatch(/^rule-source-aws\.ecs-detail-clusterArn-a+-[0-9a-f]{8}$/);
    expect(name!.length).toBeLessThanOrEqual(64);
  });

  it("ignores a bound function's name, which is not a valid name", () => {
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("orders", async function handle() {}.bind(null));
    expect(names(app)).toEqual(["sqs-orders"]);
  });

  it("rejects two registrations with one name", () => {
    const app = new Domovoi({ name: "shop" });
    async function tend() {}
    app.snsTopicSubscriber("bartender", tend);
    expect(() => app.sqsQueueSubscriber("orders", tend)).toThrow(DuplicateRegistrationError);
    expect(() => app.sqsQueueSubscriber("orders", tend)).toThrow(
      /Two registrations are named tend/,
    );
  });

  it("rejects a second handler for a key one function can subscribe to once", () => {
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("orders", { name: "a" }, async () => {});
    expect(() => app.sqsQueueSubscriber("orders", { name: "b" }, async () => {})).toThrow(
      /b and a both handle sqs orders/,
    );
    app.snsTopicSubscriber("news", { name: "c" }, async () => {});
    expect(() =>
      app.snsTopicSubscriber(
        "arn:aws:sns:us-east-1:123456789012:news",
        { name: "d" },
        async () => {},
      ),
    ).toThrow(DuplicateRegistrationError);
  });

  it("rejects the same event pattern twice on one bus, and overlapping email recipients", () => {
    const app = new Domovoi({ name: "shop" });
    app.cloudwatchEventHandler({ source: ["aws.ecs"] }, { name: "a" }, async () => {});
    expect(() =>
      app.cloudwatchEventHandler('{"source":["aws.ecs"]}', { name: "b" }, async () => {}),
    ).toThrow(DuplicateRegistrationError);
    app.cloudwatchEventHandler(
      { source: ["aws.ecs"] },
      { name: "c", eventBusName: "orders" },
      async () => {},
    );
    app.emailReceiptHandler({ name: "sales", recipients: ["example.com"] }, async () => {});
    expect(() =>
      app.emailReceiptHandler({ name: "bob", recipients: ["Bob@Example.com"] }, async () => {}),
    ).toThrow(/accept some recipients in common/);
    app.emailReceiptHandler({ name: "eu", recipients: [".example.eu"] }, async () => {});
  });

  it("rejects names AWS resource names could not carry", () => {
    const app = new Domovoi({ name: "shop" });
    for (const name of ["", "has space", "x".repeat(65), 7]) {
      expect(() =>
        app.sqsQueueSubscriber("orders", { name } as { name: string }, async () => {}),
      ).toThrow(RegistrationError);
    }
  });

  it("returns every handler unchanged", () => {
    const app = new Domovoi({ name: "shop" });
    const handler = async (event: SQSEvent) => event.Records.length;
    expect(app.sqsQueueSubscriber("orders", handler)).toBe(handler);
    expect(app.sqsQueueSubscriber("returns", { name: "returns", batchSize: 5 }, handler)).toBe(
      handler,
    );
  });
});

describe("new Domovoi", () => {
  it("requires a name that can start a function name", () => {
    for (const name of ["", "1shop", "my shop", "x".repeat(64)]) {
      expect(() => new Domovoi({ name })).toThrow(RegistrationError);
    }
    expect(() => new Domovoi({ name: "shop", region: "x" } as never)).toThrow(
      /unknown option region/,
    );
  });
});
