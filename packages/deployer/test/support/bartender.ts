import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type DomovoiManifest, physicalNames } from "@domovoi/runtime";
import {
  buildCodePackage,
  bundleOptionsOf,
  type CodePackage,
  createClients,
  type DeployRunOptions,
  loadProject,
  type Project,
} from "../../src/index.js";
import { FakeAws } from "../fake/fake-aws.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const BARTENDER_APP = join(repoRoot, "examples/bartender/app.ts");

/** The bartender app may publish to its topic: the user's own policy file says so. */
export const BARTENDER_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "arn:aws:sns:*:*:bartender" }],
};

export interface LoadedApp {
  readonly project: Project;
  readonly code: CodePackage;
}

/**
 * A project folder (outside the checkout, so that nothing is written into examples/) whose entry
 * re-exports the bartender example, loaded and bundled once.
 */
export async function bartenderProject(
  stage = "dev",
  config: Record<string, unknown> = {},
): Promise<LoadedApp> {
  const dir = await mkdtemp(join(tmpdir(), "domovoi-deployer-"));
  await writeFile(
    join(dir, "app.ts"),
    `export { app, handler } from ${JSON.stringify(BARTENDER_APP)};\n`,
  );
  await mkdir(join(dir, ".domovoi"));
  await writeFile(join(dir, ".domovoi/config.json"), JSON.stringify(config));
  await writeFile(join(dir, `.domovoi/policy-${stage}.json`), JSON.stringify(BARTENDER_POLICY));
  const project = await loadProject({ projectDir: dir, stage, conditions: ["source"] });
  return { project, code: await buildCodePackage(bundleOptionsOf(project)) };
}

/** The project with its manifest changed (a handler removed, an option edited). */
export function withManifest(project: Project, manifest: DomovoiManifest): Project {
  return { ...project, manifest, names: physicalNames(manifest, project.stage) };
}

/** An account with what the bartender app expects its users to own: bucket, table, log group. */
export function bartenderAccount(): FakeAws {
  const aws = new FakeAws().install();
  aws.s3.seedBucket("my-s3-bucket");
  aws.dynamodb.seedTable("MyDynamoTable");
  aws.logs.seedLogGroup("watchtower");
  return aws;
}

/** Options for deploying into the fake: its region, no waiting between polls, deletions confirmed. */
export function fakeDeployOptions(aws: FakeAws, options: DeployRunOptions = {}): DeployRunOptions {
  return {
    clients: createClients({ region: aws.region }),
    sleep: async () => {},
    yes: true,
    ...options,
  };
}
