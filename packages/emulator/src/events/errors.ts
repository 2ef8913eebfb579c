import { DomovoiError } from "@domovoi/runtime";

/**
 * Parameters of an event generator that would not describe a real event: a missing or mistyped
 * field, a name AWS would reject, an unknown parameter. Parameters reach the generators from the
 * CLI and the HTTP API, so `kind` and `param` say exactly which one to fix (`param` is empty when
 * the parameters as a whole are not an object).
 */
export class InvalidEventParamsError extends DomovoiError {
  readonly kind: string;
  readonly param: string;

  constructor(kind: string, param: string, problem: string, options?: ErrorOptions) {
    const what = param === "" ? "parameters" : `parameter ${param}`;
    super(`Invalid ${what} of the ${kind} event generator: ${problem}.`, options);
    this.kind = kind;
    this.param = param;
  }
}

/** No generator exists for the requested event kind. */
export class UnknownEventKindError extends DomovoiError {
  readonly kind: string;

  constructor(kind: string, knownKinds: readonly string[], options?: ErrorOptions) {
    super(
      `Unknown event kind ${JSON.stringify(kind)} (expected one of ${knownKinds.join(", ")}).`,
      options,
    );
    this.kind = kind;
  }
}
