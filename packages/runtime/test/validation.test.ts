import { describe, expect, it } from "vitest";
import { Domovoi, RegistrationError } from "../src/index.js";
import {
  InvalidFilterCriteriaError,
  InvalidFilterPolicyError,
  InvalidLogsFilterPatternError,
} from "../src/matching/errors.js";
import { validateManifest } from "../src/validation.js";

// A fresh anonymous handler each time: names are derived from the key, so they never collide.
const handler = () => async () => {};

function causeOf(register: (app: Domovoi) => void): unknown {
  const app = new Domovoi({ name: "shop" });
  register(app);
  try {
    validateManifest(app.manifest());
  } catch (error) {
    expect(error).toBeInstanceOf(RegistrationError);
    return (error as Error).cause;
  }
  return undefined;
}

describe("validateManifest", () => {
  it("accepts what AWS accepts", () => {
    const cause = causeOf((app) => {
      app.snsTopicSubscriber("news", { filterPolicy: { beer: ["quadrupel"] } }, handler());
      app.sqsQueueSubscriber(
        "orders",
        { filterCriteria: { Filters: [{ Pattern: '{"body":{"beer":[1]}}' }] } },
        handler(),
      );
      app.cloudwatchLogsSubFilterHandler(
        { logGroupName: "watchtower", filterPattern: "{ $.x = 8 }" },
        handler(),
      );
    });
    expect(cause).toBeUndefined();
  });

  it("names the registration whose SNS filter policy AWS would reject", () => {
    const app = new Domovoi({ name: "shop" });
    app.snsTopicSubscriber(
      "news",
      { name: "tend", filterPolicy: { beer: "quadrupel" } },
      handler(),
    );
    expect(() => validateManifest(app.manifest())).toThrow(/^sns tend: Invalid parameter/);
    const cause = causeOf((other) =>
      other.snsTopicSubscriber("news", { filterPolicy: { beer: "quadrupel" } }, handler()),
    );
    expect(cause).toBeInstanceOf(InvalidFilterPolicyError);
  });

  it("checks filter criteria with the rules of each event source", () => {
    const invalid = { Filters: [{ Pattern: '{"eventSource": "aws:sqs"}' }] };
    expect(
      causeOf((app) => app.sqsQueueSubscriber("orders", { filterCriteria: invalid }, handler())),
    ).toBeInstanceOf(InvalidFilterCriteriaError);
    expect(
      causeOf((app) => app.kinesisStreamHandler("clicks", { filterCriteria: invalid }, handler())),
    ).toBeInstanceOf(InvalidFilterCriteriaError);
  });

  it("checks Logs filter patterns", () => {
    const cause = causeOf((app) =>
      app.cloudwatchLogsSubFilterHandler(
        { logGroupName: "watchtower", filterPattern: "{ $.x = " },
        handler(),
      ),
    );
    expect(cause).toBeInstanceOf(InvalidLogsFilterPatternError);
  });
});
