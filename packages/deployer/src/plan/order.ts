import { RESOURCE_KINDS, type ResourceKind } from "../model/resource.js";
import type { Change, Step } from "./plan.js";

const RANK = new Map<ResourceKind, number>(RESOURCE_KINDS.map((kind, index) => [kind, index]));

/**
 * The apply order. Every kind only depends on kinds listed before it in RESOURCE_KINDS, so
 * removals go first, latest kind first (a notification entry before the permission it needed,
 * a mapping before its queue, the function before its role), then creations and updates,
 * earliest kind first. Removing first also frees what a replacement needs (a mapping's source,
 * a log group's two filter slots). Within a kind the order is the id's, so plans are stable.
 */
export function executionSteps(changes: readonly Change[]): Step[] {
  const removals = changes
    .filter((c) => c.action === "delete" || c.action === "replace")
    .sort((a, b) => compare(b, a));
  const additions = changes.filter((c) => c.action !== "delete").sort(compare);
  return [
    ...removals.map((change) => ({ operation: "delete" as const, change })),
    ...additions.map((change) => ({
      operation: change.action === "update" ? ("update" as const) : ("create" as const),
      change,
    })),
  ];
}

/** The plan's changes as they will be applied (a replace listed where it is created). */
export function orderChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => {
    const removal = Number(b.action === "delete") - Number(a.action === "delete");
    return removal !== 0 ? removal : a.action === "delete" ? compare(b, a) : compare(a, b);
  });
}

function compare(a: Change, b: Change): number {
  const rank = (RANK.get(a.kind) ?? 0) - (RANK.get(b.kind) ?? 0);
  return rank !== 0 ? rank : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
