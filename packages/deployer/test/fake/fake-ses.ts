import * as ses from "@aws-sdk/client-ses";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";

/** Receipt rule sets (seeded by tests) and their rules. */
export class FakeSes implements FakeService {
  readonly name = "SES";
  readonly client = ses.SESClient;
  readonly commands = ses as unknown as Record<string, unknown>;
  readonly ruleSets = new Map<string, ses.ReceiptRule[]>();

  constructor(private readonly aws: FakeAws) {}

  seedRuleSet(name: string): void {
    this.ruleSets.set(name, []);
  }

  handlers(): Handlers {
    return {
      DescribeReceiptRuleSet: ({ RuleSetName }: ses.DescribeReceiptRuleSetCommandInput) => ({
        Metadata: { Name: RuleSetName },
        Rules: structuredClone(this.#set(RuleSetName)),
      }),
      CreateReceiptRule: ({ RuleSetName, Rule }: ses.CreateReceiptRuleCommandInput) => {
        const rules = this.#set(RuleSetName);
        if (rules.some((r) => r.Name === Rule?.Name)) {
          throw awsError("AlreadyExistsException", `Rule ${Rule?.Name} already exists.`);
        }
        this.#checkInvoke(String(RuleSetName), Rule!);
        rules.push(structuredClone(Rule!));
        return {};
      },
      UpdateReceiptRule: ({ RuleSetName, Rule }: ses.UpdateReceiptRuleCommandInput) => {
        const rules = this.#set(RuleSetName);
        const index = rules.findIndex((r) => r.Name === Rule?.Name);
        if (index < 0)
          throw awsError("RuleDoesNotExistException", `Rule does not exist: ${Rule?.Name}`);
        this.#checkInvoke(String(RuleSetName), Rule!);
        rules[index] = structuredClone(Rule!);
        return {};
      },
      DeleteReceiptRule: ({ RuleSetName, RuleName }: ses.DeleteReceiptRuleCommandInput) => {
        const rules = this.#set(RuleSetName);
        this.ruleSets.set(
          String(RuleSetName),
          rules.filter((r) => r.Name !== RuleName),
        );
        return {};
      },
    };
  }

  /** SES checks that it may invoke the function, as this rule of this account. */
  #checkInvoke(ruleSet: string, rule: ses.ReceiptRule): void {
    const ruleArn = this.aws.arn("ses", `receipt-rule-set/${ruleSet}:receipt-rule/${rule.Name}`);
    for (const action of rule.Actions ?? []) {
      const functionArn = action.LambdaAction?.FunctionArn;
      if (
        functionArn &&
        !this.aws.lambda.permits(functionArn, "ses.amazonaws.com", ruleArn, this.aws.account)
      ) {
        throw awsError(
          "InvalidLambdaFunctionException",
          `Could not invoke Lambda function: ${functionArn}`,
        );
      }
    }
  }

  #set(name: string | undefined): ses.ReceiptRule[] {
    const rules = this.ruleSets.get(String(name));
    if (!rules) throw awsError("RuleSetDoesNotExistException", `Rule set does not exist: ${name}`);
    return rules;
  }
}
