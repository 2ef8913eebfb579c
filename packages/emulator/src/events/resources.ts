import type { EventContext } from "./context.js";
import type { Check, ParamReader } from "./params.js";

/** A named AWS resource with the ARN, region and account the event reports for it. */
export interface Resource {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly account: string;
}

/** How one kind of resource is named and how its ARN is built and read. */
export interface ResourceType {
  /** What the resource is, for messages: "an SQS queue". */
  readonly what: string;
  readonly service: string;
  readonly checkName: Check<string>;
  /** The resource part of the ARN for a name (`stream/<name>` for Kinesis). */
  resourcePart(name: string): string;
  /** The name inside an ARN's resource part, or `undefined` when it is not this type's. */
  nameOf(resourcePart: string): string | undefined;
}

const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

/** Reads a parameter that names a resource by name or by ARN (which then sets region and account). */
export function readResource(
  reader: ParamReader,
  param: string,
  type: ResourceType,
  ctx: EventContext,
  fallbackName?: string,
): Resource {
  const value =
    fallbackName === undefined
      ? reader.string(param)
      : (reader.optionalString(param) ?? fallbackName);
  if (!value.startsWith("arn:")) {
    reader.check(param, value, type.checkName);
    return resourceNamed(type, value, ctx);
  }
  const [, service, region = "", account = "", resourcePart = ""] = ARN.exec(value) ?? [];
  const name = service === type.service ? type.nameOf(resourcePart) : undefined;
  if (name === undefined || region === "" || account === "") {
    reader.fail(param, `${JSON.stringify(value)} is not the ARN of ${type.what}`);
  }
  reader.check(param, name, type.checkName);
  return { name, arn: value, region, account };
}

function resourceNamed(type: ResourceType, name: string, ctx: EventContext): Resource {
  const arn = `arn:aws:${type.service}:${ctx.region}:${ctx.account}:${type.resourcePart(name)}`;
  return { name, arn, region: ctx.region, account: ctx.account };
}

/** A resource whose ARN is `arn:aws:<service>:<region>:<account>:<prefix><name>`. */
export function prefixedResource(
  what: string,
  service: string,
  prefix: string,
  checkName: Check<string>,
): ResourceType {
  return {
    what,
    service,
    checkName,
    resourcePart: (name) => `${prefix}${name}`,
    nameOf: (part) => (part.startsWith(prefix) ? part.slice(prefix.length) : undefined),
  };
}

/** FIFO queues and topics are named with a `.fifo` suffix, and AWS keys their behaviour on it. */
export function isFifo(resource: Resource): boolean {
  return resource.name.endsWith(".fifo");
}
