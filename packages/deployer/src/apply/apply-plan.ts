import { StepFailedError } from "../errors.js";
import type { ApplyContext, ResourceState } from "../model/resource.js";
import { executionSteps } from "../plan/order.js";
import type { Plan, Step } from "../plan/plan.js";
import { RESOURCE_TYPES } from "../resources/index.js";
import type { Journal, JournalEntry } from "./journal.js";
import type { ProgressReporter } from "./progress.js";

/**
 * Applies the plan's steps in order, recording each in the journal as soon as it is done, so
 * that a deploy stopped midway is resumed by the next one (which reads the account again and
 * plans only what is left). Returns the stage's resources as they now are.
 */
export async function applyPlan(
  plan: Plan,
  ctx: ApplyContext,
  journal: Journal,
  reporter: ProgressReporter,
): Promise<Map<string, JournalEntry>> {
  const steps = executionSteps(plan.changes);
  for (const [index, step] of steps.entries()) {
    reporter.stepStarted(step, index, steps.length);
    try {
      await runStep(step, ctx, journal);
    } catch (error) {
      reporter.stepFailed(step, error);
      throw new StepFailedError(`${step.operation} ${step.change.id}`, error);
    }
    reporter.stepFinished(step, index, steps.length);
  }
  return resultingResources(plan, journal);
}

async function runStep({ operation, change }: Step, ctx: ApplyContext, journal: Journal) {
  const type = RESOURCE_TYPES[change.kind];
  if (operation === "delete") {
    await type.delete(ctx, change.live!);
    await journal.forget(change.id);
    return;
  }
  const desired = change.desired!;
  const locator =
    operation === "create"
      ? await type.create(ctx, desired)
      : await type.update(ctx, desired, change.live!, change.fields);
  await journal.record(change.id, { kind: change.kind, name: change.name, locator });
}

/** The desired resources, with the locators the steps returned or the live ones they kept. */
function resultingResources(plan: Plan, journal: Journal): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  for (const resource of plan.unchanged) entries.set(resource.id, entryOf(resource));
  for (const change of plan.changes) {
    const entry = journal.entries().get(change.id);
    if (change.action !== "delete" && entry) entries.set(change.id, entry);
  }
  return entries;
}

function entryOf(resource: ResourceState): JournalEntry {
  return { kind: resource.kind, name: resource.name, locator: resource.locator };
}
