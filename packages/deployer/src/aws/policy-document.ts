import type { JsonObject, JsonValue } from "@domovoi/runtime";

export function policyDocument(statements: readonly JsonObject[]): JsonObject {
  return { Version: "2012-10-17", Statement: [...statements] };
}

/** Allows `service` to assume a role, only on behalf of `account` when one is given. */
export function trustPolicy(service: string, account?: string): JsonObject {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      ...(account !== undefined && {
        Condition: { StringEquals: { "aws:SourceAccount": account } },
      }),
    },
  ]);
}

/**
 * A resource policy statement letting a service principal deliver to a topic or queue, only
 * from `sourceArn` (a bucket, a topic) owned by `account`.
 */
export function serviceDeliveryStatement(
  sid: string,
  service: string,
  action: string,
  resource: string,
  sourceArn: string,
  account: string,
): JsonObject {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: action,
    Resource: resource,
    Condition: {
      ArnLike: { "aws:SourceArn": sourceArn },
      StringEquals: { "aws:SourceAccount": account },
    },
  };
}

/** IAM returns policy documents URL-encoded; SNS, SQS and Lambda return them as JSON text. */
export function parsePolicy(text: string | undefined): JsonObject | null {
  if (text === undefined || text === "") return null;
  const json = text.trimStart().startsWith("{") ? text : decodeURIComponent(text);
  return JSON.parse(json) as JsonObject;
}

/** The statements of a policy document, whether `Statement` is one object or a list. */
export function statementsOf(policy: JsonObject | null): JsonObject[] {
  const statement: JsonValue | undefined = policy?.Statement;
  if (Array.isArray(statement)) return statement.filter(isObject);
  return isObject(statement) ? [statement] : [];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
