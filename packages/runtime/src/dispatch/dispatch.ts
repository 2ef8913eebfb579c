import type { Context } from "aws-lambda";
import { NoHandlerError } from "../errors.js";
import { type DetectedSource, detectSource } from "../sources/index.js";
import { albRoute, requestPath } from "./alb.js";
import { bucketKeys, bucketRoute } from "./bucket.js";
import { emailRoute, recipientsOf } from "./email.js";
import { patternRoute, ruleRoute, scheduleRoute } from "./event-bus.js";
import { Invocation, type Routes } from "./invocation.js";
import { acknowledge, type Route } from "./outcomes.js";
import { queueRoute } from "./queue.js";
import { taskRoute } from "./step-functions.js";
import { topicRoute } from "./topic.js";

/**
 * Routes one invocation: a Step Functions task by the alias it was invoked through, any other
 * event by its source (recognised from the fields AWS sets) and that source's key. An event
 * that cannot be routed throws here; `app.handler`, being async, rejects with the error.
 */
export function dispatch(
  event: unknown,
  context: Context | undefined,
  routes: Routes,
): Promise<unknown> {
  const invocation = new Invocation(routes, context);
  const task = taskRoute(event, invocation);
  if (task) return task();
  const source = detectSource(event);
  const route = routeOf(source, invocation);
  if (!route) throw noHandlerFor(source, invocation);
  return route();
}

/** The route of a source, or undefined when the app has no handler for it. */
function routeOf(source: DetectedSource, invocation: Invocation): Route | undefined {
  const { registry } = invocation;
  const inner = (carried: DetectedSource) => routeOf(carried, invocation);
  switch (source.kind) {
    case "sqs":
      return queueRoute(source, invocation, inner);
    case "sns":
      return topicRoute(source, invocation, inner);
    case "s3":
      return bucketRoute(source.key, source.event, invocation);
    case "s3-test-event":
    case "logs-control-message":
      return acknowledge;
    case "dynamodb":
    case "kinesis":
      return invocation.routeTo(
        source.key === null ? undefined : registry.byKey[source.kind].get(source.key),
        source.event,
      );
    case "logs":
      return invocation.routeTo(registry.byKey.logs.get(source.key), source.data);
    case "ses":
      return emailRoute(source, invocation);
    case "alb":
      return albRoute(source, invocation);
    case "rule":
      return ruleRoute(source, invocation);
    case "schedule":
      return scheduleRoute(source, invocation);
    case "eventbridge":
      return patternRoute(source.event, invocation);
  }
}

function noHandlerFor(source: DetectedSource, invocation: Invocation): NoHandlerError {
  const { registry } = invocation;
  const keysOf = (kind: string) =>
    registry.all.filter((r) => r.kind === kind).map((r) => r.manifest.key);
  const namesOf = (...kinds: string[]) =>
    registry.all.filter((r) => kinds.includes(r.kind)).map((r) => r.manifest.name);
  switch (source.kind) {
    case "sqs":
    case "sns": {
      // Name what the message carries (a bridge topic's S3 notification, say) over its carrier.
      const inner = source.records.find((record) => record.inner !== null)?.inner;
      return inner
        ? noHandlerFor(inner, invocation)
        : new NoHandlerError(source.kind, source.key, keysOf(source.kind));
    }
    case "s3":
      return new NoHandlerError("s3", source.key, bucketKeys(invocation));
    case "rule":
      return new NoHandlerError("rule", source.key, namesOf("eventbridge", "s3"));
    case "schedule":
      return new NoHandlerError("schedule", source.key, namesOf("schedule", "eventbridge"));
    case "ses":
      return new NoHandlerError("ses", recipientsOf(source).join(","), keysOf("ses"));
    case "alb":
      return new NoHandlerError("alb", requestPath(source), keysOf("alb"));
    default:
      return new NoHandlerError(source.kind, source.key, keysOf(source.kind));
  }
}
