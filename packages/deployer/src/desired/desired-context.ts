import type { Target } from "../aws/target.js";
import type { DesiredResource } from "../model/resource.js";
import type { Project } from "../project/project.js";

/** What the desired state is computed from; no AWS call is made while computing it. */
export interface DesiredContext {
  readonly project: Project;
  readonly target: Target;
  readonly functionArn: string;
  /** The base64 SHA-256 of the deployment package. */
  readonly codeSha256: string;
  /** DynamoDB registrations' stream ARNs, by registration name (read from the tables). */
  readonly streamArns: ReadonlyMap<string, string>;
}

/** What one part of the app asks for, and what Domovoi cannot do for it. */
export interface DesiredPart {
  readonly resources: readonly DesiredResource[];
  readonly warnings?: readonly string[];
}
