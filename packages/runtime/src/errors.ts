/**
 * Every error Domovoi raises derives from {@link DomovoiError}, so callers can tell Domovoi's
 * own failures (bad input, bad configuration) from bugs in handler code with one `instanceof`.
 */
export class DomovoiError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A registration that AWS would reject or that Domovoi could not route unambiguously. */
export class RegistrationError extends DomovoiError {}

/** Two registrations share a name, or a key that one function can be subscribed to once only. */
export class DuplicateRegistrationError extends RegistrationError {}

/** A state machine definition with a broken structure or a task that cannot be resolved. */
export class InvalidStateMachineError extends RegistrationError {}

/** An app name or stage from which Domovoi cannot form valid AWS resource names. */
export class InvalidNameError extends DomovoiError {}

/**
 * Every record of a batch failed. Lambda treats a response that lists every record as a failure
 * of the whole batch, so the batch helper throws instead; `errors` holds each record's error.
 */
export class BatchFailedError extends DomovoiError {
  readonly errors: readonly unknown[];

  constructor(message: string, errors: readonly unknown[]) {
    super(message, { cause: errors[0] });
    this.errors = errors;
  }
}

/** A state machine execution could not be started (no invocation to locate it from). */
export class StartExecutionError extends DomovoiError {}

/**
 * No event source Domovoi routes recognises the event. `fields` lists the fields that were looked
 * at (the ones AWS itself sets to say where an event comes from), so the message tells the reader
 * what the event lacked.
 */
export class UnrecognizedEventError extends DomovoiError {
  readonly fields: readonly string[];

  constructor(fields: readonly string[], found: string, options?: ErrorOptions) {
    super(
      `Unrecognized event: none of ${fields.join(", ")} identifies a source Domovoi routes (${found}).`,
      options,
    );
    this.fields = fields;
  }
}

/**
 * An event of a recognised source lacks a field Domovoi reads, or the field has the wrong type or
 * content. `path` names the field as JavaScript would reach it (`JSON.parse(…)` marks JSON text
 * that was decoded on the way), `expected` says what belongs there and `found` what was there.
 */
export class MalformedEventError extends DomovoiError {
  readonly path: string;
  readonly expected: string;
  readonly found: string;

  constructor(path: string, expected: string, found: string, options?: ErrorOptions) {
    super(`Malformed event: expected ${path} to be ${expected}, but it is ${found}.`, options);
    this.path = path;
    this.expected = expected;
    this.found = found;
  }
}

/** An event was recognised, but no handler is registered for its routing key. */
export class NoHandlerError extends DomovoiError {
  readonly source: string;
  readonly key: string | null;
  readonly registeredKeys: readonly string[];

  constructor(
    source: string,
    key: string | null,
    registeredKeys: readonly string[],
    options?: ErrorOptions,
  ) {
    const wanted = key === null ? "an event without a routing key" : JSON.stringify(key);
    const registered =
      registeredKeys.length === 0
        ? "none are registered"
        : `registered: ${registeredKeys.map((k) => JSON.stringify(k)).join(", ")}`;
    super(`No ${source} handler for ${wanted} (${registered}).`, options);
    this.source = source;
    this.key = key;
    this.registeredKeys = registeredKeys;
  }
}
