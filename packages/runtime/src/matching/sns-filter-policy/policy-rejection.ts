/**
 * Why SNS refuses a filter policy, worded as in AWS's message after the part that depends on the
 * API (`Invalid parameter: ` or `Invalid parameter: Attributes Reason: `). It never leaves this
 * module: the public functions turn it into an InvalidFilterPolicyError once the API is known.
 */
export class PolicyRejection extends Error {}

export function rejectPolicy(reason: string): never {
  throw new PolicyRejection(`FilterPolicy: ${reason}`);
}

/** For the few messages SNS does not file under `FilterPolicy:`. */
export function rejectRequest(detail: string): never {
  throw new PolicyRejection(detail);
}
