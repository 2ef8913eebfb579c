import { AwsServiceError } from "./errors.js";

/**
 * The answer to a call for a service the emulator does not emulate: an error in the caller's
 * protocol that names the service, so a user sees at once why the call failed instead of a hang
 * or a call that silently reached somewhere else.
 */
export function notEmulated(service: string, emulated: readonly string[]): AwsServiceError {
  return new AwsServiceError(
    "NotEmulated",
    `The Domovoi emulator does not emulate the AWS service "${service}" (it emulates ${emulated.join(", ") || "none yet"}). Point this client at the real service, or leave AWS_ENDPOINT_URL_${service.toUpperCase()} unset.`,
    { statusCode: 501, fault: "Receiver" },
  );
}
