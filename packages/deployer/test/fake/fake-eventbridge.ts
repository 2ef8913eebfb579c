import * as events from "@aws-sdk/client-eventbridge";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { page } from "./paginate.js";

interface Rule {
  readonly name: string;
  readonly bus: string;
  readonly arn: string;
  pattern: string;
  state: string;
  readonly targets: Map<string, events.Target>;
}

/** Event buses ("default" always exists), rules and their targets. */
export class FakeEventBridge implements FakeService {
  readonly name = "EventBridge";
  readonly client = events.EventBridgeClient;
  readonly commands = events as unknown as Record<string, unknown>;
  readonly buses = new Set(["default"]);
  readonly rules = new Map<string, Rule>();

  constructor(private readonly aws: FakeAws) {}

  handlers(): Handlers {
    return {
      PutRule: ({
        Name,
        EventBusName = "default",
        EventPattern,
        State = "ENABLED",
      }: events.PutRuleCommandInput) => {
        this.#bus(EventBusName);
        JSON.parse(String(EventPattern));
        const key = `${EventBusName}/${Name}`;
        const rule = this.rules.get(key) ?? {
          name: String(Name),
          bus: EventBusName,
          arn: this.aws.arn("events", EventBusName === "default" ? `rule/${Name}` : `rule/${key}`),
          pattern: "",
          state: "",
          targets: new Map(),
        };
        rule.pattern = String(EventPattern);
        rule.state = State;
        this.rules.set(key, rule);
        return { RuleArn: rule.arn };
      },
      DescribeRule: ({ Name, EventBusName }: events.DescribeRuleCommandInput) => {
        const rule = this.#rule(EventBusName, Name);
        return {
          Name: rule.name,
          Arn: rule.arn,
          EventPattern: rule.pattern,
          State: rule.state,
          EventBusName: rule.bus,
        };
      },
      DeleteRule: ({ Name, EventBusName }: events.DeleteRuleCommandInput) => {
        const rule = this.#rule(EventBusName, Name);
        if (rule.targets.size > 0)
          throw awsError("ValidationException", "Rule can't be deleted since it has targets.");
        this.rules.delete(`${rule.bus}/${rule.name}`);
        return {};
      },
      ListRuleNamesByTarget: ({
        TargetArn,
        EventBusName = "default",
        NextToken,
      }: events.ListRuleNamesByTargetCommandInput) => {
        this.#bus(EventBusName);
        const names = [...this.rules.values()]
          .filter(
            (r) =>
              r.bus === EventBusName && [...r.targets.values()].some((t) => t.Arn === TargetArn),
          )
          .map((r) => r.name);
        const { items, next } = page(names, NextToken);
        return { RuleNames: items, NextToken: next };
      },
      ListTargetsByRule: ({ Rule: name, EventBusName }: events.ListTargetsByRuleCommandInput) => ({
        Targets: structuredClone([...this.#rule(EventBusName, name).targets.values()]),
      }),
      PutTargets: ({ Rule: name, EventBusName, Targets = [] }: events.PutTargetsCommandInput) => {
        const rule = this.#rule(EventBusName, name);
        for (const target of Targets) rule.targets.set(String(target.Id), structuredClone(target));
        return { FailedEntryCount: 0, FailedEntries: [] };
      },
      RemoveTargets: ({ Rule: name, EventBusName, Ids = [] }: events.RemoveTargetsCommandInput) => {
        const rule = this.#rule(EventBusName, name);
        for (const id of Ids) rule.targets.delete(id);
        return { FailedEntryCount: 0, FailedEntries: [] };
      },
    };
  }

  #bus(name: string): void {
    if (!this.buses.has(name))
      throw awsError("ResourceNotFoundException", `Event bus ${name} does not exist.`);
  }

  #rule(bus: string | undefined, name: string | undefined): Rule {
    const rule = this.rules.get(`${bus ?? "default"}/${name}`);
    if (!rule)
      throw awsError(
        "ResourceNotFoundException",
        `Rule ${name} does not exist on EventBus ${bus ?? "default"}.`,
      );
    return rule;
  }
}
