import type { Context } from "aws-lambda";
import { handlerContext, writeLogLine } from "../context.js";
import type { DomovoiManifest, RegistrationKind } from "../manifest.js";
import type { Registration, RegistrationOf } from "../registrations/registration.js";
import type { Registry } from "../registrations/registry.js";
import type { Route } from "./outcomes.js";
import type { PhysicalNameLookup } from "./physical-name-lookup.js";

/** What the dispatcher knows of the app: its routes and, for physical names, its manifest. */
export interface Routes {
  readonly registry: Registry;
  readonly manifest: DomovoiManifest;
  readonly physicalNames: PhysicalNameLookup;
}

/** One call of `app.handler`: the Lambda context it came with, and how to run a registration. */
export class Invocation {
  constructor(
    readonly routes: Routes,
    readonly lambdaContext: Context | undefined,
  ) {}

  get registry(): Registry {
    return this.routes.registry;
  }

  async run(registration: Registration, event: unknown, stateName?: string): Promise<unknown> {
    const context = handlerContext(this.lambdaContext, registration.manifest.name, stateName);
    return registration.handler(event, context);
  }

  /** The route that runs `registration` on `event`; none without a registration. */
  routeTo(registration: Registration | undefined, event: unknown): Route | undefined {
    return registration && (() => this.run(registration, event));
  }

  /**
   * The registration a schedule or rule name designates: the registration's own name (a direct
   * invoke, a test) or the physical name of its AWS resource in the function's stage.
   */
  named<K extends RegistrationKind>(
    name: string,
    kinds: readonly K[],
  ): RegistrationOf<K> | undefined {
    const registrationName = this.registry.byName.has(name)
      ? name
      : this.routes.physicalNames.registrationOf(name, this.functionName);
    const registration =
      registrationName === undefined ? undefined : this.registry.byName.get(registrationName);
    if (!registration || !(kinds as readonly string[]).includes(registration.kind))
      return undefined;
    return registration as unknown as RegistrationOf<K>;
  }

  /** Writes why a record of a split batch failed, since the response only lists its id. */
  reportRecordFailure(itemIdentifier: string, error: unknown): void {
    writeLogLine({
      requestId: this.lambdaContext?.awsRequestId,
      registration: "domovoi",
      level: "ERROR",
      message: { batchItemFailure: itemIdentifier, error },
    });
  }

  /** The function's name, from the context Lambda passed or else from its environment. */
  get functionName(): string | undefined {
    return this.lambdaContext?.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME;
  }
}
