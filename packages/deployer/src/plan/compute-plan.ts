import type { JsonObject } from "@domovoi/runtime";
import type { DesiredState } from "../desired/index.js";
import { DeployValidationError } from "../errors.js";
import { diffProperties } from "../model/diff.js";
import {
  type DesiredResource,
  RESOURCE_KINDS,
  type ReadContext,
  type ResourceState,
} from "../model/resource.js";
import { RESOURCE_TYPES } from "../resources/index.js";
import { orderChanges } from "./order.js";
import type { Change, Plan } from "./plan.js";

export interface PlanInputs {
  readonly ctx: ReadContext;
  /** What the manifest asks for; with `remove`, only used to find what exists. */
  readonly desired: DesiredState;
  /** What the journal remembers of earlier deploys (resources the manifest no longer names). */
  readonly remembered: readonly ResourceState[];
  /** `--delete`: every owned resource goes. */
  readonly remove: boolean;
  /** `--no-prune` turns this off: owned resources the manifest no longer asks for are kept. */
  readonly prune: boolean;
}

/** Reads everything the stage owns (read calls only) and compares it with what is desired. */
export async function computePlan(inputs: PlanInputs): Promise<Plan> {
  const { ctx, desired, remembered, remove, prune } = inputs;
  const live = new Map<string, ResourceState>();
  for (const kind of RESOURCE_KINDS) {
    const found = await RESOURCE_TYPES[kind].discover(ctx, {
      desired: desired.resources.filter((r) => r.kind === kind),
      remembered: remembered.filter((r) => r.kind === kind),
    });
    for (const resource of found) live.set(resource.id, resource);
  }
  const wanted = remove ? [] : desired.resources;
  const changes: Change[] = [];
  const unchanged: ResourceState[] = [];
  const problems = wanted.flatMap((resource) => {
    const existing = live.get(resource.id);
    return existing ? (RESOURCE_TYPES[resource.kind].check?.(resource, existing) ?? []) : [];
  });
  if (problems.length > 0) throw new DeployValidationError(problems);
  for (const resource of wanted) {
    const existing = live.get(resource.id);
    const change = compare(resource, existing);
    if (change) changes.push(change);
    else if (existing) unchanged.push(existing);
  }
  const wantedIds = new Set(wanted.map((r) => r.id));
  const kept: string[] = [];
  for (const resource of live.values()) {
    if (wantedIds.has(resource.id) || RESOURCE_TYPES[resource.kind].retain) continue;
    if (prune || remove) changes.push(deletion(resource));
    else kept.push(resource.id);
  }
  return {
    app: ctx.app,
    stage: ctx.stage,
    account: ctx.target.account,
    region: ctx.target.region,
    functionName: ctx.functionName,
    changes: orderChanges(changes),
    unchanged,
    warnings: [
      ...desired.warnings,
      ...(kept.length > 0
        ? [`--no-prune kept ${kept.length} resources the app no longer uses: ${kept.join(", ")}`]
        : []),
    ],
  };
}

function compare(desired: DesiredResource, live: ResourceState | undefined): Change | undefined {
  const base = {
    kind: desired.kind,
    id: desired.id,
    name: desired.name,
    desired,
    ...(desired.registration !== undefined && { registration: desired.registration }),
  };
  if (!live) return { ...base, action: "create", fields: [] };
  const fields = diffProperties(live.properties, desired.properties as JsonObject);
  if (fields.length === 0) return undefined;
  const replaceOn = new Set(RESOURCE_TYPES[desired.kind].replaceOn ?? []);
  const replaced = fields.some((field) => replaceOn.has(field.path.split(".")[0] ?? ""));
  return { ...base, live, action: replaced ? "replace" : "update", fields };
}

function deletion(live: ResourceState): Change {
  return { action: "delete", kind: live.kind, id: live.id, name: live.name, live, fields: [] };
}
