import type {
  DesiredResource,
  NoProperties,
  ResourceState,
  ResourceType,
} from "../model/resource.js";
import { changeNotifications, readNotifications } from "./bucket-notifications.js";

export function s3EventBridgeId(bucket: string): string {
  return `s3-eventbridge:${bucket}`;
}

/**
 * A bucket's delivery of its events to EventBridge, for handlers delivered through EventBridge.
 * It is bucket-wide and others may rely on it: Domovoi only turns it off again when it was
 * Domovoi that turned it on (the journal remembers), and leaves it alone otherwise.
 */
export const s3EventBridgeType: ResourceType<NoProperties> = {
  kind: "s3-eventbridge",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<NoProperties>[] = [];
    const enabledByDomovoi = new Set(
      remembered.filter((r) => r.locator.enabledByDomovoi === true).map((r) => r.locator.bucket),
    );
    const wanted = new Set(desired.map((d) => d.locator.bucket));
    for (const bucket of new Set([...wanted, ...enabledByDomovoi].map(String))) {
      const configuration = await readNotifications(ctx, bucket);
      if (!configuration?.EventBridgeConfiguration) continue;
      if (!wanted.has(bucket) && !enabledByDomovoi.has(bucket)) continue;
      found.push({
        kind: "s3-eventbridge",
        id: s3EventBridgeId(bucket),
        name: bucket,
        properties: {},
        locator: { bucket, enabledByDomovoi: enabledByDomovoi.has(bucket) },
      });
    }
    return found;
  },

  async create(ctx, desired) {
    await changeNotifications(ctx, desired.name, (c) => ({ ...c, EventBridgeConfiguration: {} }));
    return { bucket: desired.name, enabledByDomovoi: true };
  },

  async update(_ctx, _desired, live) {
    return live.locator;
  },

  async delete(ctx, live) {
    await changeNotifications(ctx, live.name, ({ EventBridgeConfiguration: _, ...c }) => c);
  },
};

export function s3EventBridgeResource(
  bucket: string,
  registration: string,
): DesiredResource<NoProperties> {
  return {
    kind: "s3-eventbridge",
    id: s3EventBridgeId(bucket),
    name: bucket,
    properties: {},
    locator: { bucket },
    dependsOn: [],
    registration,
  };
}
