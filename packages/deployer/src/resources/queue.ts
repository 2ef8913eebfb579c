import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
} from "@aws-sdk/client-sqs";
import { unlessNotFound } from "../aws/errors.js";
import { lastArnPart } from "../aws/target.js";
import type {
  DesiredResource,
  NoProperties,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export function queueId(arn: string): string {
  return `queue:${arn}`;
}

/** A queue's URL and attributes, or `undefined` when it does not exist. */
export async function readQueue(ctx: ReadContext, arn: string, attributes: string[]) {
  const [, , , , account, name] = arn.split(":");
  const url = await unlessNotFound(
    async () =>
      (
        await ctx.clients.sqs.send(
          new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }),
        )
      ).QueueUrl,
    "QueueDoesNotExist",
    "AWS.SimpleQueueService.NonExistentQueue",
  );
  if (url === undefined) return undefined;
  const { Attributes = {} } = await ctx.clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: attributes as never }),
  );
  return { url, attributes: Attributes };
}

/**
 * A queue a handler consumes. Created when missing (with the registration's `queueAttributes`,
 * and a visibility timeout of six times the function's unless they set one), never deleted.
 * Lambda refuses a mapping whose queue's visibility timeout is below the function's timeout, so
 * an existing queue is checked before anything is changed.
 */
export const queueType: ResourceType<NoProperties> = {
  kind: "queue",
  retain: true,

  async discover(ctx, { desired }) {
    const found: ResourceState<NoProperties>[] = [];
    for (const queue of desired) {
      const live = await readQueue(ctx, String(queue.locator.arn), ["VisibilityTimeout"]);
      if (!live) continue;
      const visibilityTimeout = Number(live.attributes.VisibilityTimeout ?? 30);
      found.push({ ...queue, locator: { ...queue.locator, url: live.url, visibilityTimeout } });
    }
    return found;
  },

  check(desired, live) {
    const visibility = Number(live.locator.visibilityTimeout);
    const minimum = Number(desired.locator.minimumVisibilityTimeout);
    return visibility >= minimum
      ? []
      : [
          `Queue ${desired.name} has a VisibilityTimeout of ${visibility} s, less than the function timeout (${minimum} s): Lambda refuses the mapping. Raise it (AWS recommends ${6 * minimum} s).`,
        ];
  },

  async create(ctx, desired) {
    const { QueueUrl } = await ctx.clients.sqs.send(
      new CreateQueueCommand({
        QueueName: desired.name,
        Attributes: desired.locator.attributes as Record<string, string>,
      }),
    );
    return { ...desired.locator, url: QueueUrl ?? "" };
  },

  async update(_ctx, _desired, live) {
    return live.locator;
  },

  async delete() {
    // Retained: prune never deletes a user's queue.
  },
};

export function queueResource(
  arn: string,
  attributes: Record<string, string>,
  minimumVisibilityTimeout: number,
  registration: string,
): DesiredResource<NoProperties> {
  return {
    kind: "queue",
    id: queueId(arn),
    name: lastArnPart(arn),
    properties: {},
    locator: { arn, attributes, minimumVisibilityTimeout },
    dependsOn: [],
    registration,
  };
}
