import type { ALBEvent, ALBResult } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type { AlbRegistration } from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { checkBoolean, describe } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";

export interface AlbOptions {
  readonly name?: string;
  /** Requests whose path starts with it; the longest matching prefix wins. Default "/". */
  readonly prefix?: string;
  /** The target group sends multi-value headers and query parameters; default false. */
  readonly multiValueHeaders?: boolean;
}

export type AlbHandler = Handler<ALBEvent, ALBResult>;

export const ALB_TARGET: MethodSpec<AlbOptions> = {
  method: "albTarget",
  options: ["name", "prefix", "multiValueHeaders"],
};

export function albRegistration(
  options: Partial<AlbOptions>,
  handler: AlbHandler,
): RegistrationOf<"alb"> {
  const prefix = options.prefix ?? "/";
  if (typeof prefix !== "string" || !prefix.startsWith("/")) {
    throw new RegistrationError(
      `albTarget: prefix must be a path starting with "/", got ${describe(prefix)}.`,
    );
  }
  const where = `albTarget(${JSON.stringify(prefix)})`;
  const manifest: AlbRegistration = {
    kind: "alb",
    name: registrationName({ where, explicit: options.name, handler, kind: "alb", key: prefix }),
    key: prefix,
    options: {
      multiValueHeaders: checkBoolean(
        options.multiValueHeaders ?? false,
        `${where} multiValueHeaders`,
      ),
    },
  };
  return { kind: "alb", manifest, handler: handler as RegisteredHandler };
}
