import { RegistrationError } from "../errors.js";
import { shortHash } from "../short-hash.js";
import { describe } from "./checks.js";

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const NAME_RULE = "1 to 64 letters, digits, '_', '.' or '-'";

/**
 * A registration's stable name: the `name` option, else the handler function's own name, else one
 * derived from the source and its key (`sqs-my_queue`). Never a position, so that adding a handler
 * does not rename (and redeploy) the others.
 */
export function registrationName(naming: {
  /** The registration call, for error messages. */
  readonly where: string;
  readonly explicit: unknown;
  readonly handler: { readonly name: string };
  readonly kind: string;
  readonly key: string;
}): string {
  const { where, explicit, handler, kind, key } = naming;
  if (explicit !== undefined) return checkName(where, explicit);
  // Anonymous and bound functions ("", "bound f") have no usable name of their own.
  return NAME.test(handler.name) ? handler.name : derivedName(kind, key);
}

/** Registration and state machine names are used in AWS names, hence the narrow alphabet. */
export function checkName(where: string, name: unknown): string {
  if (typeof name !== "string" || !NAME.test(name)) {
    throw new RegistrationError(`${where}: name must be ${NAME_RULE}, got ${describe(name)}.`);
  }
  return name;
}

function derivedName(kind: string, key: string): string {
  const readable = key.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "");
  const name = readable === "" ? kind : `${kind}-${readable}`;
  return name.length <= 64 ? name : `${name.slice(0, 55)}-${shortHash(key)}`;
}
