// Node-only: the Lambda entry never imports this subpath.
export { ConfigError } from "./config-error.js";
export {
  CONFIG_DIR,
  type LoadConfigOptions,
  loadPolicy,
  loadStageConfig,
  type PolicyDocument,
  type PolicyStatement,
} from "./load-config.js";
export { readStageConfig } from "./read-config.js";
export {
  ARCHITECTURES,
  type Architecture,
  LAMBDA_RUNTIMES,
  type LambdaRuntime,
  STAGE_DEFAULTS,
  type StageConfig,
} from "./schema.js";
