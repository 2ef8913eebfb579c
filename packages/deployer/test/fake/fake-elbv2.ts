import * as elbv2 from "@aws-sdk/client-elastic-load-balancing-v2";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";

/** Target groups of type lambda (seeded by tests: Domovoi does not create them). */
export class FakeElbv2 implements FakeService {
  readonly name = "ELBv2";
  readonly client = elbv2.ElasticLoadBalancingV2Client;
  readonly commands = elbv2 as unknown as Record<string, unknown>;
  readonly targetGroups = new Map<string, Set<string>>();

  constructor(private readonly aws: FakeAws) {}

  seedTargetGroup(name: string): string {
    const arn = this.aws.arn("elasticloadbalancing", `targetgroup/${name}/0123456789abcdef`);
    this.targetGroups.set(arn, new Set());
    return arn;
  }

  handlers(): Handlers {
    return {
      DescribeTargetHealth: ({ TargetGroupArn }: elbv2.DescribeTargetHealthCommandInput) => ({
        TargetHealthDescriptions: [...this.#group(TargetGroupArn)].map((Id) => ({
          Target: { Id },
          TargetHealth: { State: "unavailable" },
        })),
      }),
      RegisterTargets: ({ TargetGroupArn, Targets }: elbv2.RegisterTargetsCommandInput) => {
        const group = this.#group(TargetGroupArn);
        for (const { Id } of Targets ?? []) {
          const functionArn = String(Id);
          if (
            !this.aws.lambda.permits(
              functionArn,
              "elasticloadbalancing.amazonaws.com",
              String(TargetGroupArn),
            )
          ) {
            throw awsError(
              "AccessDenied",
              `elasticloadbalancing principal does not have permission to invoke ${functionArn} from target group ${TargetGroupArn}`,
            );
          }
          if (group.size > 0 && !group.has(functionArn)) {
            throw awsError(
              "TooManyTargets",
              "You can register only one Lambda function per target group.",
            );
          }
          group.add(functionArn);
        }
        return {};
      },
      DeregisterTargets: ({ TargetGroupArn, Targets }: elbv2.DeregisterTargetsCommandInput) => {
        const group = this.#group(TargetGroupArn);
        for (const { Id } of Targets ?? []) group.delete(String(Id));
        return {};
      },
    };
  }

  #group(arn: string | undefined): Set<string> {
    const group = this.targetGroups.get(String(arn));
    if (!group) throw awsError("TargetGroupNotFound", `One or more target groups not found`);
    return group;
  }
}
