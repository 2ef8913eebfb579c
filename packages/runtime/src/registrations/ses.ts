import type { SESEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type { SesRegistration } from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { describe } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";
import { RECIPIENT, recipientMatches } from "./ses-recipients.js";

export interface SesOptions {
  readonly name?: string;
  /** The receipt rule's recipient conditions (at most 100); default: every recipient. */
  readonly recipients?: readonly string[];
}

export type SesHandler = Handler<SESEvent>;

export const EMAIL_RECEIPT_HANDLER: MethodSpec<SesOptions> = {
  method: "emailReceiptHandler",
  options: ["name", "recipients"],
};

export function sesRegistration(
  options: Partial<SesOptions>,
  handler: SesHandler,
): RegistrationOf<"ses"> {
  const recipients = checkRecipients(options.recipients ?? []);
  const key = recipients.length === 0 ? "*" : recipients.join(",");
  const where = `emailReceiptHandler(${JSON.stringify(key)})`;
  const manifest: SesRegistration = {
    kind: "ses",
    name: registrationName({ where, explicit: options.name, handler, kind: "ses", key }),
    key,
    options: { recipients },
  };
  const matches = (recipient: string) =>
    recipients.length === 0 ||
    recipients.some((condition) => recipientMatches(condition, recipient));
  return { kind: "ses", manifest, handler: handler as RegisteredHandler, matches };
}

function checkRecipients(recipients: unknown): string[] {
  if (
    !Array.isArray(recipients) ||
    recipients.length > 100 ||
    !recipients.every((r) => typeof r === "string" && RECIPIENT.test(r))
  ) {
    throw new RegistrationError(
      `emailReceiptHandler: recipients must be at most 100 addresses or domains, got ${describe(recipients)}.`,
    );
  }
  return [...recipients];
}
