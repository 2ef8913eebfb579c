import type {
  JsonMembers,
  StringConstraints,
} from "../../eventbridge/json-protocol/json-members.js";
import type { JsonOperation } from "../../eventbridge/json-protocol/json-service.js";
import { type Page, pageOf } from "../../eventbridge/json-protocol/pagination.js";
import type { AwsRequest } from "../../service.js";
import type { LogGroup } from "../log-group.js";
import type { LogsBackend } from "../logs-backend.js";
import {
  invalidNextToken,
  invalidParameter,
  nameAndIdentifier,
  nameTooLong,
} from "../logs-errors.js";

export interface LogsContext {
  readonly backend: LogsBackend;
  readonly region: string;
}

export type LogsOperation = JsonOperation<LogsContext>;

export function logsContext(backend: LogsBackend) {
  return (request: AwsRequest): LogsContext => ({ backend, region: request.region });
}

/** CloudWatch Logs refuses a request that breaks its model's constraints as a bad parameter. */
export const validationFailure = invalidParameter;

const GROUP_NAME_PATTERN = { regex: /^[.\-_/#A-Za-z0-9]+$/, text: "[\\.\\-_/#A-Za-z0-9]+" };
/** Stream and subscription filter names: anything but `:` and `*`. */
export const FREE_NAME: StringConstraints = {
  min: 1,
  max: 512,
  pattern: { regex: /^[^:*]*$/, text: "[^:*]*" },
};

/** A log group name of a create call: too long is refused with CloudWatch Logs' own message. */
export function newGroupName(input: JsonMembers): string {
  return checkLength(input.string("logGroupName", { min: 1, pattern: GROUP_NAME_PATTERN }));
}

export function newStreamName(input: JsonMembers): string {
  return checkLength(input.string("logStreamName", { ...FREE_NAME, max: undefined }));
}

function checkLength(name: string): string {
  if (name.length > 512) throw nameTooLong();
  return name;
}

/** The group a request names by `logGroupName` (or, where allowed, `logGroupIdentifier`). */
export function targetGroup(input: JsonMembers, { backend, region }: LogsContext): LogGroup {
  const identifier = input.optionalString("logGroupIdentifier", { min: 1, max: 2048 });
  if (identifier !== undefined) {
    if (input.has("logGroupName")) throw nameAndIdentifier();
    return backend.logGroup(region, identifier);
  }
  return backend.logGroup(region, input.string("logGroupName", { min: 1, max: 512 }));
}

/** A page of a listing, with the `limit` (1 to `maxLimit`) and `nextToken` of the request. */
export function page<T>(
  input: JsonMembers,
  items: readonly T[],
  keyOf: (item: T) => string,
  { maxLimit = 50, descending = false } = {},
): Page<T> {
  const limit = input.optionalInteger("limit", { min: 1, max: maxLimit }) ?? maxLimit;
  const result = pageOf(items, keyOf, {
    limit,
    nextToken: input.optionalString("nextToken", { min: 1 }),
    descending,
  });
  if (!result) throw invalidNextToken();
  return result;
}
