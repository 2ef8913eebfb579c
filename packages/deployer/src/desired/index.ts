import { jsonEqual } from "../model/diff.js";
import type { DesiredResource } from "../model/resource.js";
import { albPart } from "./alb.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { eventRulesPart } from "./event-rules.js";
import { functionPart } from "./function.js";
import { logsPart } from "./logs.js";
import { s3Part } from "./s3.js";
import { schedulesPart } from "./schedules.js";
import { sesPart } from "./ses.js";
import { snsPart } from "./sns.js";
import { sqsPart } from "./sqs.js";
import { stateMachinesPart } from "./state-machines.js";
import { streamsPart } from "./streams.js";

export type { DesiredContext } from "./desired-context.js";

const PARTS = [
  functionPart,
  schedulesPart,
  eventRulesPart,
  snsPart,
  sqsPart,
  streamsPart,
  s3Part,
  logsPart,
  albPart,
  sesPart,
  stateMachinesPart,
] as const;

export interface DesiredState {
  readonly resources: readonly DesiredResource[];
  readonly warnings: readonly string[];
}

/**
 * Every resource the app and stage ask for. Parts may ask for one shared resource (a bucket's
 * EventBridge delivery for two handlers) more than once; they must then agree on it.
 */
export function desiredState(ctx: DesiredContext): DesiredState {
  const parts: DesiredPart[] = PARTS.map((part) => part(ctx));
  const byId = new Map<string, DesiredResource>();
  for (const resource of parts.flatMap((part) => part.resources)) {
    const known = byId.get(resource.id);
    if (known && !jsonEqual(known.properties, resource.properties)) {
      throw new Error(`Two parts of the app ask for ${resource.id} with different settings.`);
    }
    if (!known) byId.set(resource.id, resource);
  }
  return { resources: [...byId.values()], warnings: parts.flatMap((part) => part.warnings ?? []) };
}
