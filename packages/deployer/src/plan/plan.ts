import type { FieldChange } from "../model/diff.js";
import type { DesiredResource, ResourceKind, ResourceState } from "../model/resource.js";

export type ChangeAction = "create" | "update" | "replace" | "delete";

/** One change the plan makes to one resource. */
export interface Change {
  readonly action: ChangeAction;
  readonly kind: ResourceKind;
  readonly id: string;
  readonly name: string;
  readonly registration?: string;
  /** Changed fields (update, replace). */
  readonly fields: readonly FieldChange[];
  readonly desired?: DesiredResource;
  readonly live?: ResourceState;
}

/** What a deploy of a stage would do, computed from the manifest and the account's state. */
export interface Plan {
  readonly app: string;
  readonly stage: string;
  readonly account: string;
  readonly region: string;
  readonly functionName: string;
  /** In the order they are applied. */
  readonly changes: readonly Change[];
  /** Resources that already are as the manifest asks: ids and the live state found. */
  readonly unchanged: readonly ResourceState[];
  readonly warnings: readonly string[];
}

/** Changes that remove something: they need a confirmation (`--yes`). */
export function deletions(plan: Plan): Change[] {
  return plan.changes.filter((c) => c.action === "delete" || c.action === "replace");
}

export function isPending(plan: Plan): boolean {
  return plan.changes.length > 0;
}

/** One call sequence of the apply phase: a replace is a delete, then a create. */
export interface Step {
  readonly operation: "create" | "update" | "delete";
  readonly change: Change;
}
