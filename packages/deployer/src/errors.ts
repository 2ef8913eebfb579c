import { DomovoiError } from "@domovoi/runtime";

/** A deployment that cannot go ahead: the app, its configuration or the account refuse it. */
export class DeployError extends DomovoiError {}

/** The app could not be loaded (no entry, no exported `app`, or its module threw). */
export class AppLoadError extends DeployError {}

/** The manifest and the stage's configuration disagree, or AWS would refuse what they ask for. */
export class DeployValidationError extends DeployError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

/** Another deploy of the stage holds its lock. */
export class DeployLockedError extends DeployError {}

/** The plan deletes resources and nobody confirmed it (`--yes`, or an answer on a terminal). */
export class DeletionNotConfirmedError extends DeployError {}

/** A step of the plan failed; the journal keeps every step before it, so a re-run resumes. */
export class StepFailedError extends DeployError {
  readonly stepId: string;

  constructor(stepId: string, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`${stepId} failed: ${reason}`, { cause });
    this.stepId = stepId;
  }
}

/** AWS did not reach the state a step waits for (a function update, a mapping's deletion). */
export class WaitTimeoutError extends DeployError {}
