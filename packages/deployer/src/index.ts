// The public API of @domovoi/deployer: plan, apply and prune a Domovoi app's AWS resources.

export { type JournalEntry, journalPath } from "./apply/journal.js";
export { lockPath } from "./apply/lock.js";
export {
  type ProgressReporter,
  plainReporter,
  silentReporter,
  terminalReporter,
} from "./apply/progress.js";
export { type AwsClients, type ClientOptions, createClients } from "./aws/clients.js";
export type { Target } from "./aws/target.js";
export type { Sleep } from "./aws/wait.js";
export { BUNDLE_FILE, type BundleOptions, LAMBDA_HANDLER } from "./bundle/bundle-app.js";
export { buildCodePackage, type CodePackage } from "./bundle/code-package.js";
export { createZip, type ZipEntry } from "./bundle/zip.js";
export { type CliIo, type CliOverrides, runCli } from "./cli/main.js";
export {
  bundleOptionsOf,
  type DeployOptions,
  type DeployResult,
  type DeployRunOptions,
  deploy,
  deployProject,
} from "./deploy.js";
export {
  AppLoadError,
  DeletionNotConfirmedError,
  DeployError,
  DeployLockedError,
  DeployValidationError,
  StepFailedError,
  WaitTimeoutError,
} from "./errors.js";
export type { FieldChange } from "./model/diff.js";
export { RESOURCE_KINDS, type ResourceKind } from "./model/resource.js";
export type { Change, ChangeAction, Plan } from "./plan/plan.js";
export { planJson } from "./plan/render-json.js";
export { renderPlanText } from "./plan/render-text.js";
export { loadProject, type Project, type ProjectOptions } from "./project/project.js";
export { type CloudFormationExport, exportTemplate } from "./template/cloudformation.js";
