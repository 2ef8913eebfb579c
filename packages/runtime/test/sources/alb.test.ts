import type { ALBEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { albTargetGroupName, detectAlb, isAlbEvent } from "../../src/sources/index.js";
import { casesLabelled, firstEventLabelled, loadEvent } from "./corpus.js";

describe("ALB corpus fixtures", () => {
  for (const entry of casesLabelled("alb")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isAlbEvent(event)).toBe(true);
      expect(detectAlb(event as unknown as ALBEvent)).toEqual({
        kind: "alb",
        event,
        key: entry.key,
      });
    });
  }
});

describe("ALB requests", () => {
  it("are told from API Gateway requests by requestContext.elb", () => {
    expect(isAlbEvent(firstEventLabelled("apigw-rest"))).toBe(false);
  });

  it("are routed by target group name", () => {
    const arn =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    expect(albTargetGroupName(arn)).toBe("web");
    expect(
      albTargetGroupName("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x/y"),
    ).toBeNull();
  });

  it("must name their target group", () => {
    const event = { ...firstEventLabelled<ALBEvent>("alb"), requestContext: { elb: {} } };
    expect(() => detectAlb(event as never)).toThrow(
      expect.objectContaining({ path: "requestContext.elb.targetGroupArn" }),
    );
  });
});
