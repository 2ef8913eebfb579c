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
