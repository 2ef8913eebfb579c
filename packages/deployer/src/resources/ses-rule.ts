import {
  CreateReceiptRuleCommand,
  DeleteReceiptRuleCommand,
  DescribeReceiptRuleSetCommand,
  type ReceiptRule,
  UpdateReceiptRuleCommand,
} from "@aws-sdk/client-ses";
import type { JsonObject } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export interface SesRuleProperties extends JsonObject {
  /** Empty: every recipient of the rule set's domains. */
  recipients: string[];
  enabled: boolean;
  functionArn: string;
}

export function sesRuleId(ruleSet: string, name: string): string {
  return `ses-rule:${ruleSet}/${name}`;
}

/** SES receipt rules, in the rule set named by `ses_rule_set_name`, invoking the function. */
export const sesRuleType: ResourceType<SesRuleProperties> = {
  kind: "ses-rule",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<SesRuleProperties>[] = [];
    for (const ruleSet of new Set(
      [...desired, ...remembered].map((r) => String(r.locator.ruleSet)),
    )) {
      const described = await unlessNotFound(
        () => ctx.clients.ses.send(new DescribeReceiptRuleSetCommand({ RuleSetName: ruleSet })),
        "RuleSetDoesNotExistException",
        "RuleSetDoesNotExist",
      );
      for (const rule of described?.Rules ?? []) {
        const functionArn = rule.Actions?.find((a) => a.LambdaAction)?.LambdaAction?.FunctionArn;
        const name = rule.Name ?? "";
        if (functionArn !== ctx.functionArn || !name.startsWith(`${ctx.functionName}-`)) continue;
        found.push({
          kind: "ses-rule",
          id: sesRuleId(ruleSet, name),
          name,
          properties: {
            recipients: rule.Recipients ?? [],
            enabled: rule.Enabled ?? false,
            functionArn,
          },
          locator: { ruleSet },
        });
      }
    }
    return found;
  },

  async create(ctx, desired) {
    await ctx.clients.ses.send(
      new CreateReceiptRuleCommand({
        RuleSetName: String(desired.locator.ruleSet),
        Rule: receiptRule(desired),
      }),
    );
    return desired.locator;
  },

  async update(ctx, desired, live) {
    await ctx.clients.ses.send(
      new UpdateReceiptRuleCommand({
        RuleSetName: String(live.locator.ruleSet),
        Rule: receiptRule(desired),
      }),
    );
    return live.locator;
  },

  async delete(ctx: ReadContext, live) {
    await unlessNotFound(
      () =>
        ctx.clients.ses.send(
          new DeleteReceiptRuleCommand({
            RuleSetName: String(live.locator.ruleSet),
            RuleName: live.name,
          }),
        ),
      "RuleSetDoesNotExistException",
      "RuleDoesNotExistException",
    );
  },
};

function receiptRule({ name, properties }: DesiredResource<SesRuleProperties>): ReceiptRule {
  return {
    Name: name,
    Enabled: properties.enabled,
    Recipients: properties.recipients,
    ScanEnabled: false,
    Actions: [{ LambdaAction: { FunctionArn: properties.functionArn, InvocationType: "Event" } }],
  };
}

export function sesRuleResource(
  name: string,
  ruleSet: string,
  properties: SesRuleProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<SesRuleProperties> {
  return {
    kind: "ses-rule",
    id: sesRuleId(ruleSet, name),
    name,
    properties,
    locator: { ruleSet },
    dependsOn,
    registration,
  };
}
