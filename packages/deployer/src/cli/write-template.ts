import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Writable } from "node:stream";
import { buildCodePackage } from "../bundle/code-package.js";
import { bundleOptionsOf } from "../deploy.js";
import { loadProject } from "../project/project.js";
import { exportTemplate } from "../template/cloudformation.js";
import type { CliOptions } from "./options.js";

/**
 * `--template <file>`: the CloudFormation template, and the deployment package beside it
 * (`<file>.zip`) for the CodeS3Bucket/CodeS3Key parameters. No AWS call is made.
 */
export async function writeTemplate(
  options: CliOptions,
  file: string,
  conditions: readonly string[],
  out: Writable,
): Promise<void> {
  const project = await loadProject({ ...options, conditions });
  const code = await buildCodePackage(bundleOptionsOf(project));
  const exported = exportTemplate(project, code.sha256);
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(exported.template, null, 2)}\n`);
  await writeFile(`${path}.zip`, code.zip);
  out.write(`Wrote ${path} and ${path}.zip (SHA-256 ${code.sha256}).\n`);
  if (exported.unsupported.length > 0) {
    out.write("\nNot expressed in the template (the deployer does these):\n");
    for (const item of exported.unsupported) out.write(`  - ${item}\n`);
  }
  for (const warning of exported.warnings) out.write(`  ! ${warning}\n`);
}
