import * as logs from "@aws-sdk/client-cloudwatch-logs";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { page } from "./paginate.js";

/** Log groups (seeded by tests) and their subscription filters, at most two per group. */
export class FakeLogs implements FakeService {
  readonly name = "CloudWatchLogs";
  readonly client = logs.CloudWatchLogsClient;
  readonly commands = logs as unknown as Record<string, unknown>;
  readonly groups = new Map<string, Map<string, logs.SubscriptionFilter>>();

  constructor(private readonly aws: FakeAws) {}

  seedLogGroup(name: string): void {
    this.groups.set(name, new Map());
  }

  handlers(): Handlers {
    return {
      PutSubscriptionFilter: (input: logs.PutSubscriptionFilterCommandInput) => {
        const filters = this.#group(input.logGroupName);
        const name = String(input.filterName);
        if (!filters.has(name) && filters.size >= 2)
          throw awsError("LimitExceededException", "Resource limit exceeded.");
        const groupArn = this.aws.arn("logs", `log-group:${input.logGroupName}:*`);
        const destination = String(input.destinationArn);
        if (
          destination.split(":")[2] === "lambda" &&
          !this.aws.lambda.permits(destination, "logs.amazonaws.com", groupArn, this.aws.account)
        ) {
          throw awsError(
            "InvalidParameterException",
            "Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.",
          );
        }
        filters.set(name, {
          filterName: name,
          logGroupName: input.logGroupName,
          filterPattern: input.filterPattern,
          destinationArn: destination,
          creationTime: 0,
        });
        return {};
      },
      DescribeSubscriptionFilters: ({
        logGroupName,
        nextToken,
      }: logs.DescribeSubscriptionFiltersCommandInput) => {
        const { items, next } = page([...this.#group(logGroupName).values()], nextToken, 1);
        return { subscriptionFilters: structuredClone(items), nextToken: next };
      },
      DeleteSubscriptionFilter: ({
        logGroupName,
        filterName,
      }: logs.DeleteSubscriptionFilterCommandInput) => {
        if (!this.#group(logGroupName).delete(String(filterName))) {
          throw awsError(
            "ResourceNotFoundException",
            "The specified subscription filter does not exist.",
          );
        }
        return {};
      },
    };
  }

  #group(name: string | undefined): Map<string, logs.SubscriptionFilter> {
    const group = this.groups.get(String(name));
    if (!group)
      throw awsError("ResourceNotFoundException", "The specified log group does not exist.");
    return group;
  }
}
