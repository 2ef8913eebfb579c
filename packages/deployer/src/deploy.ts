import { resolve } from "node:path";
import { applyPlan } from "./apply/apply-plan.js";
import { Journal, type JournalEntry } from "./apply/journal.js";
import { acquireLock } from "./apply/lock.js";
import { type ProgressReporter, silentReporter } from "./apply/progress.js";
import { type AwsClients, createClients } from "./aws/clients.js";
import { arns, resolveTarget, type Target } from "./aws/target.js";
import { realSleep, type Sleep } from "./aws/wait.js";
import type { BundleOptions } from "./bundle/bundle-app.js";
import { buildCodePackage, type CodePackage } from "./bundle/code-package.js";
import { desiredState } from "./desired/index.js";
import { DeletionNotConfirmedError } from "./errors.js";
import type { ApplyContext } from "./model/resource.js";
import { computePlan } from "./plan/compute-plan.js";
import { deletions, isPending, type Plan } from "./plan/plan.js";
import { resolveStreamArns } from "./plan/resolve-streams.js";
import {
  DEFAULT_ENTRY,
  loadProject,
  type Project,
  type ProjectOptions,
} from "./project/project.js";

/** How a loaded project is deployed. */
export interface DeployRunOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly endpointUrl?: string;
  /** Plan only: read calls, nothing changed. */
  readonly dryRun?: boolean;
  /** Confirms the plan's deletions and replacements. */
  readonly yes?: boolean;
  /** Default true: remove what the stage owns and the app no longer uses. */
  readonly prune?: boolean;
  /** Remove everything the stage owns. */
  readonly delete?: boolean;
  /** Override a stale lock. */
  readonly forceUnlock?: boolean;
  /** Asked when the plan deletes something and `yes` is not set (a terminal's prompt). */
  readonly confirm?: (plan: Plan) => Promise<boolean>;
  /** Called with the plan before it is applied (the CLI prints it). */
  readonly onPlan?: (plan: Plan) => void;
  readonly reporter?: ProgressReporter;
  /** Injected clients (tests); otherwise made from region, profile and endpoint. */
  readonly clients?: AwsClients;
  /** Waits between polls; tests pass one that does not wait. */
  readonly sleep?: Sleep;
}

export interface DeployOptions extends ProjectOptions, DeployRunOptions {}

export interface DeployResult {
  readonly plan: Plan;
  /** False for a dry run and for a plan without changes. */
  readonly applied: boolean;
  /** The stage's resources after the deploy, with their ARNs where they have one. */
  readonly resources: readonly { id: string; kind: string; name: string; arn?: string }[];
}

/**
 * Deploys a stage: loads the app, bundles it, reads what the stage owns in the account, plans,
 * and (unless it is a dry run) applies the plan. Deploying twice changes nothing the second time.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  // Loading the app (a child process) and bundling it (esbuild's) run side by side.
  const [project, code] = await Promise.all([
    loadProject(options),
    options.delete
      ? EMPTY_PACKAGE
      : buildCodePackage({
          projectDir: resolve(options.projectDir ?? "."),
          entry: options.entry ?? DEFAULT_ENTRY,
          conditions: options.conditions ?? [],
        }),
  ]);
  return deployProject(project, code, options);
}

/** The bundle options of a loaded project. */
export function bundleOptionsOf(project: Project): BundleOptions {
  return { projectDir: project.dir, entry: project.entry, conditions: project.conditions };
}

/**
 * Deploys a project already loaded and bundled (`loadProject`, `buildCodePackage`): tools that
 * deploy several stages, and tests, load and bundle once.
 */
export async function deployProject(
  project: Project,
  code: CodePackage,
  options: DeployRunOptions,
): Promise<DeployResult> {
  const clients =
    options.clients ??
    createClients({
      region: options.region ?? project.config.region,
      profile: options.profile,
      endpointUrl: options.endpointUrl,
    });
  const target = await resolveTarget(clients);
  const ctx = applyContext(project, clients, target, code, options.sleep ?? realSleep);
  const journal = await Journal.load(project.dir, project.manifest.app, project.stage, target);
  const plan = await planWith(ctx, project, journal, options);
  options.onPlan?.(plan);
  if (options.dryRun || !isPending(plan)) {
    return { plan, applied: false, resources: summary(journal.entries()) };
  }
  await confirmDeletions(plan, options);
  const lock = await acquireLock(project.dir, project.stage, { force: options.forceUnlock });
  try {
    const resources = await applyPlan(plan, ctx, journal, options.reporter ?? silentReporter);
    await journal.replaceAll(resources);
    return { plan, applied: true, resources: summary(resources) };
  } finally {
    await lock.release();
  }
}

/** Reads the account (read calls only) and plans. */
async function planWith(
  ctx: ApplyContext,
  project: Project,
  journal: Journal,
  options: DeployRunOptions,
): Promise<Plan> {
  const remove = options.delete ?? false;
  const streamArns = await resolveStreamArns(ctx, project.manifest, { tolerateMissing: remove });
  const desired = desiredState({
    project,
    target: ctx.target,
    functionArn: ctx.functionArn,
    codeSha256: ctx.code.sha256,
    streamArns,
  });
  return computePlan({
    ctx,
    desired,
    remembered: journal.remembered(),
    remove,
    prune: options.prune ?? true,
  });
}

function applyContext(
  project: Project,
  clients: AwsClients,
  target: Target,
  code: CodePackage,
  sleep: Sleep,
): ApplyContext {
  const functionName = project.names.functionName;
  return {
    clients,
    app: project.manifest.app,
    stage: project.stage,
    target,
    functionName,
    functionArn: arns.function(target, functionName),
    sleep,
    code,
  };
}

async function confirmDeletions(plan: Plan, options: DeployRunOptions): Promise<void> {
  const removed = deletions(plan);
  if (removed.length === 0 || options.yes) return;
  if (options.confirm && (await options.confirm(plan))) return;
  throw new DeletionNotConfirmedError(
    `The plan deletes or replaces ${removed.length} resources (${removed.map((c) => c.id).join(", ")}): confirm with --yes.`,
  );
}

/** `--delete` uploads nothing, so it bundles nothing. */
const EMPTY_PACKAGE: CodePackage = { zip: Buffer.alloc(0), sha256: "" };

function summary(entries: ReadonlyMap<string, JournalEntry>): DeployResult["resources"] {
  return [...entries].map(([id, entry]) => ({
    id,
    kind: entry.kind,
    name: entry.name,
    ...(typeof entry.locator.arn === "string" &&
      entry.locator.arn !== "" && { arn: entry.locator.arn }),
  }));
}
