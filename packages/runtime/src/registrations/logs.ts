import type { CloudWatchLogsDecodedData } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type { LogsRegistration } from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { checkString, describe } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";

export interface LogsOptions {
  readonly name?: string;
  readonly logGroupName: string;
  /** A CloudWatch Logs filter pattern; default "" (every log event). */
  readonly filterPattern?: string;
}

export type LogsHandler = Handler<CloudWatchLogsDecodedData>;

export const CLOUDWATCH_LOGS_SUB_FILTER_HANDLER: MethodSpec<LogsOptions> = {
  method: "cloudwatchLogsSubFilterHandler",
  options: ["name", "logGroupName", "filterPattern"],
};

const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export function logsRegistration(
  options: LogsOptions,
  handler: LogsHandler,
): RegistrationOf<"logs"> {
  const logGroupName = options.logGroupName;
  if (typeof logGroupName !== "string" || !LOG_GROUP.test(logGroupName)) {
    throw new RegistrationError(
      `cloudwatchLogsSubFilterHandler: logGroupName must be 1-512 letters, digits or '._-/#', got ${describe(logGroupName)}.`,
    );
  }
  const where = `cloudwatchLogsSubFilterHandler(${JSON.stringify(logGroupName)})`;
  const filterPattern = checkString(options.filterPattern ?? "", `${where} filterPattern`, 1024);
  const manifest: LogsRegistration = {
    kind: "logs",
    name: registrationName({
      where,
      explicit: options.name,
      handler,
      kind: "logs",
      key: logGroupName,
    }),
    key: logGroupName,
    options: { filterPattern },
  };
  return { kind: "logs", manifest, handler: handler as RegisteredHandler };
}
