import {
  DeleteRuleCommand,
  DescribeRuleCommand,
  ListRuleNamesByTargetCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from "@aws-sdk/client-eventbridge";
import type { JsonObject } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import { DeployError } from "../errors.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";
import { ownerTags, tagList } from "./ownership.js";

export interface EventRuleProperties extends JsonObject {
  eventPattern: JsonObject;
  state: "ENABLED" | "DISABLED";
  targetArn: string;
  /** The runtime's envelope, which names the rule so that the event reaches its registration. */
  inputTemplate: string;
}

/** The one target Domovoi puts on its rules. */
const TARGET_ID = "domovoi";

/** `{"domovoiRule": <rule name>, "event": <the whole event>}`, as the runtime unwraps it. */
export const RULE_INPUT_TEMPLATE =
  '{"domovoiRule": "<aws.events.rule-name>", "event": <aws.events.event.json>}';

export function eventRuleId(bus: string, name: string): string {
  return `event-rule:${bus}/${name}`;
}

/** EventBridge rules for event patterns (and S3 via EventBridge), each targeting the function. */
export const eventRuleType: ResourceType<EventRuleProperties> = {
  kind: "event-rule",

  async discover(ctx, { desired, remembered }) {
    const buses = new Map<string, Set<string>>([["default", new Set()]]);
    for (const rule of [...desired, ...remembered]) {
      const bus = String(rule.locator.bus);
      buses.set(bus, (buses.get(bus) ?? new Set()).add(rule.name));
    }
    const found: ResourceState<EventRuleProperties>[] = [];
    for (const [bus, named] of buses) {
      // Rules whose target was not put yet (a deploy stopped between the two calls) are only
      // found by name.
      const names = new Set([...(await rulesTargetingFunction(ctx, bus)), ...named]);
      for (const name of names) {
        const rule = await readRule(ctx, bus, name);
        if (rule) found.push(rule);
      }
    }
    return found;
  },

  async create(ctx, desired) {
    const arn = await putRule(ctx, desired);
    await putTarget(ctx, desired);
    return { bus: String(desired.locator.bus), arn };
  },

  async update(ctx, desired, live, changes) {
    const changed = (field: string) => changes.some((c) => c.path.split(".")[0] === field);
    if (changed("eventPattern") || changed("state")) await putRule(ctx, desired);
    if (changed("targetArn") || changed("inputTemplate")) await putTarget(ctx, desired);
    return live.locator;
  },

  async delete(ctx, live) {
    const bus = String(live.locator.bus);
    if (live.properties.targetArn !== "") {
      await ctx.clients.events.send(
        new RemoveTargetsCommand({ Rule: live.name, EventBusName: bus, Ids: [TARGET_ID] }),
      );
    }
    await ctx.clients.events.send(new DeleteRuleCommand({ Name: live.name, EventBusName: bus }));
  },
};

async function rulesTargetingFunction(ctx: ReadContext, bus: string): Promise<string[]> {
  const names: string[] = [];
  // EventBridge publishes no paginator for this call.
  const read = async () => {
    let NextToken: string | undefined;
    do {
      const page = await ctx.clients.events.send(
        new ListRuleNamesByTargetCommand({
          TargetArn: ctx.functionArn,
          EventBusName: bus,
          NextToken,
        }),
      );
      names.push(...(page.RuleNames ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
  };
  await unlessNotFound(read, "ResourceNotFoundException");
  // Users may point rules of their own at the function; Domovoi's carry the function's name.
  return names.filter((name) => name.startsWith(`${ctx.functionName}-`));
}

async function readRule(
  ctx: ReadContext,
  bus: string,
  name: string,
): Promise<ResourceState<EventRuleProperties> | undefined> {
  const rule = await unlessNotFound(
    () => ctx.clients.events.send(new DescribeRuleCommand({ Name: name, EventBusName: bus })),
    "ResourceNotFoundException",
  );
  if (!rule) return undefined;
  const { Targets = [] } = await ctx.clients.events.send(
    new ListTargetsByRuleCommand({ Rule: name, EventBusName: bus }),
  );
  const target = Targets.find((t) => t.Id === TARGET_ID);
  return {
    kind: "event-rule",
    id: eventRuleId(bus, name),
    name,
    properties: {
      eventPattern: JSON.parse(rule.EventPattern ?? "{}") as JsonObject,
      state: rule.State === "DISABLED" ? "DISABLED" : "ENABLED",
      targetArn: target?.Arn ?? "",
      inputTemplate: target?.InputTransformer?.InputTemplate ?? "",
    },
    locator: { bus, arn: rule.Arn ?? "" },
  };
}

async function putRule(ctx: ReadContext, desired: DesiredResource<EventRuleProperties>) {
  const { RuleArn } = await ctx.clients.events.send(
    new PutRuleCommand({
      Name: desired.name,
      EventBusName: String(desired.locator.bus),
      EventPattern: JSON.stringify(desired.properties.eventPattern),
      State: desired.properties.state,
      Tags: tagList(ownerTags(ctx.app, ctx.stage)),
    }),
  );
  return RuleArn ?? String(desired.locator.arn);
}

async function putTarget(ctx: ReadContext, desired: DesiredResource<EventRuleProperties>) {
  const { FailedEntryCount, FailedEntries } = await ctx.clients.events.send(
    new PutTargetsCommand({
      Rule: desired.name,
      EventBusName: String(desired.locator.bus),
      Targets: [
        {
          Id: TARGET_ID,
          Arn: desired.properties.targetArn,
          InputTransformer: { InputTemplate: desired.properties.inputTemplate },
        },
      ],
    }),
  );
  if (FailedEntryCount) {
    throw new DeployError(
      `PutTargets on rule ${desired.name} failed: ${FailedEntries?.[0]?.ErrorMessage ?? "unknown error"}`,
    );
  }
}

export function eventRuleResource(
  name: string,
  bus: string,
  arn: string,
  properties: EventRuleProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<EventRuleProperties> {
  return {
    kind: "event-rule",
    id: eventRuleId(bus, name),
    name,
    properties,
    locator: { bus, arn },
    dependsOn,
    registration,
  };
}
