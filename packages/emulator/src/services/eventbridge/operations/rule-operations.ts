import type { EventRule, RuleState } from "../event-rule.js";
import { RULE_STATES } from "../event-rule.js";
import { type EventBridgeOperation, NAME, page, targetBus, targetRule } from "./operation.js";

const putRule: EventBridgeOperation = (input, context) => {
  const rule = context.backend.putRule(targetBus(input, context), {
    name: input.string("Name", NAME),
    eventPattern: input.optionalString("EventPattern", { max: 4096 }),
    scheduleExpression: input.optionalString("ScheduleExpression", { max: 256 }),
    state: input.optionalEnum("State", RULE_STATES) ?? "ENABLED",
    description: input.optionalString("Description", { max: 512 }),
    roleArn: input.optionalString("RoleArn", { min: 1, max: 1600 }),
  });
  return { RuleArn: rule.arn };
};

const describeRule: EventBridgeOperation = (input, context) => {
  const rule = targetRule(input, context, "Name");
  return { ...ruleView(rule), CreatedBy: context.backend.account };
};

const deleteRule: EventBridgeOperation = (input, context) => {
  context.backend.deleteRule(targetBus(input, context), input.string("Name", NAME));
  return {};
};

const stateSetter =
  (state: RuleState): EventBridgeOperation =>
  (input, context) => {
    context.backend.setRuleState(targetRule(input, context, "Name"), state);
    return {};
  };

const listRules: EventBridgeOperation = (input, context) => {
  const prefix = input.optionalString("NamePrefix", NAME) ?? "";
  const rules = [...targetBus(input, context).rules.values()]
    .filter((rule) => rule.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(input, rules, (rule) => rule.name);
  return { Rules: items.map(ruleView), ...(nextToken && { NextToken: nextToken }) };
};

function ruleView(rule: EventRule): object {
  const { eventPattern, scheduleExpression, state, description, roleArn } = rule.definition;
  return {
    Name: rule.name,
    Arn: rule.arn,
    ...(eventPattern !== undefined && { EventPattern: eventPattern }),
    ...(scheduleExpression !== undefined && { ScheduleExpression: scheduleExpression }),
    State: state,
    ...(description !== undefined && { Description: description }),
    ...(roleArn !== undefined && { RoleArn: roleArn }),
    EventBusName: rule.bus.name,
  };
}

export const RULE_OPERATIONS = {
  PutRule: putRule,
  DescribeRule: describeRule,
  DeleteRule: deleteRule,
  EnableRule: stateSetter("ENABLED"),
  DisableRule: stateSetter("DISABLED"),
  ListRules: listRules,
};
