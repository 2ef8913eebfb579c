import * as sfn from "@aws-sdk/client-sfn";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";

interface Machine {
  readonly name: string;
  readonly arn: string;
  readonly type: string;
  definition: string;
  roleArn: string;
}

/** State machines; creating one checks that Step Functions may assume its role. */
export class FakeSfn implements FakeService {
  readonly name = "SFN";
  readonly client = sfn.SFNClient;
  readonly commands = sfn as unknown as Record<string, unknown>;
  readonly machines = new Map<string, Machine>();

  constructor(private readonly aws: FakeAws) {}

  handlers(): Handlers {
    return {
      CreateStateMachine: ({
        name,
        definition,
        roleArn,
        type = "STANDARD",
      }: sfn.CreateStateMachineCommandInput) => {
        const arn = this.aws.arn("states", `stateMachine:${name}`);
        const existing = this.machines.get(arn);
        if (existing && (existing.definition !== definition || existing.roleArn !== roleArn)) {
          throw awsError("StateMachineAlreadyExists", `State Machine Already Exists: '${arn}'`);
        }
        this.#checkRole(String(roleArn));
        JSON.parse(String(definition));
        this.machines.set(arn, {
          name: String(name),
          arn,
          type,
          definition: String(definition),
          roleArn: String(roleArn),
        });
        return { stateMachineArn: arn, creationDate: new Date(0) };
      },
      DescribeStateMachine: ({ stateMachineArn }: sfn.DescribeStateMachineCommandInput) => {
        const machine = this.#machine(stateMachineArn);
        return {
          stateMachineArn: machine.arn,
          name: machine.name,
          status: "ACTIVE",
          type: machine.type,
          definition: machine.definition,
          roleArn: machine.roleArn,
          creationDate: new Date(0),
        };
      },
      UpdateStateMachine: ({
        stateMachineArn,
        definition,
        roleArn,
      }: sfn.UpdateStateMachineCommandInput) => {
        const machine = this.#machine(stateMachineArn);
        if (roleArn !== undefined) {
          this.#checkRole(roleArn);
          machine.roleArn = roleArn;
        }
        if (definition !== undefined) machine.definition = definition;
        return { updateDate: new Date(0) };
      },
      DeleteStateMachine: ({ stateMachineArn }: sfn.DeleteStateMachineCommandInput) => {
        this.machines.delete(String(stateMachineArn));
        return {};
      },
    };
  }

  #checkRole(roleArn: string): void {
    if (!this.aws.iam.canAssume(roleArn, "states.amazonaws.com")) {
      throw awsError(
        "AccessDeniedException",
        `Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.`,
      );
    }
  }

  #machine(arn: string | undefined): Machine {
    const machine = this.machines.get(String(arn));
    if (!machine)
      throw awsError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }
}
