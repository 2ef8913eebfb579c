import type { SNSEventRecord } from "aws-lambda";
import type { SnsSource } from "../sources/index.js";
import type { InnerRouter } from "./inner-route.js";
import type { Invocation } from "./invocation.js";
import { type Route, runAll } from "./outcomes.js";

/**
 * SNS messages go to the topic's handler, except S3 notifications published to the topic, which
 * go to the bucket's handler when it has one. Undefined when a message is left without handler.
 */
export function topicRoute(
  source: SnsSource,
  invocation: Invocation,
  innerRoute: InnerRouter,
): Route | undefined {
  const routes: Route[] = [];
  const own: SNSEventRecord[] = [];
  for (const { record, inner } of source.records) {
    const route = inner && innerRoute(inner);
    if (route) routes.push(route);
    else own.push(record);
  }
  if (own.length > 0) {
    const handler = source.key === null ? undefined : invocation.registry.byKey.sns.get(source.key);
    if (!handler) return undefined;
    const event = own.length === source.records.length ? source.event : { Records: own };
    routes.push(() => invocation.run(handler, event));
  }
  return () => runAll(routes);
}
