import type { LogGroup } from "../log-group.js";
import { prefixAndPattern } from "../logs-errors.js";
import { type LogsOperation, newGroupName, page, targetGroup } from "./operation.js";

/** The retention periods CloudWatch Logs offers, in days. */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

const createLogGroup: LogsOperation = (input, { backend, region }) => {
  const name = newGroupName(input);
  const kmsKeyId = input.optionalString("kmsKeyId", { max: 256 });
  backend.createLogGroup(region, name, kmsKeyId === undefined ? {} : { kmsKeyId });
  return {};
};

const deleteLogGroup: LogsOperation = (input, context) => {
  context.backend.deleteLogGroup(targetGroup(input, context));
  return {};
};

const putRetentionPolicy: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  const days = input.optionalInteger("retentionInDays");
  if (days === undefined || !RETENTION_DAYS.includes(days)) {
    throw input.violation(
      "retentionInDays",
      days ?? null,
      `Member must satisfy enum value set: [${RETENTION_DAYS.join(", ")}]`,
    );
  }
  group.retentionInDays = days;
  return {};
};

const deleteRetentionPolicy: LogsOperation = (input, context) => {
  targetGroup(input, context).retentionInDays = undefined;
  return {};
};

const describeLogGroups: LogsOperation = (input, { backend, region }) => {
  const prefix = input.optionalString("logGroupNamePrefix", { min: 1, max: 512 });
  const pattern = input.optionalString("logGroupNamePattern", { max: 512 });
  if (prefix !== undefined && pattern !== undefined) throw prefixAndPattern();
  const needle = pattern?.toLowerCase() ?? "";
  const groups = backend
    .logGroups(region)
    .filter(
      (group) => group.name.startsWith(prefix ?? "") && group.name.toLowerCase().includes(needle),
    );
  const { items, nextToken } = page(input, groups, (group) => group.name);
  return { logGroups: items.map(groupView), ...(nextToken && { nextToken }) };
};

function groupView(group: LogGroup): object {
  return {
    logGroupName: group.name,
    creationTime: group.creationTime,
    ...(group.retentionInDays !== undefined && { retentionInDays: group.retentionInDays }),
    metricFilterCount: 0,
    arn: `${group.arn}:*`,
    storedBytes: 0,
    ...(group.kmsKeyId !== undefined && { kmsKeyId: group.kmsKeyId }),
    logGroupClass: "STANDARD",
    logGroupArn: group.arn,
    deletionProtectionEnabled: false,
  };
}

export const GROUP_OPERATIONS = {
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  DescribeLogGroups: describeLogGroups,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
};
