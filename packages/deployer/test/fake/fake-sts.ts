import * as sts from "@aws-sdk/client-sts";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";

export class FakeSts implements FakeService {
  readonly name = "STS";
  readonly client = sts.STSClient;
  readonly commands = sts as unknown as Record<string, unknown>;

  constructor(private readonly aws: FakeAws) {}

  handlers(): Handlers {
    return {
      GetCallerIdentity: () => ({
        Account: this.aws.account,
        Arn: `arn:${this.aws.partition}:iam::${this.aws.account}:user/deployer`,
        UserId: "AIDAFAKEDEPLOYER",
      }),
    };
  }
}
