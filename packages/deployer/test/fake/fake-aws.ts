import { mockClient } from "aws-sdk-client-mock";
import { awsError } from "./aws-error.js";
import { FakeDynamoDb } from "./fake-dynamodb.js";
import { FakeElbv2 } from "./fake-elbv2.js";
import { FakeEventBridge } from "./fake-eventbridge.js";
import { FakeIam } from "./fake-iam.js";
import { FakeLambda } from "./fake-lambda.js";
import { FakeLogs } from "./fake-logs.js";
import { FakeS3 } from "./fake-s3.js";
import { FakeScheduler } from "./fake-scheduler.js";
import { FakeSes } from "./fake-ses.js";
import { FakeSfn } from "./fake-sfn.js";
import { FakeSns } from "./fake-sns.js";
import { FakeSqs } from "./fake-sqs.js";
import { FakeSts } from "./fake-sts.js";

export interface RecordedCall {
  readonly service: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
  readonly mutating: boolean;
}

// Handlers take the SDK's typed input; `never` accepts any of them.
export type Handlers = Record<string, (input: never) => unknown>;

/** One service of the fake: the SDK client class it stands in for and its operations. */
export interface FakeService {
  readonly name: string;
  readonly client: Parameters<typeof mockClient>[0];
  readonly commands: Record<string, unknown>;
  handlers(): Handlers;
}

interface Failure {
  readonly operation: string;
  skip: number;
  readonly error: Error;
}

const READS = /^(Get|List|Describe)/;

/**
 * A stateful, in-memory AWS account and region for the calls the deployer makes, wired into the
 * SDK clients with aws-sdk-client-mock. It keeps ARNs, pagination (small pages), the states AWS
 * passes through (a function's LastUpdateStatus, a mapping's Creating/Deleting), AWS's conflict
 * and validation errors, and checks the permissions that AWS checks when a source is wired
 * (S3, Logs, ELB and SES test-invoke the function; mappings poll with the function's role).
 */
export class FakeAws {
  readonly account: string;
  readonly region: string;
  readonly partition = "aws";
  readonly calls: RecordedCall[] = [];
  /** Reads of a resource after a change before it settles (Lambda updates, mappings). */
  settleReads = 1;
  readonly sts = new FakeSts(this);
  readonly iam = new FakeIam(this);
  readonly lambda = new FakeLambda(this);
  readonly scheduler = new FakeScheduler(this);
  readonly events = new FakeEventBridge(this);
  readonly sns = new FakeSns(this);
  readonly sqs = new FakeSqs(this);
  readonly s3 = new FakeS3(this);
  readonly logs = new FakeLogs(this);
  readonly sfn = new FakeSfn(this);
  readonly elbv2 = new FakeElbv2(this);
  readonly ses = new FakeSes(this);
  readonly dynamodb = new FakeDynamoDb(this);
  readonly #mocks: { restore(): void }[] = [];
  readonly #failures: Failure[] = [];
  #ids = 0;

  constructor({ account = "123456789012", region = "us-east-1" } = {}) {
    this.account = account;
    this.region = region;
  }

  /** Routes every call of every SDK client of the services to this fake. */
  install(): this {
    const services: FakeService[] = [
      this.sts,
      this.iam,
      this.lambda,
      this.scheduler,
      this.events,
      this.sns,
      this.sqs,
      this.s3,
      this.logs,
      this.sfn,
      this.elbv2,
      this.ses,
      this.dynamodb,
    ];
    for (const service of services) {
      const mock = mockClient(service.client);
      mock.onAnyCommand().callsFake(() => {
        throw new Error(`The fake ${service.name} does not implement this command.`);
      });
      for (const [operation, handler] of Object.entries(service.handlers())) {
        const command = service.commands[`${operation}Command`];
        if (!command) throw new Error(`${service.name} has no ${operation}Command.`);
        mock
          .on(command as never)
          .callsFake((input: Record<string, unknown>) =>
            this.#dispatch(service.name, operation, input, handler as (input: unknown) => unknown),
          );
      }
      this.#mocks.push(mock);
    }
    return this;
  }

  restore(): void {
    for (const mock of this.#mocks.splice(0)) mock.restore();
  }

  /** Makes the call of `operation` after `after` successful ones fail once with `error`. */
  failOn(
    operation: string,
    { after = 0, error = awsError("ServiceUnavailable", "Injected failure", 503) } = {},
  ) {
    this.#failures.push({ operation, skip: after, error });
  }

  mutatingCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.mutating);
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  arn(service: string, resource: string, region: string = this.region): string {
    return `arn:${this.partition}:${service}:${region}:${this.account}:${resource}`;
  }

  /** Deterministic ids, so that runs compare. */
  nextId(): string {
    this.#ids += 1;
    return `00000000-0000-4000-8000-${String(this.#ids).padStart(12, "0")}`;
  }

  #dispatch(
    service: string,
    operation: string,
    input: Record<string, unknown>,
    handler: (input: unknown) => unknown,
  ) {
    this.calls.push({ service, operation, input, mutating: !READS.test(operation) });
    const failure = this.#failures.find((f) => f.operation === operation);
    if (failure) {
      if (failure.skip === 0) {
        this.#failures.splice(this.#failures.indexOf(failure), 1);
        throw failure.error;
      }
      failure.skip -= 1;
    }
    return handler(input);
  }
}
