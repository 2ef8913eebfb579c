import { RegistrationError } from "./errors.js";
import type { DomovoiManifest, RegistrationManifest } from "./manifest.js";
import { MatchingValidationError } from "./matching/errors.js";
import { compileFilterCriteria } from "./matching/filter-criteria/index.js";
import { validateLogsFilterPattern } from "./matching/logs-filter-pattern/index.js";
import { validateFilterPolicy } from "./matching/sns-filter-policy/index.js";

/**
 * Checks what AWS applies itself and the dispatcher never evaluates (SNS filter policies, event
 * source mapping filter criteria, Logs filter patterns) with AWS's rules. Registration checks
 * everything else; these languages stay out of the Lambda bundle, and the emulator and the
 * deployer run this on the manifest when they load an app.
 *
 * @throws RegistrationError naming the registration, with the language's own error as `cause`.
 */
export function validateManifest(manifest: DomovoiManifest): void {
  for (const registration of manifest.registrations) {
    try {
      validateRegistration(registration);
    } catch (error) {
      if (!(error instanceof MatchingValidationError)) throw error;
      throw new RegistrationError(`${registration.kind} ${registration.name}: ${error.message}`, {
        cause: error,
      });
    }
  }
}

function validateRegistration(registration: RegistrationManifest): void {
  switch (registration.kind) {
    case "sns": {
      const { filterPolicy, filterPolicyScope } = registration.options;
      if (filterPolicy !== undefined)
        validateFilterPolicy(filterPolicy, { scope: filterPolicyScope });
      return;
    }
    case "sqs":
    case "dynamodb":
    case "kinesis": {
      const { filterCriteria } = registration.options;
      if (filterCriteria !== undefined) compileFilterCriteria(filterCriteria, registration.kind);
      return;
    }
    case "logs":
      validateLogsFilterPattern(registration.options.filterPattern);
      return;
  }
}
