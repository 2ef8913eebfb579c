/**
 * The keys of `.domovoi/config.json`. Names follow the original Domovoi (and Chalice), so an
 * existing project's configuration reads unchanged; every key may also appear under
 * `stages.<stage>` to override the top level for that stage.
 */
export const LAMBDA_RUNTIMES = ["nodejs22.x", "nodejs24.x"] as const;
export const ARCHITECTURES = ["x86_64", "arm64"] as const;

export type LambdaRuntime = (typeof LAMBDA_RUNTIMES)[number];
export type Architecture = (typeof ARCHITECTURES)[number];

/** The configuration of one stage, after stage overrides and defaults are applied. */
export interface StageConfig {
  readonly stage: string;
  /** `app_name`: when given, it must equal the app's `name`. */
  readonly appName: string | undefined;
  readonly environmentVariables: Readonly<Record<string, string>>;
  /** Seconds, 1 to 900. */
  readonly lambdaTimeout: number;
  /** MB, 128 to 10240. */
  readonly lambdaMemorySize: number;
  readonly runtime: LambdaRuntime;
  readonly architecture: Architecture;
  readonly tags: Readonly<Record<string, string>>;
  readonly deadLetterQueueTargetArn: string | undefined;
  readonly reservedConcurrentExecutions: number | undefined;
  readonly region: string | undefined;
  /** Deployer: the ALB target group that `albTarget` handlers are registered in. */
  readonly albTargetGroupArn: string | undefined;
  /** Deployer: the SES receipt rule set that `emailReceiptHandler` rules are added to. */
  readonly sesRuleSetName: string | undefined;
}

export const STAGE_DEFAULTS = {
  lambdaTimeout: 60,
  lambdaMemorySize: 128,
  runtime: "nodejs22.x",
  architecture: "x86_64",
} as const satisfies Partial<StageConfig>;

/** Lambda refuses to let functions set these environment variables itself. */
export const RESERVED_ENVIRONMENT_VARIABLES: ReadonlySet<string> = new Set([
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
]);
