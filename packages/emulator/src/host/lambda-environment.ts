import { randomBytes } from "node:crypto";
import type { LambdaRuntime } from "@domovoi/runtime/config";

/** The account the emulator pretends to run in, as LocalStack does. */

/** `$LATEST`: the emulator runs the code on disk, never a published version. */
export const FUNCTION_VERSION = "$LATEST";

/** Who the function is: what its ARN, context and environment variables say. */
export interface FunctionIdentity {
  readonly functionName: string;
  readonly region: string;
  readonly accountId: string;
  readonly memorySizeMb: number;
  readonly runtime: LambdaRuntime;
}

export function functionArn(identity: FunctionIdentity, qualifier?: string): string {
  const arn = `arn:aws:lambda:${identity.region}:${identity.accountId}:function:${identity.functionName}`;
  return qualifier ? `${arn}:${qualifier}` : arn;
}

export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** A stream name of the shape Lambda gives each execution environment. */
export function newLogStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "/");
  return `${day}/[${FUNCTION_VERSION}]${randomBytes(16).toString("hex")}`;
}

export interface EnvironmentSettings {
  readonly identity: FunctionIdentity;
  /** `_HANDLER`, such as `app.handler`. */
  readonly handler: string;
  /** `LAMBDA_TASK_ROOT`: the project folder stands in for `/var/task`. */
  readonly taskRoot: string;
  /** Where AWS SDK calls go: the emulator's own endpoint, so nothing leaves loopback. */
  readonly endpointUrl: string;
  /**
   * The AWS SDK service ids (`SQS`, `CLOUDWATCH_LOGS`) whose calls go to `endpointUrl`, through
   * `AWS_ENDPOINT_URL_<ID>`; calls to other services then go where they would go without the
   * emulator. Undefined: every call goes there, through `AWS_ENDPOINT_URL`.
   */
  readonly endpointServices?: readonly string[];
  /** The stage's `environment_variables`. */
  readonly variables: Readonly<Record<string, string>>;
  readonly logStreamName: string;
}

/**
 * The environment variables of one execution environment, built from nothing as Lambda builds
 * them (the developer's own shell variables, such as `AWS_PROFILE`, do not leak in). Only `PATH`
 * and `TMPDIR` come from the host, so that child processes and tsx's cache keep working.
 */
export function lambdaEnvironment(settings: EnvironmentSettings): Record<string, string> {
  const { identity } = settings;
  const host: Record<string, string> = {};
  for (const name of ["PATH", "TMPDIR"]) {
    const value = process.env[name];
    if (value !== undefined) host[name] = value;
  }
  return {
    ...host,
    ...settings.variables,
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    _HANDLER: settings.handler,
    LAMBDA_TASK_ROOT: settings.taskRoot,
    AWS_EXECUTION_ENV: `AWS_Lambda_${identity.runtime}`,
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_REGION: identity.region,
    AWS_DEFAULT_REGION: identity.region,
    AWS_LAMBDA_FUNCTION_NAME: identity.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(identity.memorySizeMb),
    AWS_LAMBDA_FUNCTION_VERSION: FUNCTION_VERSION,
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(identity.functionName),
    AWS_LAMBDA_LOG_STREAM_NAME: settings.logStreamName,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_SESSION_TOKEN: "test",
    AWS_EC2_METADATA_DISABLED: "true",
    ...endpointVariables(settings.endpointUrl, settings.endpointServices),
  };
}

function endpointVariables(
  url: string,
  services: readonly string[] | undefined,
): Record<string, string> {
  if (services === undefined) return { AWS_ENDPOINT_URL: url };
  return Object.fromEntries(services.map((id) => [`AWS_ENDPOINT_URL_${id}`, url]));
}
