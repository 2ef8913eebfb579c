import type { JsonObject } from "@domovoi/runtime";
import type { AwsClients } from "../aws/clients.js";
import type { Target } from "../aws/target.js";
import type { Sleep } from "../aws/wait.js";
import type { CodePackage } from "../bundle/code-package.js";
import type { FieldChange } from "./diff.js";

export const RESOURCE_KINDS = [
  "role",
  "topic",
  "queue",
  "bridge-topic",
  "bridge-queue",
  "function",
  "alias",
  "permission",
  "state-machine",
  "schedule-group",
  "schedule",
  "event-rule",
  "subscription",
  "event-source-mapping",
  "logs-filter",
  "alb-target",
  "ses-rule",
  "s3-eventbridge",
  "s3-notification",
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Resources whose existence is all Domovoi manages. */
export type NoProperties = Record<string, never>;

/**
 * One AWS resource (or one entry of a shared one, such as a bucket's notification
 * configuration) as Domovoi manages it. `id` is derived from what identifies the resource in
 * AWS (`schedule:<name>`, `event-source-mapping:<source ARN>`), so that a resource read from the
 * account and one the manifest asks for are matched without any local state.
 */
export interface ResourceState<P extends JsonObject = JsonObject> {
  readonly kind: ResourceKind;
  readonly id: string;
  /** The physical name, as plans show it. */
  readonly name: string;
  /** The fields Domovoi manages, normalised so that desired and live compare equal. */
  readonly properties: P;
  /**
   * What finds the resource again (its ARN, a mapping's UUID, the bucket it lives in). The
   * journal keeps it, so that resources the manifest no longer names can still be pruned.
   */
  readonly locator: JsonObject;
}

export interface DesiredResource<P extends JsonObject = JsonObject> extends ResourceState<P> {
  /** Ids of the resources it refers to; they are always of kinds that are applied earlier. */
  readonly dependsOn: readonly string[];
  /** The registration (or state machine) it serves, for plans. */
  readonly registration?: string;
}

/** What every read of the account needs. */
export interface ReadContext {
  readonly clients: AwsClients;
  readonly app: string;
  readonly stage: string;
  readonly target: Target;
  readonly functionName: string;
  readonly functionArn: string;
  readonly sleep: Sleep;
}

export interface ApplyContext extends ReadContext {
  /** The deployment package; only function steps read it. */
  readonly code: CodePackage;
}

/** Where discovery looks: the resources the manifest asks for and those the journal remembers. */
export interface DiscoveryHints<P extends JsonObject> {
  readonly desired: readonly DesiredResource<P>[];
  readonly remembered: readonly ResourceState[];
}

/**
 * How Domovoi reads, creates, updates and deletes one kind of resource. Kinds are applied in the
 * order of {@link RESOURCE_KINDS} and deleted in reverse, so a resource only depends on kinds
 * listed before its own.
 */
export interface ResourceType<P extends JsonObject = JsonObject> {
  readonly kind: ResourceKind;
  /** Fields AWS cannot change in place: a change replaces the resource. */
  readonly replaceOn?: readonly string[];
  /** Resources that users own (topics, queues the original created): never deleted. */
  readonly retain?: boolean;
  /** Every resource of this kind that the stage owns, found by its ownership mark. */
  discover(ctx: ReadContext, hints: DiscoveryHints<P>): Promise<ResourceState<P>[]>;
  /**
   * Problems that AWS would refuse the desired resource for, given what exists (checked before
   * any change, and only for resources the app still wants).
   */
  check?(desired: DesiredResource<P>, live: ResourceState<P>): string[];
  /** Returns the locator of what it created. */
  create(ctx: ApplyContext, desired: DesiredResource<P>): Promise<JsonObject>;
  update(
    ctx: ApplyContext,
    desired: DesiredResource<P>,
    live: ResourceState<P>,
    changes: readonly FieldChange[],
  ): Promise<JsonObject>;
  delete(ctx: ApplyContext, live: ResourceState<P>): Promise<void>;
}
