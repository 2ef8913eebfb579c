export const DEFAULT_BUS = "default";

export function eventBusArn(region: string, account: string, name: string): string {
  return `arn:aws:events:${region}:${account}:event-bus/${name}`;
}

/** Rules of the default bus are `rule/<name>`; those of a custom bus `rule/<bus>/<name>`. */
export function ruleArn(region: string, account: string, bus: string, name: string): string {
  const path = bus === DEFAULT_BUS ? name : `${bus}/${name}`;
  return `arn:aws:events:${region}:${account}:rule/${path}`;
}

const BUS_ARN = /^arn:aws[\w-]*:events:[\w-]+:\d{12}:event-bus\/(.+)$/;

/** Operations take a bus by name or by ARN. */
export function busNameOf(nameOrArn: string): string {
  return BUS_ARN.exec(nameOrArn)?.[1] ?? nameOrArn;
}

/** The parts of an ARN a target can have; undefined when it is not an ARN. */
export interface ParsedArn {
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:aws[\w-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

export function parseArn(arn: string): ParsedArn | undefined {
  const [, service, region, account = "", resource] = ARN.exec(arn) ?? [];
  return service !== undefined && region !== undefined && resource !== undefined
    ? { service, region, account, resource }
    : undefined;
}

/** `function:<name>` or `function:<name>:<qualifier>`. */
export function lambdaFunctionOf(
  arn: ParsedArn,
): { readonly name: string; readonly qualifier: string | undefined } | undefined {
  const [, name, qualifier] = /^function:([^:]+)(?::([^:]+))?$/.exec(arn.resource) ?? [];
  return name === undefined ? undefined : { name, qualifier };
}
