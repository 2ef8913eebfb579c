import { checkTopicArn } from "./arns.js";
import type { QueryParams } from "./query-params.js";
import type { SnsBackend } from "./sns-backend.js";
import type { SnsTopic } from "./topic.js";

/** One query-protocol request for an action: its parameters and the caller's region. */
export interface ActionRequest {
  readonly backend: SnsBackend;
  readonly params: QueryParams;
  readonly region: string;
}

/** Runs an action; returns the content of its `<ActionResult>`, or undefined when it has none. */
export type SnsAction = (request: ActionRequest) => string | undefined;

/** The topic a parameter names, which must be in the caller's region and exist. */
export function topicParam(
  { backend, params, region }: ActionRequest,
  name = "TopicArn",
): SnsTopic {
  return backend.topic(checkTopicArn(params.string(name), region, name));
}
