import type { ALBEvent } from "aws-lambda";
import { arnResourceName } from "./arn.js";
import { Fields, isJsonObject } from "./fields.js";

/** Only Application Load Balancers put an `elb` object in `requestContext`; API Gateway does not. */
export function isAlbEvent(event: unknown): event is ALBEvent {
  return (
    isJsonObject(event) &&
    isJsonObject(event.requestContext) &&
    isJsonObject(event.requestContext.elb)
  );
}

/** The target group of `arn:…:targetgroup/<name>/<id>`. */
export function albTargetGroupName(targetGroupArn: string): string | null {
  return arnResourceName(targetGroupArn, "targetgroup");
}

/** An HTTP request, routed by the name of the target group that forwarded it. */
export interface AlbSource {
  readonly kind: "alb";
  readonly event: ALBEvent;
  readonly key: string | null;
}

export function detectAlb(event: ALBEvent, path = ""): AlbSource {
  const elb = Fields.of(event, path).object("requestContext").object("elb");
  return { kind: "alb", event, key: albTargetGroupName(elb.string("targetGroupArn")) };
}
