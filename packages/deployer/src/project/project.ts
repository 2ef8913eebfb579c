import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { type DomovoiManifest, type PhysicalNames, physicalNames } from "@domovoi/runtime";
import {
  loadPolicy,
  loadStageConfig,
  type PolicyDocument,
  type StageConfig,
} from "@domovoi/runtime/config";
import { validateManifest } from "@domovoi/runtime/validation";
import { AppLoadError } from "../errors.js";
import { loadManifest } from "./load-manifest.js";
import { validateProject } from "./validate-project.js";

export const DEFAULT_ENTRY = "app.ts";

export interface ProjectOptions {
  /** Default: the current directory. */
  readonly projectDir?: string;
  readonly stage: string;
  /** The app's entry module, relative to the project; default `app.ts`. */
  readonly entry?: string;
  /** Package export conditions for loading and bundling the app (the checkout uses `source`). */
  readonly conditions?: readonly string[];
}

/** Everything the deployer knows about a project before it reads the account. */
export interface Project {
  readonly dir: string;
  readonly entry: string;
  readonly stage: string;
  readonly config: StageConfig;
  /** `.domovoi/policy-<stage>.json`, the function's own permissions; absent if there is none. */
  readonly policy: PolicyDocument | undefined;
  readonly manifest: DomovoiManifest;
  readonly names: PhysicalNames;
  readonly conditions: readonly string[];
}

/**
 * Loads the stage's configuration and policy, and the app's manifest (in a child process), and
 * checks them together, as AWS would, before any call is made.
 */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  const dir = resolve(options.projectDir ?? ".");
  const entry = options.entry ?? DEFAULT_ENTRY;
  if (!existsSync(join(dir, entry))) {
    throw new AppLoadError(`${join(dir, entry)} does not exist: the app's entry module is needed.`);
  }
  const config = await loadStageConfig(dir, { stage: options.stage });
  const policy = await loadPolicy(dir, options.stage);
  const conditions = options.conditions ?? [];
  const manifest = await loadManifest(join(dir, entry), conditions);
  validateManifest(manifest);
  const project = {
    dir,
    entry,
    stage: options.stage,
    config,
    policy,
    manifest,
    names: physicalNames(manifest, options.stage),
    conditions,
  };
  validateProject(project);
  return project;
}
